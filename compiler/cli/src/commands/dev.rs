//! `backworks dev`: build, compile and run the server; on every change to the project, rebuild
//! and restart it. A change that does not compile leaves the running server alone and prints
//! the diagnostics, so a typo never takes the API down mid-session.
//!
//! The server runs in the project folder, so a relative database URL
//! (`sqlite://data/bookstore.db`) lands in `<project>/data/` whichever folder `dev` was started
//! from. What the server and the build write into the project (the database files, the output
//! folder, a new migration) is not a change: otherwise every request that writes a row, and
//! every build that writes a migration, would trigger another rebuild.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use notify::{RecursiveMode, Watcher};

use super::build;

/// How long to wait for more changes before rebuilding (editors write files in bursts).
const SETTLE: Duration = Duration::from_millis(300);

/// Runs the dev loop until interrupted. Returns false if it could not start at all.
pub fn dev(target: &Path, out: Option<&Path>) -> bool {
    let (sender, changes) = mpsc::channel();
    let mut watcher = match notify::recommended_watcher(move |event| {
        let _ = sender.send(event);
    }) {
        Ok(watcher) => watcher,
        Err(error) => {
            eprintln!("error: cannot watch files: {error}");
            return false;
        }
    };

    let mut server: Option<Child> = None;
    let mut watched: Option<Watched> = None;
    let mut announced_database = false;
    loop {
        if let Some((compiled, out_dir)) = build(target, out) {
            // The watcher reports paths under the folder as it was given; a canonical folder
            // makes them comparable with the output folder's.
            let root = canonical(&compiled.project.root);
            if watched.as_ref().is_none_or(|known| known.root != root)
                && let Err(error) = watcher.watch(&root, RecursiveMode::Recursive)
            {
                eprintln!("error: cannot watch `{}`: {error}", root.display());
                return false;
            }
            let own_writes = compiled
                .migration
                .iter()
                .flat_map(|migration| &migration.files)
                .map(|(relative, text)| (root.join("migrations").join(relative), text.clone()))
                .collect();
            watched = Some(Watched {
                out_dir: canonical(&out_dir),
                root: root.clone(),
                own_writes,
            });
            if !announced_database {
                announced_database = true;
                if let Some(database) = &compiled.service.database {
                    announce(&database.url, &compiled.project.root);
                }
                announce_dashboard(&compiled.service);
            }
            match compile_server(&out_dir) {
                Some(binary) => {
                    stop(&mut server);
                    server = start(&canonical(&binary), &root);
                }
                None => eprintln!("the server did not compile; still serving the previous build"),
            }
        } else if watched.is_none() {
            // Nothing valid yet: watch the target so fixing the blueprint triggers a build.
            let folder = if target.is_dir() {
                target
            } else {
                target.parent().unwrap_or(Path::new("."))
            };
            if let Err(error) = watcher.watch(&canonical(folder), RecursiveMode::Recursive) {
                eprintln!("error: cannot watch `{}`: {error}", folder.display());
                return false;
            }
            watched = Some(Watched {
                root: canonical(folder),
                out_dir: canonical(folder).join("out"),
                own_writes: Vec::new(),
            });
        }
        println!("watching for changes (Ctrl-C to stop)");
        let Some(watched) = &watched else {
            return false;
        };
        if !wait_for_change(&changes, watched) {
            stop(&mut server);
            return true;
        }
        println!("change detected, rebuilding…");
    }
}

/// What the dev loop watches, and what it wrote there itself.
struct Watched {
    /// The project folder, canonical (the watcher reports paths under it as given).
    root: PathBuf,
    /// The output folder, canonical.
    out_dir: PathBuf,
    /// The migration files the last build wrote into the project, with their text.
    own_writes: Vec<(PathBuf, String)>,
}

impl Watched {
    /// Whether a change to `path` is the person's. Not theirs: the output folder, cargo's
    /// `target` folders, the server's `data/` folder and SQLite files (whose WAL changes on
    /// every write), and the migration files the build itself wrote, as long as they still
    /// hold what it wrote (an edit to them is a change; the build's own write is not, or
    /// `dev` would rebuild right after every build that adds a migration).
    fn is_edit(&self, path: &Path) -> bool {
        let inside = path.strip_prefix(&self.root).unwrap_or(path);
        let generated = path.starts_with(&self.out_dir)
            || inside.components().any(|part| part.as_os_str() == "target")
            || inside.starts_with("data")
            || is_sqlite_file(path);
        !generated && !self.is_own_write(path)
    }

    fn is_own_write(&self, path: &Path) -> bool {
        self.own_writes.iter().any(|(written, text)| {
            if path.is_dir() {
                // The folders the build created for its files.
                return written.starts_with(path) && path.starts_with(self.root.join("migrations"));
            }
            written == path && std::fs::read(path).is_ok_and(|bytes| bytes == text.as_bytes())
        })
    }
}

/// SQLite's database and its companions: `x.db`, `x.db-wal`, `x.db-shm`, `x.db-journal`.
fn is_sqlite_file(path: &Path) -> bool {
    let name = path
        .file_name()
        .and_then(|name| name.to_str())
        .unwrap_or("");
    ["", "-wal", "-shm", "-journal"]
        .iter()
        .any(|suffix| name.ends_with(&format!(".db{suffix}")))
}

fn canonical(path: &Path) -> PathBuf {
    path.canonicalize().unwrap_or_else(|_| path.to_path_buf())
}

/// Blocks until the person changes a file, then lets the burst settle. False when the watcher
/// died.
fn wait_for_change(
    changes: &mpsc::Receiver<notify::Result<notify::Event>>,
    watched: &Watched,
) -> bool {
    let relevant = |event: &notify::Result<notify::Event>| match event {
        Ok(event) => {
            !event.kind.is_access() && event.paths.iter().any(|path| watched.is_edit(path))
        }
        Err(_) => false,
    };
    loop {
        match changes.recv() {
            Ok(event) if relevant(&event) => break,
            Ok(_) => continue,
            Err(_) => return false,
        }
    }
    while changes.recv_timeout(SETTLE).is_ok() {}
    true
}

/// Says which database the server will open: `DATABASE_URL` replaces the blueprint's URL, and a
/// relative SQLite path is under the project folder (the server's working directory).
fn announce(blueprint_url: &str, root: &Path) {
    match std::env::var("DATABASE_URL") {
        Ok(url) if !url.trim().is_empty() => {
            println!("database: {} (from DATABASE_URL)", without_password(&url));
        }
        _ => println!(
            "database: {} (relative paths are under {})",
            without_password(blueprint_url),
            root.display()
        ),
    }
}

/// Says where the dashboard will be: the server's address (`HOST`/`PORT` override the
/// blueprint's, as the server reads them) or `dashboard.port` (`DASHBOARD_PORT`).
fn announce_dashboard(service: &backworks_ir::Service) {
    if !service.dashboard.enabled {
        return;
    }
    let setting = |name: &str| std::env::var(name).ok().filter(|v| !v.trim().is_empty());
    let host = setting("HOST").unwrap_or_else(|| service.server.host.clone());
    let host = if host == "0.0.0.0" || host == "::" {
        "127.0.0.1".to_owned()
    } else {
        host
    };
    let port = setting("DASHBOARD_PORT")
        .or_else(|| service.dashboard.port.map(|port| port.to_string()))
        .or_else(|| setting("PORT"))
        .unwrap_or_else(|| service.server.port.to_string());
    let host = if host.contains(':') {
        format!("[{host}]")
    } else {
        host
    };
    println!("dashboard: http://{host}:{port}/_backworks/");
}

/// `postgres://me:secret@host/db` → `postgres://me:***@host/db`: a terminal is no place for it.
fn without_password(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_string();
    };
    let Some((credentials, host)) = rest.split_once('@') else {
        return url.to_string();
    };
    match credentials.split_once(':') {
        Some((user, _)) => format!("{scheme}://{user}:***@{host}"),
        None => url.to_string(),
    }
}

/// `cargo build` in `OUT/server`; returns the binary's path.
fn compile_server(out_dir: &Path) -> Option<PathBuf> {
    let server_dir = out_dir.join("server");
    let status = Command::new("cargo")
        .arg("build")
        .arg("--quiet")
        .arg("--message-format=short")
        .current_dir(&server_dir)
        .status();
    match status {
        Ok(status) if status.success() => {}
        Ok(_) => return None,
        Err(error) => {
            eprintln!("error: cannot run cargo: {error}");
            return None;
        }
    }
    let target_dir = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| server_dir.join("target"));
    let manifest = std::fs::read_to_string(server_dir.join("Cargo.toml")).ok()?;
    let name = manifest
        .lines()
        .find_map(|line| line.strip_prefix("name = "))?
        .trim_matches('"');
    Some(target_dir.join("debug").join(name))
}

/// Starts the server in the project folder, where relative database paths belong.
fn start(binary: &Path, project: &Path) -> Option<Child> {
    let mut command = Command::new(binary);
    command.stdin(Stdio::null()).current_dir(project);
    #[cfg(target_os = "linux")]
    {
        use std::os::unix::process::CommandExt;
        // SAFETY: the closure runs in the forked child before exec and only calls `prctl`,
        // which is async-signal-safe; it allocates nothing and touches no shared state.
        unsafe {
            command.pre_exec(|| {
                // Stop the server when `backworks dev` dies, however it dies.
                libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGTERM);
                Ok(())
            });
        }
    }
    match command.spawn() {
        Ok(child) => Some(child),
        Err(error) => {
            eprintln!("error: cannot start `{}`: {error}", binary.display());
            None
        }
    }
}

/// Stops the running server gracefully (SIGTERM, so in-flight requests finish), then waits.
fn stop(server: &mut Option<Child>) {
    let Some(mut child) = server.take() else {
        return;
    };
    let pid = child.id() as libc::pid_t;
    // SAFETY: `kill` only sends a signal; `pid` is our own child, which has not been reaped
    // yet (we still hold its `Child`), so the pid cannot have been reused by another process.
    let sent = unsafe { libc::kill(pid, libc::SIGTERM) } == 0;
    if !sent {
        let _ = child.kill();
    }
    let _ = child.wait();
}
