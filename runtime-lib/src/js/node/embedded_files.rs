//! The project files a build embedded for `fs.readFileSync` and its kin.
//!
//! A handler's server reads no file at run time: the compiler evaluated every path handed to
//! `fs` (`compiler/js/src/fs_embed/`), read those files and wrote them beside the generated
//! code, whose `main` installs the table here before serving. `__node.embeddedFile(path)`
//! answers a fresh `Buffer` of a file's bytes, or `undefined` for a path the build did not
//! find (then `fs.js` throws Node's `ENOENT`).
//!
//! ```text
//! main.rs: install(embedded_files::FILES)   fs.js: __node.embeddedFile("/srv/app/t.html") → <Buffer …>
//! ```

use std::sync::OnceLock;

/// One file the build embedded: its absolute path as the handler computes it, and its bytes.
#[derive(Debug)]
pub struct EmbeddedFile {
    pub path: &'static str,
    pub bytes: &'static [u8],
}

static FILES: OnceLock<&'static [EmbeddedFile]> = OnceLock::new();

/// Makes `files` the table `fs` reads (once per process; a second call is ignored).
pub fn install(files: &'static [EmbeddedFile]) {
    let _ = FILES.set(files);
}

/// The bytes of the embedded file at `path` (an absolute path, normalised as Node's `open`
/// would see it: `.` and `..` steps and doubled slashes do not change the file).
pub fn read(path: &str) -> Option<&'static [u8]> {
    let wanted = normalize(path)?;
    FILES
        .get()?
        .iter()
        .find(|file| file.path == wanted)
        .map(|file| file.bytes)
}

/// `/a/./b//c/../d` → `/a/b/d`; `None` for a relative path (the build refused those).
pub fn normalize(path: &str) -> Option<String> {
    if !path.starts_with('/') {
        return None;
    }
    let mut parts: Vec<&str> = Vec::new();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            name => parts.push(name),
        }
    }
    Some(format!("/{}", parts.join("/")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_compared_after_removing_dot_steps() {
        assert_eq!(normalize("/a/./b//c/../d").as_deref(), Some("/a/b/d"));
        assert_eq!(normalize("/../x").as_deref(), Some("/x"));
        assert_eq!(normalize("/").as_deref(), Some("/"));
        assert_eq!(normalize("a/b"), None);
    }
}
