//! Handler modules (JavaScript or TypeScript) → Rust modules that call `backworks-runtime`.
//!
//! This is the only crate that touches swc. The emitter hands it the handler sources the blueprint
//! names; it follows their relative `require`s through a [`SourceLoader`], parses every module,
//! lowers each one to Rust tokens and reports which handlers each entry module exports.

use std::path::{Path, PathBuf};

use backworks_diagnostics::{Diagnostic, SourceId};

mod bigint_use;
mod builtin_modules;
mod context_use;
mod diagnostics;
mod exports;
mod free_names;
mod fs_embed;
mod globals;
mod infer;
mod intl_use;
mod io_use;
mod lower;
mod names;
mod numeric;
mod parse;
mod program;
mod resolve;
mod scope;
mod state;
mod static_blocks;
mod types;

pub use infer::requests::{handler_inputs, infer_inputs};
pub use infer::{ExportResponses, InferredBody, InferredResponse, infer_responses};
pub use types::{ModuleTypes, annotate, handler_types};

/// The language a handler source is written in, from its file extension (inline handlers are
/// JavaScript).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Language {
    /// `.js`, `.cjs`, `.mjs` and inline handlers.
    JavaScript,
    /// `.ts`, `.mts`, `.cts`: types are stripped by swc.
    TypeScript,
}

/// A handler module the blueprint names, as registered in the build's `Sources`.
#[derive(Debug, Clone)]
pub struct HandlerSource {
    /// The registered source; diagnostics point into it.
    pub source: SourceId,
    /// The module's text (the same text as registered under `source`).
    pub text: String,
    /// The file's real path on disk, used to resolve its relative `require`s. For an inline
    /// handler, a path in the blueprint's folder (the file need not exist).
    pub path: PathBuf,
    /// JavaScript or TypeScript.
    pub language: Language,
}

/// Reads and registers modules reached through `require("./…")`.
pub trait SourceLoader {
    /// Reads the file at `path` and registers it in the build's sources, or says why it cannot.
    fn load(&mut self, path: &Path) -> Result<(SourceId, String), String>;

    /// The absolute, normalised form of a folder path as `load` takes it, so that packages can
    /// be looked up in the `node_modules` folders above it; `None` (the default) when the
    /// files are not on disk, and then no package can be loaded.
    fn absolute(&self, _path: &Path) -> Option<std::path::PathBuf> {
        None
    }
    /// Registers a source the compiler brings itself (a Node built-in module written in
    /// JavaScript, named `node:path`), so diagnostics can point into it.
    fn embed(&mut self, path: &Path, text: &str) -> SourceId;
}

/// Which handler an export provides.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExportKind {
    /// The module's single handler: `function handler`, `module.exports = …`,
    /// `exports.handler = …` or `export default …`. It serves every method of its route.
    Default,
    /// A per-method export such as `export function GET(req)`; the upper-case method name.
    Method(String),
}

/// One handler a module exports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HandlerExport {
    /// What the export is for.
    pub kind: ExportKind,
    /// Name of the generated Rust function in the module, whose type is
    /// `backworks_runtime::contract::Handler`.
    pub entry: String,
}

/// One compiled module.
#[derive(Debug, Clone)]
pub struct CompiledModule {
    /// A valid, unique Rust module name for it, e.g. `tasks` or `inline_hello_get`.
    pub rust_name: String,
    /// The path shown to people (the handler file, or the blueprint for inline handlers).
    pub display_path: PathBuf,
    /// The module's items, to be written to `src/js/<rust_name>.rs` of the generated server.
    pub items: proc_macro2::TokenStream,
    /// Handlers this module exports (empty for a module that is only `require`d).
    pub exports: Vec<HandlerExport>,
}

/// Everything compiled from one blueprint's handlers.
#[derive(Debug, Clone)]
pub struct CompiledProgram {
    /// Every module, entries and required ones, each once.
    pub modules: Vec<CompiledModule>,
    /// For each input [`HandlerSource`], in order, the index of its module in `modules`.
    pub entries: Vec<usize>,
    /// Warnings found on the way (the program compiled despite them).
    pub warnings: Vec<Diagnostic>,
    /// Items for `src/js/mod.rs` besides the `mod` declarations (shared isolate state, …).
    pub support: proc_macro2::TokenStream,
    /// The optional runtime features the modules use (`intl_use.rs` finds `Intl`; a program
    /// that includes the built-in `fetch` module needs `fetch`), for the pipeline to record in
    /// the IR.
    pub runtime_needs: backworks_ir::RuntimeNeeds,
    /// The project files the modules read with `fs`, by absolute path (`fs_embed/`); the
    /// pipeline records them in the IR's `Service::embedded_files`.
    pub embedded_files: Vec<backworks_ir::EmbeddedFile>,
}

/// What the compiler needs to know about the service besides its handlers.
#[derive(Debug, Clone, Default)]
pub struct CompileOptions {
    /// The service has a database: handlers that may read `ctx` may await `ctx.db`, so they
    /// run on an event-loop thread.
    pub database: bool,
}

/// Compiles the handlers of one blueprint. Reports every diagnostic it can find, not only the first.
pub fn compile(
    handlers: &[HandlerSource],
    loader: &mut dyn SourceLoader,
) -> Result<CompiledProgram, Vec<Diagnostic>> {
    program::compile(handlers, loader, &CompileOptions::default())
}

/// [`compile`] for a service described by `options` (whether it has a database).
pub fn compile_with(
    handlers: &[HandlerSource],
    loader: &mut dyn SourceLoader,
    options: &CompileOptions,
) -> Result<CompiledProgram, Vec<Diagnostic>> {
    program::compile(handlers, loader, options)
}
