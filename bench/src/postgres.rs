//! A throw-away PostgreSQL cluster for the data workloads: `initdb` into a temporary folder,
//! `pg_ctl start` on a free loopback port with its socket in that folder, trust
//! authentication for the user `bench`; stopped (`pg_ctl stop -m fast`) and deleted when
//! dropped. Never a system cluster. PostgreSQL refuses to run as root, so as root the
//! cluster runs as the `postgres` user (`runuser`).
//!
//! ```text
//! Cluster::start() ─▶ postgres://bench@127.0.0.1:41234/<db>   (fsync and synchronous_commit on)
//! ```

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, bail};

use crate::prepare::run;

/// Where Debian installs the server binaries (`postgresql` package).
const BIN: &str = "/usr/lib/postgresql/15/bin";

/// A running cluster.
pub(crate) struct Cluster {
    folder: PathBuf,
    /// Its loopback port.
    pub(crate) port: u16,
    as_postgres: bool,
}

impl Cluster {
    pub(crate) fn start() -> anyhow::Result<Cluster> {
        let bin = Path::new(BIN);
        if !bin.join("initdb").exists() {
            bail!("PostgreSQL 15 is not installed (Debian: apt-get install -y postgresql)");
        }
        let folder =
            std::env::temp_dir().join(format!("backworks-bench-pg-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&folder);
        std::fs::create_dir_all(&folder)?;
        let as_postgres = is_root();
        if as_postgres {
            run(Command::new("chown").arg("postgres").arg(&folder))?;
        }
        let port = crate::server::free_port()?;
        let cluster = Cluster {
            folder,
            port,
            as_postgres,
        };
        let data = cluster.folder.join("data");
        run(cluster.tool("initdb").arg("-D").arg(&data).args([
            "-U",
            "bench",
            "--auth=trust",
            "-E",
            "UTF8",
            "--no-sync",
        ]))
        .context("initdb")?;
        let settings = format!(
            "-p {port} -k {} -c listen_addresses=127.0.0.1 -c max_connections=100",
            cluster.folder.display()
        );
        run(cluster
            .tool("pg_ctl")
            .arg("-D")
            .arg(&data)
            .args(["-o", &settings, "-w", "-l"])
            .arg(cluster.folder.join("log"))
            .arg("start"))
        .context("pg_ctl start")?;
        Ok(cluster)
    }

    /// The URL of database `name` in this cluster.
    pub(crate) fn url(&self, name: &str) -> String {
        format!("postgres://bench@127.0.0.1:{}/{name}", self.port)
    }

    /// `psql` on database `name`, stopping at the first error.
    pub(crate) fn psql(&self, name: &str) -> Command {
        let mut command = Command::new("psql");
        command
            .args([
                "-X",
                "-q",
                "-v",
                "ON_ERROR_STOP=1",
                "-h",
                "127.0.0.1",
                "-U",
                "bench",
            ])
            .arg("-p")
            .arg(self.port.to_string())
            .arg("-d")
            .arg(name);
        command
    }

    /// A server binary, run as `postgres` when we are root.
    fn tool(&self, name: &str) -> Command {
        let program = Path::new(BIN).join(name);
        if self.as_postgres {
            let mut command = Command::new("runuser");
            command.args(["-u", "postgres", "--"]).arg(program);
            command
        } else {
            Command::new(program)
        }
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        let _ = run(self
            .tool("pg_ctl")
            .arg("-D")
            .arg(self.folder.join("data"))
            .args(["-m", "fast", "-w", "stop"]));
        let _ = std::fs::remove_dir_all(&self.folder);
    }
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|output| output.stdout.trim_ascii() == b"0")
}
