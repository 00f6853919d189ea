//! Embeds what the emitter writes verbatim — the runtime crate's sources, the templates and the
//! workspace's Cargo.lock — so an installed `backworks` needs no checkout.

use std::fmt::Write;
use std::path::{Path, PathBuf};

fn main() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("set by cargo"));
    let root = manifest.join("../..");
    let runtime = root.join("runtime-lib");
    let templates = root.join("templates");

    let mut out = String::new();
    out.push_str("/// The runtime crate's files, relative to `runtime-lib/`.\n");
    out.push_str("pub static RUNTIME_FILES: &[(&str, &str)] = &[\n");
    let mut runtime_files = vec![runtime.join("Cargo.toml")];
    collect(&runtime.join("src"), &mut runtime_files);
    let mut fingerprint = Fnv64::default();
    for file in &runtime_files {
        entry(&mut out, &runtime, file);
        fingerprint.write(&std::fs::read(file).expect("collected files exist"));
    }
    out.push_str("];\n\n");
    writeln!(
        out,
        "/// A hash of the runtime's sources: the vendored crate's version carries it.\n\
         pub static RUNTIME_FINGERPRINT: &str = \"{:016x}\";",
        fingerprint.0
    )
    .unwrap();
    out.push_str("\n/// The templates, relative to `templates/`.\n");
    out.push_str("pub static TEMPLATES: &[(&str, &str)] = &[\n");
    let mut template_files = Vec::new();
    collect(&templates, &mut template_files);
    for file in &template_files {
        entry(&mut out, &templates, file);
    }
    out.push_str("];\n\n/// The workspace lockfile, seeding each generated server's.\n");
    let lock = root.join("Cargo.lock");
    writeln!(
        out,
        "pub static CARGO_LOCK: &str = include_str!({:?});",
        lock.display().to_string()
    )
    .unwrap();

    let dest = PathBuf::from(std::env::var("OUT_DIR").expect("set by cargo")).join("embedded.rs");
    std::fs::write(dest, out).expect("OUT_DIR is writable");
    println!("cargo::rerun-if-changed={}", runtime.join("src").display());
    println!(
        "cargo::rerun-if-changed={}",
        runtime.join("Cargo.toml").display()
    );
    println!("cargo::rerun-if-changed={}", templates.display());
    println!("cargo::rerun-if-changed={}", lock.display());
    for file in runtime_files.iter().chain(&template_files) {
        println!("cargo::rerun-if-changed={}", file.display());
    }
}

/// FNV-1a, 64 bits: a content hash that is the same on every machine and toolchain.
struct Fnv64(u64);

impl Default for Fnv64 {
    fn default() -> Self {
        Fnv64(0xcbf2_9ce4_8422_2325)
    }
}

impl Fnv64 {
    fn write(&mut self, bytes: &[u8]) {
        for byte in bytes {
            self.0 ^= u64::from(*byte);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
}

fn entry(out: &mut String, base: &Path, file: &Path) {
    let relative = file.strip_prefix(base).expect("collected under base");
    let relative = relative.to_string_lossy().replace('\\', "/");
    let absolute = file.canonicalize().expect("collected files exist");
    writeln!(
        out,
        "    ({relative:?}, include_str!({:?})),",
        absolute.display().to_string()
    )
    .unwrap();
}

fn collect(dir: &Path, files: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<PathBuf> = entries
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            collect(&path, files);
        } else {
            files.push(path);
        }
    }
}
