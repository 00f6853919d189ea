//! Reading the files `fs` calls name, at build time, with the rules that keep a server's
//! binary to what the project meant to ship: the path is absolute (built from `__dirname`);
//! the file lies inside the project folder or the reading module's own folder (symbolic
//! links followed); it is not an environment file (secrets come from the environment at run
//! time, never baked into binaries); it is at most [`MAX_FILE_BYTES`]. A file that does not
//! exist is a warning: the call throws Node's `ENOENT` when it runs.

use std::path::{Path, PathBuf};

/// The largest file the build embeds.
pub(crate) const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// What became of one path.
pub(super) enum Outcome {
    /// The file's bytes.
    Embedded(Vec<u8>),
    /// No such file now: a warning, and `ENOENT` at run time.
    Missing,
    /// Refused: the diagnostic's message and help.
    Refused { message: String, help: String },
}

/// Where a module may read from: the project folder and the module's own folder.
pub(super) struct Roots {
    pub(super) project: Option<PathBuf>,
    pub(super) module_dir: Option<PathBuf>,
}

impl Roots {
    fn contain(&self, path: &Path) -> bool {
        [&self.project, &self.module_dir]
            .into_iter()
            .flatten()
            .any(|root| {
                path.starts_with(root)
                    || std::fs::canonicalize(root).is_ok_and(|real| path.starts_with(real))
            })
    }
}

/// Reads the file at `path` (absolute and normalised) if the rules allow it; messages name
/// it `shown`.
pub(super) fn read(path: &str, shown: &str, roots: &Roots) -> Outcome {
    let refused = |message: String, help: &str| Outcome::Refused {
        message,
        help: help.to_string(),
    };
    let file = Path::new(path);
    let name = file
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_default();
    if name == ".env" || name.starts_with(".env.") {
        return refused(
            format!("`{shown}` is an environment file, which the build does not embed"),
            "read secrets and settings from `process.env` (or `ctx.env`) when the server runs; a file baked into the binary would ship them with it",
        );
    }
    let inside = |path: &Path| roots.contain(path);
    if !inside(file) {
        return refused(
            format!("`{shown}` is outside the project folder"),
            "the build embeds only files of the project (or of the reading module's folder): build the path from __dirname and literals",
        );
    }
    match std::fs::canonicalize(file) {
        Ok(real) if !inside(&real) => {
            return refused(
                format!("`{shown}` leads outside the project folder (through a symbolic link)"),
                "the build embeds only files of the project: copy the file into it",
            );
        }
        Ok(_) => {}
        Err(_) => return Outcome::Missing,
    }
    let metadata = match std::fs::metadata(file) {
        Ok(metadata) => metadata,
        Err(_) => return Outcome::Missing,
    };
    if metadata.is_dir() {
        return refused(
            format!("`{shown}` is a folder"),
            "read a file: Node would throw EISDIR here",
        );
    }
    if metadata.len() > MAX_FILE_BYTES {
        return refused(
            format!(
                "`{shown}` is {} bytes, more than the {} MiB the build embeds per file",
                metadata.len(),
                MAX_FILE_BYTES / (1024 * 1024)
            ),
            "serve large files from storage or another service; the server's binary holds every embedded file in memory",
        );
    }
    match std::fs::read(file) {
        Ok(bytes) => Outcome::Embedded(bytes),
        Err(error) => refused(
            format!("`{shown}` cannot be read: {error}"),
            "make the file readable by the build",
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("backworks-fs-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    fn refusal(outcome: Outcome) -> String {
        match outcome {
            Outcome::Refused { message, .. } => message,
            Outcome::Embedded(_) => "embedded".to_string(),
            Outcome::Missing => "missing".to_string(),
        }
    }

    #[test]
    fn files_past_the_cap_and_outside_the_roots_are_refused() {
        let dir = scratch("cap");
        let roots = Roots {
            project: Some(dir.clone()),
            module_dir: None,
        };
        let big = dir.join("big.bin");
        // A sparse file: its length is past the cap without writing 16 MiB.
        std::fs::File::create(&big)
            .unwrap()
            .set_len(MAX_FILE_BYTES + 1)
            .unwrap();
        let path = big.display().to_string();
        assert!(refusal(read(&path, "big.bin", &roots)).contains("more than the 16 MiB"));

        let small = dir.join("small.txt");
        std::fs::write(&small, "hi").unwrap();
        let path = small.display().to_string();
        assert!(
            matches!(read(&path, "small.txt", &roots), Outcome::Embedded(bytes) if bytes == b"hi")
        );
        assert_eq!(
            refusal(read(
                &dir.join("none").display().to_string(),
                "none",
                &roots
            )),
            "missing"
        );
        let elsewhere = Roots {
            project: Some(dir.join("sub")),
            module_dir: None,
        };
        assert!(refusal(read(&path, "small.txt", &elsewhere)).contains("outside the project"));
        std::fs::remove_dir_all(dir).unwrap();
    }
}
