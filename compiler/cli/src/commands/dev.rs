//! `backworks dev`: build, compile and run the server; on every change to the project, rebuild
//! and restart it. A change that does not compile leaves the running server alone and prints
//! the diagnostics, so a typo never takes the API down mid-session.

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
    let mut watched: Option<(PathBuf, PathBuf)> = None;
    loop {
        if let Some((compiled, out_dir)) = build(target, out) {
            // The watcher reports paths under the folder as it was given; a canonical folder
            // makes them comparable with the output folder's.
            let root = canonical(&compiled.project.root);
            if watched
                .as_ref()
                .is_none_or(|(watched_root, _)| *watched_root != root)
            {
                if let Err(error) = watcher.watch(&root, RecursiveMode::Recursive) {
                    eprintln!("error: cannot watch `{}`: {error}", root.display());
                    return false;
                }
                watched = Some((root, canonical(&out_dir)));
            }
            match compile_server(&out_dir) {
                Some(binary) => {
                    stop(&mut server);
                    server = start(&binary);
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
            watched = Some((canonical(folder), canonical(folder).join("out")));
        }
        println!("watching for changes (Ctrl-C to stop)");
        let Some((root, out_dir)) = &watched else {
            return false;
        };
        if !wait_for_change(&changes, root, out_dir) {
            stop(&mut server);
            return true;
        }
        println!("change detected, rebuilding…");
    }
}

/// Blocks until a relevant file changes, then lets the burst settle. False when the watcher died.
fn canonical(path: &Path) -> PathBuf {
    path.canonicalize().unwrap_or_else(|_| path.to_path_buf())
}

/// Changes under the output folder, or under a `target` folder inside the project (cargo's
/// builds), are the dev loop's own and do not count. `root` and `out_dir` are canonical, as
/// are the paths the watcher reports for a canonical root.
fn wait_for_change(
    changes: &mpsc::Receiver<notify::Result<notify::Event>>,
    root: &Path,
    out_dir: &Path,
) -> bool {
    let relevant = |event: &notify::Result<notify::Event>| match event {
        Ok(event) => {
            !event.kind.is_access()
                && event.paths.iter().any(|path| {
                    let inside = path.strip_prefix(root).unwrap_or(path);
                    let generated = path.starts_with(out_dir)
                        || inside.components().any(|part| part.as_os_str() == "target");
                    !generated
                })
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

fn start(binary: &Path) -> Option<Child> {
    let mut command = Command::new(binary);
    command.stdin(Stdio::null());
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
