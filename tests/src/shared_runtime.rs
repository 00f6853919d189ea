//! One compiled runtime for every server the tests build.
//!
//! Each generated server vendors the runtime into its own `server/backworks-runtime/`, and
//! cargo identifies a path dependency by its folder: two servers built from two output folders
//! compile the same runtime twice (about 20 s of CPU each, with `storage` and `auth`). The
//! tests build dozens of servers, so before building, a server's manifest is pointed at one
//! shared copy of its vendored runtime instead: `target/servers/runtime/<version>/`, where
//! the version carries a hash of the runtime's sources (`compiler/emit/build.rs`). The files
//! compiled are the vendored files byte for byte; only their folder differs, so every server
//! with the same features links one compiled runtime. `examples_artifacts.rs` still checks the
//! vendored crate as `backworks build` writes it, and the CLI's own builds use it in place.

use std::path::{Path, PathBuf};

/// What the generated manifest says, and what it says once pointed at the shared copy.
const VENDORED_PATH: &str = "path = \"backworks-runtime\"";

/// Points `server_dir/Cargo.toml` at the shared copy of its vendored runtime, copying the
/// runtime there first if no server with the same runtime has been built yet.
pub(crate) fn share_runtime(server_dir: &Path, shared_root: &Path) -> Result<(), String> {
    let manifest_path = server_dir.join("Cargo.toml");
    let manifest = read(&manifest_path)?;
    if !manifest.contains(VENDORED_PATH) {
        return Ok(()); // already pointed, or a server without the vendored runtime
    }
    let vendored = server_dir.join("backworks-runtime");
    let vendored_manifest = read(&vendored.join("Cargo.toml"))?;
    let version = runtime_version(&vendored_manifest)
        .ok_or("the vendored runtime's manifest has no version")?;
    let shared = shared_root.join("runtime").join(version);
    if !shared.join("Cargo.toml").is_file() {
        publish_copy(&vendored, &shared)?;
    }
    let pointed = manifest.replacen(
        VENDORED_PATH,
        &format!("path = {:?}", shared.display().to_string()),
        1,
    );
    std::fs::write(&manifest_path, pointed).map_err(|error| error.to_string())
}

/// The `version = "…"` of a `[package]` manifest.
fn runtime_version(manifest: &str) -> Option<&str> {
    manifest
        .lines()
        .find_map(|line| line.strip_prefix("version = "))
        .map(|version| version.trim().trim_matches('"'))
}

/// Copies `from` into a private folder beside `to`, then renames it into place, so a server
/// built concurrently never sees a half-written copy. When another test got there first, its
/// copy (the same files: the folder is named by their hash) is kept.
fn publish_copy(from: &Path, to: &Path) -> Result<(), String> {
    let parent = to.parent().ok_or("the shared folder has a parent")?;
    std::fs::create_dir_all(parent).map_err(|error| error.to_string())?;
    let staging = unique_staging_folder(parent);
    copy_tree(from, &staging).map_err(|error| error.to_string())?;
    if std::fs::rename(&staging, to).is_err() {
        let _ = std::fs::remove_dir_all(&staging);
        if !to.join("Cargo.toml").is_file() {
            return Err(format!(
                "cannot publish the shared runtime {}",
                to.display()
            ));
        }
    }
    Ok(())
}

fn unique_staging_folder(parent: &Path) -> PathBuf {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    parent.join(format!(
        ".staging-{}-{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    ))
}

fn copy_tree(from: &Path, to: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_tree(&entry.path(), &target)?;
        } else {
            std::fs::copy(entry.path(), target)?;
        }
    }
    Ok(())
}

fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|error| format!("{}: {error}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::runtime_version;

    #[test]
    fn the_version_line_of_the_package_is_read() {
        let manifest = "[package]\nname = \"backworks-runtime\"\nversion = \"0.1.0+a4d57a907faa995c\"\nedition = \"2024\"\n";
        assert_eq!(runtime_version(manifest), Some("0.1.0+a4d57a907faa995c"));
    }
}
