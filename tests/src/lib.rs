//! Support for the workspace's end-to-end tests: compiling projects with the real pipeline,
//! building their generated servers with cargo, running them on free loopback ports and
//! talking to them over real HTTP.

mod command;
pub mod http;
pub mod jwt;
pub mod oidc;
pub mod postgres;
pub mod server;
mod shared_runtime;
pub mod sqlite;

use std::path::{Path, PathBuf};

use backworks::pipeline::{self, Compiled};
use backworks_diagnostics::{Sources, render_all};

/// The workspace root.
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("tests/ is inside the workspace")
        .to_path_buf()
}

/// Every example project, by folder name: each is compiled, validated and served by the tests.
pub const EXAMPLES: &[&str] = &[
    "hello-world",
    "task-manager",
    "blog-api",
    "catalog",
    "typed-notes",
    "bookstore",
    "hand-validated",
];

/// The folder of the example `name`.
pub fn example(name: &str) -> PathBuf {
    workspace_root().join("examples").join(name)
}

/// Compiles the project at `target`; on failure, the rendered diagnostics.
pub fn compile(target: &Path) -> Result<Compiled, String> {
    let mut sources = Sources::new();
    pipeline::compile(target, &mut sources)
        .map_err(|failed| render_all(&failed.diagnostics, &sources))
}

/// Compiles the project at `target` and returns its rendered diagnostics (empty when it compiles).
pub fn diagnostics_of(target: &Path) -> String {
    let mut sources = Sources::new();
    match pipeline::compile(target, &mut sources) {
        Ok(compiled) => render_all(&compiled.warnings, &sources),
        Err(failed) => render_all(&failed.diagnostics, &sources),
    }
}
