//! SQLite through `rusqlite` (bundled, so nothing is installed): one writer thread owning the
//! only write connection, and a few reader threads with connections of their own, all fed
//! jobs through channels so tokio's workers never block on the disk.
//!
//! ```text
//! begin() ─▶ take the write lease (async mutex) ─▶ writer: BEGIN IMMEDIATE … COMMIT
//! reader() ─▶ any reader thread: a WAL snapshot, never waiting for the writer
//! ```
//!
//! Durability: WAL with `synchronous=FULL`, so a commit is on disk (the WAL fsynced) before
//! it is acknowledged — a process crash or a power cut loses no acknowledged write. (NORMAL
//! would survive a process crash but could lose the last commits on power loss.)
//! `foreign_keys=ON` so refs are enforced; `busy_timeout` covers another process holding the
//! file, after which the request gets a 503. `sqlite::memory:` has no reader threads: every
//! connection to `:memory:` would be another database, so the writer serves reads too.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use rusqlite::types::{ToSqlOutput, Value as Cell, ValueRef};
use rusqlite::{Connection, ErrorCode as Code, OpenFlags, ffi};
use tokio::sync::OwnedMutexGuard;

use super::RawRow;
use crate::storage::conflict::{self, Constraint};
use crate::storage::error::{ErrorCode, StoreError};
use crate::storage::sql::Statement;
use crate::storage::time;
use crate::storage::value::SqlValue;

/// Reader threads for a database file.
const READERS: usize = 4;
/// How long a statement waits for a lock held by another process before a 503.
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

type Job = Box<dyn FnOnce(&mut Connection) + Send>;

/// An open SQLite database.
#[derive(Clone)]
pub(crate) struct SqliteEngine {
    writer: Sender<Job>,
    /// `None` in memory, where the writer serves reads.
    readers: Option<Sender<Job>>,
    /// Held for the whole of each write transaction, so they run one after another.
    write_lease: Arc<tokio::sync::Mutex<()>>,
}

/// Where the database lives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Location {
    /// A file (its folder is created).
    File(PathBuf),
    /// A private in-memory database (tests).
    Memory,
}

impl SqliteEngine {
    /// Opens (creating) the database and starts its threads.
    pub(crate) fn open(location: &Location) -> Result<SqliteEngine, String> {
        let writer = match location {
            Location::Memory => Connection::open_in_memory(),
            Location::File(path) => {
                if let Some(folder) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
                    std::fs::create_dir_all(folder).map_err(|error| {
                        format!("cannot create the folder {}: {error}", folder.display())
                    })?;
                }
                Connection::open(path)
            }
        }
        .map_err(|error| format!("cannot open the SQLite database: {error}"))?;
        configure(&writer, false).map_err(|error| format!("cannot configure SQLite: {error}"))?;
        let readers = match location {
            Location::Memory => None,
            Location::File(path) => {
                let (sender, receiver) = channel::<Job>();
                let receiver = Arc::new(Mutex::new(receiver));
                for index in 0..READERS {
                    let connection = Connection::open_with_flags(
                        path,
                        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
                    )
                    .map_err(|error| format!("cannot open the SQLite database: {error}"))?;
                    configure(&connection, true)
                        .map_err(|error| format!("cannot configure SQLite: {error}"))?;
                    let receiver = Arc::clone(&receiver);
                    spawn(format!("sqlite-reader-{index}"), connection, move || {
                        receiver.lock().ok()?.recv().ok()
                    })?;
                }
                Some(sender)
            }
        };
        let (sender, receiver) = channel::<Job>();
        spawn("sqlite-writer".to_owned(), writer, move || {
            receiver_recv(&receiver)
        })?;
        Ok(SqliteEngine {
            writer: sender,
            readers,
            write_lease: Arc::new(tokio::sync::Mutex::new(())),
        })
    }

    /// A session for reads outside a transaction.
    pub(crate) fn reader(&self) -> SqliteSession {
        SqliteSession {
            jobs: self.readers.clone().unwrap_or_else(|| self.writer.clone()),
            _lease: None,
            open: false,
            keys_off: false,
        }
    }

    /// A session on the writer inside `BEGIN IMMEDIATE`, holding the write lease.
    pub(crate) async fn begin(&self) -> Result<SqliteSession, StoreError> {
        self.begin_with(false).await
    }

    /// A session for applying migrations: foreign keys off for the transaction (a table
    /// rebuild drops a table others refer to; with them on, `ON DELETE CASCADE` would empty
    /// the referring tables), checked with `foreign_key_check` before `COMMIT`, and back on
    /// when the session ends, however it ends. The pragma must precede `BEGIN`: inside a
    /// transaction SQLite ignores it.
    pub(crate) async fn begin_migration(&self) -> Result<SqliteSession, StoreError> {
        self.begin_with(true).await
    }

    async fn begin_with(&self, keys_off: bool) -> Result<SqliteSession, StoreError> {
        let lease = Arc::clone(&self.write_lease).lock_owned().await;
        let mut session = SqliteSession {
            jobs: self.writer.clone(),
            _lease: Some(lease),
            open: false,
            keys_off,
        };
        let begin = if keys_off {
            "PRAGMA foreign_keys = OFF; BEGIN IMMEDIATE"
        } else {
            "BEGIN IMMEDIATE"
        };
        // Open before `BEGIN` is even sent: if this future is dropped while it waits (a client
        // gone), the job still runs, and the session's drop must queue the ROLLBACK that ends
        // it, or the writer would stay inside a transaction and refuse every later `BEGIN`.
        session.open = true;
        let begun = call(&session.jobs, move |connection| {
            connection.execute_batch(begin).map_err(classify)
        })
        .await;
        if begun.is_err() {
            session.open = false;
            if keys_off {
                let _ = call(&session.jobs, |connection| {
                    connection.execute_batch(KEYS_ON).map_err(classify)
                })
                .await;
            }
        }
        begun?;
        Ok(session)
    }
}

/// Turns foreign keys back on after a migration session (outside any transaction).
const KEYS_ON: &str = "PRAGMA foreign_keys = ON";

fn receiver_recv(receiver: &Receiver<Job>) -> Option<Job> {
    receiver.recv().ok()
}

/// Runs `next`'s jobs on a thread owning `connection` until the channel closes.
fn spawn(
    name: String,
    mut connection: Connection,
    mut next: impl FnMut() -> Option<Job> + Send + 'static,
) -> Result<(), String> {
    std::thread::Builder::new()
        .name(name)
        .spawn(move || {
            while let Some(job) = next() {
                // A job answers through its own channel; a panic drops that channel, which the
                // waiting request reads as an internal error, and the thread goes on serving.
                let _ = catch_unwind(AssertUnwindSafe(|| job(&mut connection)));
            }
        })
        .map(|_| ())
        .map_err(|error| format!("cannot start a database thread: {error}"))
}

fn configure(connection: &Connection, reader: bool) -> rusqlite::Result<()> {
    connection.busy_timeout(BUSY_TIMEOUT)?;
    if reader {
        connection.execute_batch("PRAGMA foreign_keys = ON; PRAGMA query_only = ON;")
    } else {
        // journal_mode answers with a row, so it is read rather than executed.
        let _: String = connection.query_row("PRAGMA journal_mode = WAL", [], |row| row.get(0))?;
        connection.execute_batch("PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;")
    }
}

/// Sends `work` to the thread behind `jobs` and awaits its answer.
async fn call<T: Send + 'static>(
    jobs: &Sender<Job>,
    work: impl FnOnce(&mut Connection) -> Result<T, StoreError> + Send + 'static,
) -> Result<T, StoreError> {
    let (answer, answered) = tokio::sync::oneshot::channel();
    jobs.send(Box::new(move |connection| {
        let _ = answer.send(work(connection));
    }))
    .map_err(|_| StoreError::unavailable("the database thread has stopped"))?;
    answered
        .await
        .map_err(|_| StoreError::internal("a database job panicked"))?
}

/// A connection's worth of work: a reader, or the writer inside a transaction.
pub(crate) struct SqliteSession {
    jobs: Sender<Job>,
    /// Held, never read: while it lives no other transaction can begin on the writer.
    _lease: Option<OwnedMutexGuard<()>>,
    /// A transaction is open and must be ended (on drop, rolled back).
    open: bool,
    /// Foreign keys are off for this transaction and must be checked, then turned back on.
    keys_off: bool,
}

impl SqliteSession {
    pub(crate) async fn query(&mut self, statement: Statement) -> Result<Vec<RawRow>, StoreError> {
        call(&self.jobs, move |connection| run(connection, &statement)).await
    }

    pub(crate) async fn batch(&mut self, text: String) -> Result<(), StoreError> {
        call(&self.jobs, move |connection| {
            connection.execute_batch(&text).map_err(classify)
        })
        .await
    }

    pub(crate) async fn finish(mut self, verb: &'static str) -> Result<(), StoreError> {
        if !self.open {
            return Ok(());
        }
        self.open = false;
        let keys_off = self.keys_off;
        let outcome = call(&self.jobs, move |connection| {
            let dangling = if verb == "COMMIT" && keys_off {
                dangling_reference(connection)?
            } else {
                None
            };
            let verb = if dangling.is_some() { "ROLLBACK" } else { verb };
            connection.execute_batch(verb).map_err(classify)?;
            match verb {
                // Said in full: this stops the server's start, and the person reading it
                // must know which table to look at.
                "ROLLBACK" if keys_off => Err(StoreError::new(
                    ErrorCode::ForeignKeyViolation,
                    format!(
                        "the migrations left rows of `{}` referring to missing rows \
                         (PRAGMA foreign_key_check); nothing was applied",
                        dangling.unwrap_or_default()
                    ),
                )),
                _ => Ok(()),
            }
        })
        .await;
        if outcome.is_err() && verb == "COMMIT" {
            // A failed COMMIT leaves the transaction open; end it before the lease is freed
            // (harmless when the check above already rolled it back).
            let _ = call(&self.jobs, |connection| {
                connection.execute_batch("ROLLBACK").map_err(classify)
            })
            .await;
        }
        if keys_off {
            let _ = call(&self.jobs, |connection| {
                connection.execute_batch(KEYS_ON).map_err(classify)
            })
            .await;
        }
        outcome
    }
}

/// The first row `PRAGMA foreign_key_check` reports (table, rowid), if any.
fn dangling_reference(connection: &Connection) -> Result<Option<String>, StoreError> {
    let mut check = connection
        .prepare("PRAGMA foreign_key_check")
        .map_err(classify)?;
    let mut rows = check.query([]).map_err(classify)?;
    Ok(rows
        .next()
        .map_err(classify)?
        .map(|row| row.get::<_, String>(0).unwrap_or_default()))
}

impl Drop for SqliteSession {
    fn drop(&mut self) {
        if self.open {
            // Queued before the lease is released (fields drop after this), so the writer runs
            // the ROLLBACK before any other transaction's BEGIN.
            let keys_off = self.keys_off;
            let _ = self.jobs.send(Box::new(move |connection| {
                let _ = connection.execute_batch("ROLLBACK");
                if keys_off {
                    let _ = connection.execute_batch(KEYS_ON);
                }
            }));
        }
    }
}

fn run(connection: &mut Connection, statement: &Statement) -> Result<Vec<RawRow>, StoreError> {
    let mut prepared = connection
        .prepare_cached(&statement.text)
        .map_err(classify)?;
    let names: Vec<String> = prepared
        .column_names()
        .into_iter()
        .map(str::to_owned)
        .collect();
    let mut rows = prepared
        .query(rusqlite::params_from_iter(statement.params.iter()))
        .map_err(classify)?;
    let mut out = Vec::new();
    while let Some(row) = rows.next().map_err(classify)? {
        let mut cells = Vec::with_capacity(names.len());
        for (index, name) in names.iter().enumerate() {
            let cell = match row.get_ref(index).map_err(classify)? {
                ValueRef::Null => SqlValue::Null,
                ValueRef::Integer(number) => SqlValue::Int(number),
                ValueRef::Real(number) => SqlValue::Float(number),
                ValueRef::Text(bytes) | ValueRef::Blob(bytes) => {
                    SqlValue::Text(String::from_utf8_lossy(bytes).into_owned())
                }
            };
            cells.push((name.clone(), cell));
        }
        out.push(cells);
    }
    Ok(out)
}

impl rusqlite::ToSql for SqlValue {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::Owned(match self {
            SqlValue::Null => Cell::Null,
            SqlValue::Int(number) => Cell::Integer(*number),
            SqlValue::Float(number) => Cell::Real(*number),
            SqlValue::Bool(flag) => Cell::Integer(i64::from(*flag)),
            SqlValue::Text(text) | SqlValue::Json(text) | SqlValue::Uuid(text) => {
                Cell::Text(text.clone())
            }
            SqlValue::Instant(ms) => Cell::Text(time::format_instant(*ms)),
            SqlValue::Date(days) => Cell::Text(time::format_date(*days)),
        }))
    }
}

/// Sorts a rusqlite error into the stable codes.
fn classify(error: rusqlite::Error) -> StoreError {
    let (failure, message) = match &error {
        rusqlite::Error::SqliteFailure(failure, message) => (failure, message.clone()),
        // Only hand-written SQL (`ctx.db.sql`) can fail to parse: the message is the author's.
        rusqlite::Error::SqlInputError { msg, .. } => {
            return StoreError::new(ErrorCode::Invalid, format!("SQLite: {msg}"));
        }
        _ => return StoreError::internal(format!("SQLite: {error}")),
    };
    let text = message.unwrap_or_else(|| error.to_string());
    match failure.code {
        Code::ConstraintViolation => {
            let logged = format!("SQLite: {text}");
            match failure.extended_code {
                ffi::SQLITE_CONSTRAINT_UNIQUE | ffi::SQLITE_CONSTRAINT_PRIMARYKEY => {
                    conflict::engine_error(
                        ErrorCode::UniqueViolation,
                        conflict::sqlite_unique(&text),
                        &logged,
                    )
                }
                // SQLite does not say which reference failed.
                ffi::SQLITE_CONSTRAINT_FOREIGNKEY => conflict::engine_error(
                    ErrorCode::ForeignKeyViolation,
                    Constraint::default(),
                    &logged,
                ),
                ffi::SQLITE_CONSTRAINT_NOTNULL => {
                    StoreError::refused(ErrorCode::NotNullViolation, &logged)
                }
                ffi::SQLITE_CONSTRAINT_CHECK => {
                    StoreError::refused(ErrorCode::CheckViolation, &logged)
                }
                _ => StoreError::internal(logged),
            }
        }
        Code::DatabaseBusy | Code::DatabaseLocked => {
            StoreError::unavailable("the database is busy; try again")
        }
        Code::CannotOpen | Code::SystemIoFailure | Code::DiskFull => {
            tracing::error!(target: "backworks::storage", "SQLite: {text}");
            StoreError::unavailable("the database cannot be written; try again")
        }
        // Mistakes in SQL a handler wrote (`ctx.db.sql`): the message is theirs to read.
        Code::Unknown => StoreError::new(ErrorCode::Invalid, format!("SQLite: {text}")),
        _ => StoreError::internal(format!("SQLite: {text}")),
    }
}
