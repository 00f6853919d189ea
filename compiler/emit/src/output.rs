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
    text: String,
    /// Written only when the file does not exist yet (e.g. `Cargo.lock`, which cargo owns
    /// after the first build).
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
        self.files.insert(
            path.into(),
            FileContent {
                text: text.into(),
                seed_only: false,
            },
        );
    }

    /// Adds a file that is written only if it does not exist yet.
    pub fn seed(&mut self, path: impl Into<PathBuf>, text: impl Into<String>) {
        self.files.insert(
            path.into(),
            FileContent {
                text: text.into(),
                seed_only: true,
            },
        );
    }

    /// Every file with its text, in path order.
    pub fn files(&self) -> impl Iterator<Item = (&Path, &str)> {
        self.files
            .iter()
            .map(|(path, content)| (path.as_path(), content.text.as_str()))
    }

    /// The text of one file, if the tree has it.
    pub fn get(&self, path: &str) -> Option<&str> {
        self.files
            .get(Path::new(path))
            .map(|content| content.text.as_str())
    }

    /// Writes the tree under `root`: changed files only, then removes stale ones.
    pub fn write(&self, root: &Path) -> io::Result<WriteReport> {
        let mut report = WriteReport::default();
        for (relative, content) in &self.files {
            let path = root.join(relative);
            let existing = std::fs::read(&path).ok();
            let up_to_date = match &existing {
                Some(_) if content.seed_only => true,
                Some(bytes) => bytes == content.text.as_bytes(),
                None => false,
            };
            if up_to_date {
                report.unchanged += 1;
                continue;
            }
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent)?;
            }
            std::fs::write(&path, &content.text)?;
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
        assert_eq!(first.written.len(), 2);

        std::fs::write(dir.join("server/Cargo.lock"), "# cargo's own\n").unwrap();
        let second = tree.write(&dir).unwrap();
        assert!(second.written.is_empty(), "{second:?}");
        assert_eq!(second.unchanged, 2);
        assert_eq!(
            std::fs::read_to_string(dir.join("server/Cargo.lock")).unwrap(),
            "# cargo's own\n"
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
