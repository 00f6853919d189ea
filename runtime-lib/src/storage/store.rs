//! [`Store`], the one entry point to the service's data, and [`Transaction`]. The CRUD routes
//! and `ctx.db` both call these, so validation, defaults, ETags and error codes are the same
//! whichever way a request comes in.
//!
//! ```ignore
//! let store = Store::open(&DATA).await?;            // connect, migrate, seed
//! let origin = Origin::request(caller, &request_id, ip);   // who writes, in which request
//! let book = store.create("books", row, &origin).await?;  // validated, defaults applied
//! let page = store.list("books", ListQuery::parse(books, &params)?).await?;
//! let mut tx = store.begin().await?;
//! tx.update("books", &json!(7), patch, Some(etag), &origin).await?;
//! tx.commit().await?;                               // dropped instead: rolled back
//! ```
//!
//! Each write outside a transaction is its own transaction (a precondition is checked in the
//! same one as the write). Every write takes the [`Origin`] its audit entry names, appended
//! in the write's own transaction (see `audit/`). Reads outside a transaction go to SQLite's reader threads or any
//! pooled PostgreSQL connection.

use std::sync::{Arc, OnceLock};

use serde_json::Value;

use super::audit::{self, AuditPage, AuditQuery, Event, Origin};
use super::engine::{Engine, PgEngine, Session, SqliteEngine};
use super::error::StoreError;
use super::etag::Precondition;
use super::query::{Filter, ListQuery};
use super::record::Write;
use super::spec::{DataSpec, ResourceSpec};
use super::url::{Target, resolve};
use super::{Page, Row, list, migrate, ops};

/// The service's data: cheap to clone, shareable across threads.
#[derive(Clone)]
pub struct Store {
    inner: Arc<Inner>,
}

struct Inner {
    data: &'static DataSpec,
    engine: Engine,
    /// Told after every commit, so this instance's live-event reader looks for new events at
    /// once (`events::Hub`); other instances learn of them from PostgreSQL's `NOTIFY`.
    committed: Arc<tokio::sync::Notify>,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let engine = match self.inner.engine {
            Engine::Sqlite(_) => "sqlite",
            Engine::Postgres(_) => "postgres",
        };
        f.debug_struct("Store").field("engine", &engine).finish()
    }
}

static INSTALLED: OnceLock<Store> = OnceLock::new();

impl Store {
    /// Opens the database `DATABASE_URL` (else `spec.url`, expanded) names, applies missing
    /// migrations and seeds empty tables. The error is one line, for the start-up `error:`.
    pub async fn open(spec: &'static DataSpec) -> Result<Store, StoreError> {
        let failed = |message: String| StoreError::unavailable(message);
        let engine = match resolve(spec.url).map_err(failed)? {
            Target::Sqlite(location) => {
                Engine::Sqlite(SqliteEngine::open(&location).map_err(failed)?)
            }
            Target::Postgres(url) => Engine::Postgres(PgEngine::open(&url).map_err(failed)?),
        };
        migrate::migrate_and_seed(&engine, spec)
            .await
            .map_err(failed)?;
        let store = Store {
            inner: Arc::new(Inner {
                data: spec,
                engine,
                committed: Arc::new(tokio::sync::Notify::new()),
            }),
        };
        if let Some(period) = audit::retention() {
            audit::retention::start(
                Arc::downgrade(&store.inner),
                period,
                |inner, before| async move { Store { inner }.purge_audit(before).await },
            );
        }
        Ok(store)
    }

    /// Deletes the audit entries older than `before` (ms since the epoch): the retention
    /// purge, the one deletion the log's append-only triggers let through.
    pub(crate) async fn purge_audit(&self, before: i64) -> Result<(), StoreError> {
        let mut session = self.inner.engine.begin().await?;
        audit::retention::purge(&mut session, before).await?;
        session.commit().await
    }

    /// Makes `store` the process's store (what `http::serve` does once at start); later calls
    /// keep the first.
    pub fn install(store: Store) {
        let _ = INSTALLED.set(store);
    }

    /// The process's store, once installed.
    pub fn installed() -> Option<&'static Store> {
        INSTALLED.get()
    }

    /// The data description the store was opened with.
    pub fn data(&self) -> &'static DataSpec {
        self.inner.data
    }

    /// The resource named `name`.
    pub fn resource(&self, name: &str) -> Option<&'static ResourceSpec> {
        super::columns::resource(self.inner.data, name)
    }

    /// The engine underneath, for the platform's own tables (`rate_limits.rs`).
    pub(crate) fn engine(&self) -> &Engine {
        &self.inner.engine
    }

    pub(crate) async fn reader(&self) -> Result<Session, StoreError> {
        self.inner.engine.reader().await
    }

    /// Told after each commit through this store (the live-event reader waits on it).
    pub(crate) fn committed(&self) -> Arc<tokio::sync::Notify> {
        Arc::clone(&self.inner.committed)
    }

    /// The row of `resource` with this id (a number, its text, or a UUID).
    pub async fn get(&self, resource: &str, id: &Value) -> Result<Option<Row>, StoreError> {
        ops::get(
            &mut self.reader().await?,
            self.inner.data,
            resource,
            id,
            false,
        )
        .await
    }

    /// One page of rows.
    pub async fn list(&self, resource: &str, query: ListQuery) -> Result<Page, StoreError> {
        list::list(&mut self.reader().await?, self.inner.data, resource, query).await
    }

    /// How many rows match.
    pub async fn count(&self, resource: &str, filter: Filter) -> Result<u64, StoreError> {
        list::count(
            &mut self.reader().await?,
            self.inner.data,
            resource,
            &filter,
        )
        .await
    }

    /// One page of the audit log, newest first.
    pub async fn audit(&self, query: &AuditQuery) -> Result<AuditPage, StoreError> {
        audit::read(&mut self.reader().await?, query).await
    }

    /// Inserts a row; answers it as stored (id, defaults, timestamps).
    pub async fn create(
        &self,
        resource: &str,
        data: Row,
        origin: &Origin,
    ) -> Result<Row, StoreError> {
        let mut tx = self.begin().await?;
        let row = tx.create(resource, data, origin).await?;
        tx.commit().await?;
        Ok(row)
    }

    /// Changes the fields `patch` names; `None` when there is no such row.
    pub async fn update(
        &self,
        resource: &str,
        id: &Value,
        patch: Row,
        expect: Option<Precondition>,
        origin: &Origin,
    ) -> Result<Option<Row>, StoreError> {
        let mut tx = self.begin().await?;
        let row = tx.update(resource, id, patch, expect, origin).await?;
        tx.commit().await?;
        Ok(row)
    }

    /// Replaces every field (absent ones get their default or null); `None` when no such row.
    pub async fn replace(
        &self,
        resource: &str,
        id: &Value,
        data: Row,
        expect: Option<Precondition>,
        origin: &Origin,
    ) -> Result<Option<Row>, StoreError> {
        let mut tx = self.begin().await?;
        let row = tx.replace(resource, id, data, expect, origin).await?;
        tx.commit().await?;
        Ok(row)
    }

    /// Deletes a row; `false` when there was none.
    pub async fn delete(
        &self,
        resource: &str,
        id: &Value,
        expect: Option<Precondition>,
        origin: &Origin,
    ) -> Result<bool, StoreError> {
        let mut tx = self.begin().await?;
        let deleted = tx.delete(resource, id, expect, origin).await?;
        tx.commit().await?;
        Ok(deleted)
    }

    /// Runs hand-written SQL (`?` placeholders on both engines) in its own transaction.
    pub async fn sql(
        &self,
        text: String,
        params: Vec<Value>,
        origin: &Origin,
    ) -> Result<Vec<Row>, StoreError> {
        let mut tx = self.begin().await?;
        let rows = tx.sql(text, params, origin).await?;
        tx.commit().await?;
        Ok(rows)
    }

    /// Runs the platform's own SQL on its `_backworks_*` tables in a transaction of its own,
    /// without an audit entry for the statement (see [`Transaction::platform_sql`]).
    #[cfg_attr(
        not(feature = "auth"),
        allow(dead_code, reason = "the built-in accounts' tables, with `auth`")
    )]
    pub(crate) async fn platform_sql(
        &self,
        text: String,
        params: Vec<Value>,
    ) -> Result<Vec<Row>, StoreError> {
        let mut tx = self.begin().await?;
        let rows = tx.platform_sql(text, params).await?;
        tx.commit().await?;
        Ok(rows)
    }

    /// Runs a hand-written read (`?` placeholders) on a reader connection: the platform's own
    /// lookups per request (API keys), which must not queue behind SQLite's single writer.
    pub(crate) async fn read_sql(
        &self,
        text: String,
        params: Vec<Value>,
    ) -> Result<Vec<Row>, StoreError> {
        ops::platform_sql(&mut self.reader().await?, text, params).await
    }

    /// Starts a transaction.
    pub async fn begin(&self) -> Result<Transaction, StoreError> {
        Ok(Transaction {
            data: self.inner.data,
            session: self.inner.engine.begin().await?,
            committed: Arc::clone(&self.inner.committed),
        })
    }
}

/// Several operations that take effect together on [`Transaction::commit`]; dropped without
/// it, they are rolled back.
pub struct Transaction {
    data: &'static DataSpec,
    session: Session,
    committed: Arc<tokio::sync::Notify>,
}

impl std::fmt::Debug for Transaction {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Transaction").finish_non_exhaustive()
    }
}

impl Transaction {
    /// See [`Store::get`]; sees this transaction's own writes, and locks the row until the
    /// transaction ends, so what it read cannot change under a read-modify-write.
    pub async fn get(&mut self, resource: &str, id: &Value) -> Result<Option<Row>, StoreError> {
        ops::get(&mut self.session, self.data, resource, id, true).await
    }

    /// See [`Store::list`].
    pub async fn list(&mut self, resource: &str, query: ListQuery) -> Result<Page, StoreError> {
        list::list(&mut self.session, self.data, resource, query).await
    }

    /// See [`Store::count`].
    pub async fn count(&mut self, resource: &str, filter: Filter) -> Result<u64, StoreError> {
        list::count(&mut self.session, self.data, resource, &filter).await
    }

    /// See [`Store::create`].
    pub async fn create(
        &mut self,
        resource: &str,
        data: Row,
        origin: &Origin,
    ) -> Result<Row, StoreError> {
        let session = &mut self.session;
        ops::create(
            session,
            self.data,
            resource,
            data,
            Write::Create,
            Some(origin),
        )
        .await
    }

    /// See [`Store::update`].
    pub async fn update(
        &mut self,
        resource: &str,
        id: &Value,
        patch: Row,
        expect: Option<Precondition>,
        origin: &Origin,
    ) -> Result<Option<Row>, StoreError> {
        let expect = expect.as_ref();
        ops::update(
            &mut self.session,
            self.data,
            resource,
            id,
            patch,
            expect,
            Write::Patch,
            origin,
        )
        .await
    }

    /// See [`Store::replace`].
    pub async fn replace(
        &mut self,
        resource: &str,
        id: &Value,
        data: Row,
        expect: Option<Precondition>,
        origin: &Origin,
    ) -> Result<Option<Row>, StoreError> {
        let expect = expect.as_ref();
        ops::update(
            &mut self.session,
            self.data,
            resource,
            id,
            data,
            expect,
            Write::Replace,
            origin,
        )
        .await
    }

    /// See [`Store::delete`].
    pub async fn delete(
        &mut self,
        resource: &str,
        id: &Value,
        expect: Option<Precondition>,
        origin: &Origin,
    ) -> Result<bool, StoreError> {
        let expect = expect.as_ref();
        ops::delete(&mut self.session, self.data, resource, id, expect, origin).await
    }

    /// See [`Store::sql`].
    pub async fn sql(
        &mut self,
        text: String,
        params: Vec<Value>,
        origin: &Origin,
    ) -> Result<Vec<Row>, StoreError> {
        ops::raw_sql(&mut self.session, text, params, origin).await
    }

    /// Runs the platform's own SQL on its `_backworks_*` tables, without an audit entry for the
    /// statement (the caller records the identity event it stands for).
    pub(crate) async fn platform_sql(
        &mut self,
        text: String,
        params: Vec<Value>,
    ) -> Result<Vec<Row>, StoreError> {
        ops::platform_sql(&mut self.session, text, params).await
    }

    /// Appends an identity event to the audit log, committed with this transaction's writes
    /// (see [`audit::record`] for one on its own).
    pub async fn record(&mut self, origin: &Origin, event: &Event) -> Result<(), StoreError> {
        audit::append(&mut self.session, origin, event.entry()).await
    }

    /// The transaction's session (the record rules' checks run inside it).
    pub(crate) fn session(&mut self) -> &mut Session {
        &mut self.session
    }

    /// Makes every write of the transaction durable.
    pub async fn commit(self) -> Result<(), StoreError> {
        self.session.commit().await?;
        // A stored permit: the reader cannot miss a commit that lands while it is busy.
        self.committed.notify_one();
        Ok(())
    }

    /// Commits without waking the live-event reader: the reader's own bookkeeping (numbering
    /// and trimming events), which would otherwise wake it again and again.
    pub(crate) async fn commit_quietly(self) -> Result<(), StoreError> {
        self.session.commit().await
    }

    /// Undoes every write of the transaction.
    pub async fn rollback(self) -> Result<(), StoreError> {
        self.session.rollback().await
    }
}
