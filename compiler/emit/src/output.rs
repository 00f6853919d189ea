//! The files a build produces, and writing them without touching what did not change.
//!
//! Unchanged files keep their modification time, so cargo does not rebuild a generated server
//! whose project did not change. Files a previous build wrote and this one does not are removed,
//! using the list kept in `OUT/.backworks-files`.

use std::collections::BTreeMap;
use std::io;
use std::path::{Path, PathBuf};

/// Name of the list of files the last build wrote, inside the output folder.
const MANIFEST: &str = ".backworks-files";

/// Output files by path relative to the output folder, in a stable order.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct OutputTree {
    files: BTreeMap<PathBuf, FileContent>,
}

/// A file's content and whether a later build may overwrite it.
#[derive(Debug, Clone, PartialEq)]
struct FileContent {
    /// The file's bytes: text for everything but the files handlers embed (`add_bytes`).
    bytes: Vec<u8>,
    /// Written only when the file does not exist yet or its seed changed since it was
    /// written (e.g. `Cargo.lock`, which cargo owns after the first build).
    seed_only: bool,
}

/// What [`OutputTree::write`] did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct WriteReport {
    /// Files created or changed.
    pub written: Vec<PathBuf>,
    /// Files left as they were.
    pub unchanged: usize,
    /// Files from an earlier build that were removed.
    pub removed: Vec<PathBuf>,
}

impl OutputTree {
    /// An empty tree.
    pub fn new() -> Self {
        OutputTree::default()
    }

    /// Adds (or replaces) a file.
    pub fn add(&mut self, path: impl Into<PathBuf>, text: impl Into<String>) {
        self.add_bytes(path, text.into().into_bytes());
    }

    /// Adds (or replaces) a file of any bytes (a project file a handler reads with `fs`).
    pub fn add_bytes(&mut self, path: impl Into<PathBuf>, bytes: Vec<u8>) {
        self.files.insert(
            path.into(),
            FileContent {
                bytes,
                seed_only: false,
            },
        );
    }

    /// Adds a file that is written only if it does not exist yet, or if the text it was
    /// seeded with differs from `text`: a stamp of the seed is kept beside it, so a file
    /// another tool took over (cargo's lockfile) is left alone until Backworks itself brings a
    /// different seed (a new runtime dependency), which then replaces it.
    pub fn seed(&mut self, path: impl Into<PathBuf>, text: impl Into<String>) {
        let path = path.into();
        let text = text.into();
        self.add(seed_stamp_path(&path), seed_stamp(text.as_bytes()));
        self.files.insert(
            path,
            FileContent {
                bytes: text.into_bytes(),
                seed_only: true,
            },
        );
    }

    /// Every text file with its text, in path order (embedded files that are not UTF-8 are
    /// left out).
    pub fn files(&self) -> impl Iterator<Item = (&Path, &str)> {
        self.files.iter().filter_map(|(path, content)| {
            Some((path.as_path(), std::str::from_utf8(&content.bytes).ok()?))
        })
    }

    /// The text of one file, if the tree has it and it is text.
    pub fn get(&self, path: &str) -> Option<&str> {
        self.files
            .get(Path::new(path))
            .and_then(|content| std::str::from_utf8(&content.bytes).ok())
    }

    /// Writes the tree under `root`: changed files only, then removes stale ones.
    pub fn write(&self, root: &Path) -> io::Result<WriteReport> {
        let mut report = WriteReport::default();
        // Read before the loop writes any stamp: a seed is current when its stamp on disk is.
        let current_seeds: Vec<&PathBuf> = self
            .files
            .iter()
            .filter(|(relative, content)| {
                content.seed_only
                    && std::fs::read(root.join(seed_stamp_path(relative)))
                        .is_ok_and(|stamp| stamp == seed_stamp(&content.bytes).as_bytes())
            })
            .map(|(relative, _)| relative)
            .collect();
        for (relative, content) in &self.files {
            let path = root.join(relative);
            let existing = std::fs::read(&path).ok();
            let up_to_date = match &existing {
                Some(_) if content.seed_only => current_seeds.contains(&relative),
                Some(bytes) => *bytes == content.bytes,
                None => false,
            };
            if up_to_date {
                report.unchanged += 1;
                continue;
            }
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent)?;
            }
            std::fs::write(&path, &content.bytes)?;
            report.written.push(relative.clone());
        }

        let manifest_path = root.join(MANIFEST);
        let previous = std::fs::read_to_string(&manifest_path).unwrap_or_default();
        for stale in previous.lines().map(PathBuf::from) {
            if !self.files.contains_key(&stale) && root.join(&stale).is_file() {
                std::fs::remove_file(root.join(&stale))?;
                report.removed.push(stale);
            }
        }
        let manifest: String = self
            .files
            .keys()
            .map(|path| format!("{}\n", path.to_string_lossy().replace('\\', "/")))
            .collect();
        if previous != manifest {
            std::fs::create_dir_all(root)?;
            std::fs::write(&manifest_path, manifest)?;
        }
        Ok(report)
    }
}

/// Where the stamp of a seeded file is kept: `.Cargo.lock.seed` beside `Cargo.lock`.
fn seed_stamp_path(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map_or_else(String::new, |name| name.to_string_lossy().into_owned());
    path.with_file_name(format!(".{name}.seed"))
}

/// A stamp that changes when the seed's text does (64-bit FNV-1a: change detection between
/// two versions of one file, not a defence against anyone).
fn seed_stamp(text: &[u8]) -> String {
    let hash = text.iter().fold(0xcbf2_9ce4_8422_2325_u64, |hash, byte| {
        (hash ^ u64::from(*byte)).wrapping_mul(0x0000_0100_0000_01b3)
    });
    format!("{hash:016x}\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp_dir(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("backworks-output-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        dir
    }

    #[test]
    fn rewriting_an_identical_tree_touches_nothing() {
        let dir = temp_dir("same");
        let mut tree = OutputTree::new();
        tree.add("server/src/main.rs", "fn main() {}\n");
        tree.seed("server/Cargo.lock", "# seed\n");
        let first = tree.write(&dir).unwrap();
        assert_eq!(first.written.len(), 3, "{first:?}");

        std::fs::write(dir.join("server/Cargo.lock"), "# cargo's own\n").unwrap();
        let second = tree.write(&dir).unwrap();
        assert!(second.written.is_empty(), "{second:?}");
        assert_eq!(second.unchanged, 3);
        assert_eq!(
            std::fs::read_to_string(dir.join("server/Cargo.lock")).unwrap(),
            "# cargo's own\n"
        );
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn a_changed_seed_replaces_the_file_once() {
        let dir = temp_dir("reseed");
        let mut tree = OutputTree::new();
        tree.seed("server/Cargo.lock", "# seed 1\n");
        tree.write(&dir).unwrap();
        std::fs::write(dir.join("server/Cargo.lock"), "# cargo's own\n").unwrap();

        let mut newer = OutputTree::new();
        newer.seed("server/Cargo.lock", "# seed 2\n");
        let report = newer.write(&dir).unwrap();
        assert!(
            report.written.contains(&PathBuf::from("server/Cargo.lock")),
            "{report:?}"
        );
        assert_eq!(
            std::fs::read_to_string(dir.join("server/Cargo.lock")).unwrap(),
            "# seed 2\n"
        );
        // Cargo owns it again from here on.
        std::fs::write(dir.join("server/Cargo.lock"), "# cargo's own, later\n").unwrap();
        assert!(newer.write(&dir).unwrap().written.is_empty());
        assert_eq!(
            std::fs::read_to_string(dir.join("server/Cargo.lock")).unwrap(),
            "# cargo's own, later\n"
        );
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn files_dropped_from_the_tree_are_removed() {
        let dir = temp_dir("stale");
        let mut tree = OutputTree::new();
        tree.add("a.txt", "a");
        tree.add("b.txt", "b");
        tree.write(&dir).unwrap();

        let mut smaller = OutputTree::new();
        smaller.add("a.txt", "a");
        let report = smaller.write(&dir).unwrap();
        assert_eq!(report.removed, vec![PathBuf::from("b.txt")]);
        assert!(!dir.join("b.txt").exists());
        std::fs::remove_dir_all(dir).unwrap();
    }
}
