//! Throw-away PostgreSQL clusters for the tests: `initdb` into a temporary folder, `pg_ctl
//! start` on a free loopback port (its unix socket in the same folder), one fresh database per
//! test. Never the system's cluster.
//!
//! A watchdog shell (detached with `setsid`) stops the cluster and removes its folder as soon
//! as the test process is gone, however it ended, so no cluster outlives its tests. As root
//! (CI), the server binaries run as the `postgres` user, since PostgreSQL refuses root.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Debian's PostgreSQL 15 binaries.
const BIN: &str = "/usr/lib/postgresql/15/bin";

/// A running cluster.
pub struct Cluster {
    pub dir: PathBuf,
    pub port: u16,
}

static SHARED: OnceLock<Cluster> = OnceLock::new();
static DATABASES: AtomicUsize = AtomicUsize::new(0);

/// The cluster shared by the tests of this binary, started on first use.
pub fn shared() -> &'static Cluster {
    SHARED.get_or_init(Cluster::start_new)
}

/// Whether PostgreSQL is installed (the tests need it; `scripts/test-all.sh` installs it).
pub fn installed() -> bool {
    Path::new(BIN).join("initdb").exists()
}

fn as_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .map(|out| String::from_utf8_lossy(&out.stdout).trim() == "0")
        .unwrap_or(false)
}

/// A command running `program` from the PostgreSQL binaries, as `postgres` when we are root.
fn pg(program: &str) -> Command {
    let path = Path::new(BIN).join(program);
    if as_root() {
        let mut command = Command::new("runuser");
        command.args(["-u", "postgres", "--"]).arg(path);
        command
    } else {
        Command::new(path)
    }
}

fn run(mut command: Command, what: &str) {
    let out = command
        .stdin(Stdio::null())
        .output()
        .unwrap_or_else(|error| panic!("{what}: {error}"));
    assert!(
        out.status.success(),
        "{what} failed: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .map(|addr| addr.port())
        .expect("a free loopback port")
}

impl Cluster {
    /// Creates and starts a cluster of its own (for tests that stop it).
    pub fn start_new() -> Cluster {
        assert!(installed(), "PostgreSQL 15 is not installed in {BIN}");
        let dir = std::env::temp_dir().join(format!(
            "backworks-pg-{}-{}",
            std::process::id(),
            DATABASES.fetch_add(1, Ordering::SeqCst)
        ));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("create the cluster folder");
        if as_root() {
            run(
                {
                    let mut chown = Command::new("chown");
                    chown.arg("postgres:postgres").arg(&dir);
                    chown
                },
                "chown",
            );
        }
        let mut initdb = pg("initdb");
        initdb.arg("-D").arg(dir.join("data")).args([
            "-U",
            "postgres",
            "--auth=trust",
            "-E",
            "UTF8",
            "--locale=C",
            "--no-sync",
        ]);
        run(initdb, "initdb");
        let cluster = Cluster {
            dir,
            port: free_port(),
        };
        cluster.start();
        cluster.watch();
        cluster
    }

    /// Starts (or restarts) the server and waits until it accepts connections.
    pub fn start(&self) {
        let mut start = pg("pg_ctl");
        start
            .arg("-D")
            .arg(self.dir.join("data"))
            .arg("-l")
            .arg(self.dir.join("log"))
            .args(["-w", "-o"])
            .arg(format!(
                "-p {} -k {} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200",
                self.port,
                self.dir.display()
            ))
            .arg("start");
        run(start, "pg_ctl start");
    }

    /// Stops the server (`-m fast`: connections are cut, as in a failover).
    pub fn stop(&self) {
        let mut stop = pg("pg_ctl");
        stop.arg("-D")
            .arg(self.dir.join("data"))
            .args(["-m", "fast", "-w", "stop"]);
        run(stop, "pg_ctl stop");
    }

    /// A new, empty database; its connection URL.
    pub fn create_database(&self) -> String {
        let name = format!("t{}", DATABASES.fetch_add(1, Ordering::SeqCst));
        let mut create = pg("createdb");
        create
            .args(["-h", "127.0.0.1", "-p"])
            .arg(self.port.to_string())
            .args(["-U", "postgres"])
            .arg(&name);
        run(create, "createdb");
        format!("postgres://postgres@127.0.0.1:{}/{name}", self.port)
    }

    /// Starts the watchdog that stops this cluster once the test process has exited.
    fn watch(&self) {
        let stop = if as_root() {
            "runuser -u postgres -- "
        } else {
            ""
        };
        let script = format!(
            "while kill -0 {pid} 2>/dev/null; do sleep 0.3; done; \
             {stop}{BIN}/pg_ctl -D '{data}' -m immediate stop >/dev/null 2>&1; rm -rf '{dir}'",
            pid = std::process::id(),
            data = self.dir.join("data").display(),
            dir = self.dir.display(),
        );
        // `setsid -f` forks the watchdog into its own session and returns at once.
        Command::new("setsid")
            .args(["-f", "sh", "-c", &script])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .expect("start the cluster watchdog");
    }
}
