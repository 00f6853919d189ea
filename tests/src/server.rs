//! Building a generated server and running it as a child process on a free loopback port.

use std::io::{BufRead, BufReader};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use crate::workspace_root;

/// One target folder for every generated server the tests build, so their dependencies
/// (axum, tokio, …) compile once per machine, not once per project.
pub fn shared_target_dir() -> PathBuf {
    std::env::var_os("BACKWORKS_SERVERS_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace_root().join("target").join("servers"))
}

/// Builds the server project under `out/server` and returns the binary's path.
pub fn build_server(out: &Path) -> PathBuf {
    try_build_server(out).unwrap_or_else(|errors| {
        panic!(
            "the generated server in {} does not compile:\n{errors}",
            out.display()
        )
    })
}

/// Builds the server project under `out/server`; on failure, cargo's error output.
pub fn try_build_server(out: &Path) -> Result<PathBuf, String> {
    let server_dir = out.join("server");
    crate::shared_runtime::share_runtime(&server_dir, &shared_target_dir())?;
    let output = Command::new(env!("CARGO"))
        .args(["build", "--quiet", "--message-format=short"])
        .current_dir(&server_dir)
        .env("CARGO_TARGET_DIR", shared_target_dir())
        .output()
        .map_err(|error| format!("cannot run cargo: {error}"))?;
    if !output.status.success() {
        return Err(String::from_utf8_lossy(&output.stderr).into_owned());
    }
    let manifest = std::fs::read_to_string(server_dir.join("Cargo.toml"))
        .map_err(|error| error.to_string())?;
    let name = manifest
        .lines()
        .find_map(|line| line.strip_prefix("name = "))
        .ok_or("the manifest names no package")?
        .trim_matches('"');
    Ok(shared_target_dir().join("debug").join(name))
}

/// A running server, stopped (SIGKILL) when dropped.
pub struct RunningServer {
    child: Child,
    /// `http://127.0.0.1:PORT`.
    pub base_url: String,
    /// The port it listens on.
    pub port: u16,
    /// Lines the server wrote to stdout and stderr after its start line.
    pub output: mpsc::Receiver<String>,
}

impl RunningServer {
    /// Starts `binary` on a free port and waits for its `listening on` line.
    pub fn start(binary: &Path) -> RunningServer {
        RunningServer::start_with_env(binary, &[])
    }

    /// As [`RunningServer::start`], with extra environment variables.
    pub fn start_with_env(binary: &Path, env: &[(&str, &str)]) -> RunningServer {
        RunningServer::spawn(Command::new(binary), env, "listening on http://127.0.0.1:")
    }

    /// As [`RunningServer::start_with_env`], in `working_dir`: where a relative SQLite URL
    /// (`sqlite://data/bookstore.db`) puts the database.
    pub fn start_in(binary: &Path, working_dir: &Path, env: &[(&str, &str)]) -> RunningServer {
        let mut command = Command::new(binary);
        command.current_dir(working_dir);
        RunningServer::spawn(command, env, "listening on http://127.0.0.1:")
    }

    /// Starts `command` with `PORT`/`HOST` set to a free loopback port and waits for a line
    /// containing `ready` followed by the port.
    pub fn spawn(mut command: Command, env: &[(&str, &str)], ready: &str) -> RunningServer {
        let port = free_port();
        command
            .env("PORT", port.to_string())
            .env("HOST", "127.0.0.1")
            .env("BACKWORKS_LOG", "json")
            .envs(env.iter().copied())
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let mut child = command.spawn().expect("server binary starts");
        let (sender, output) = mpsc::channel();
        for stream in [
            child
                .stdout
                .take()
                .map(|s| Box::new(s) as Box<dyn std::io::Read + Send>),
            child
                .stderr
                .take()
                .map(|s| Box::new(s) as Box<dyn std::io::Read + Send>),
        ]
        .into_iter()
        .flatten()
        {
            let sender = sender.clone();
            std::thread::spawn(move || {
                for line in BufReader::new(stream).lines().map_while(Result::ok) {
                    if sender.send(line).is_err() {
                        break;
                    }
                }
            });
        }
        let mut server = RunningServer {
            child,
            base_url: format!("http://127.0.0.1:{port}"),
            port,
            output,
        };
        let expected = format!("{ready}{port}");
        server.wait_for_line(|line| line.contains(&expected));
        server
    }

    /// Waits (up to 30 s) for an output line matching `predicate` and returns it.
    pub fn wait_for_line(&mut self, predicate: impl Fn(&str) -> bool) -> String {
        let deadline = std::time::Instant::now() + Duration::from_secs(30);
        loop {
            let left = deadline.saturating_duration_since(std::time::Instant::now());
            match self.output.recv_timeout(left) {
                Ok(line) if predicate(&line) => return line,
                Ok(_) => continue,
                Err(_) => {
                    let status = self.child.try_wait().ok().flatten();
                    panic!("the server never printed the expected line (exit status: {status:?})");
                }
            }
        }
    }

    /// Sends SIGTERM and waits for the process to exit; returns whether it exited successfully.
    pub fn terminate(mut self) -> bool {
        let status = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status()
            .expect("kill runs");
        assert!(status.success());
        let deadline = std::time::Instant::now() + Duration::from_secs(10);
        loop {
            if let Some(status) = self.child.try_wait().expect("waitable") {
                return status.success();
            }
            assert!(
                std::time::Instant::now() < deadline,
                "server did not stop within 10 s of SIGTERM"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for RunningServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A port nobody listens on right now.
fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .map(|address| address.port())
        .expect("loopback has free ports")
}
