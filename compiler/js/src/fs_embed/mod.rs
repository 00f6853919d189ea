//! Read-only `fs` of project files, embedded at build time.
//!
//! Handlers load templates, JSON settings and SQL at module load
//! (`fs.readFileSync(path.join(__dirname, "templates", "welcome.html"), "utf8")`). A compiled
//! server has no project folder beside it, so the build reads those files instead: for each
//! call of `fs.readFileSync`, `fs.existsSync` or `fs.promises.readFile` (and `fs/promises`'
//! `readFile`) it evaluates the path argument (`evaluate.rs`), checks and reads the file
//! (`files.rs`) and hands its bytes to the program, which carries them in the IR to the
//! emitter. At run time `src/node/fs.js` looks the path the handler computes up in that table
//! (`__node.embeddedFile`), so the answer is Node's: a `Buffer`, a string in the asked
//! encoding, or `ENOENT`.
//!
//! ```text
//! bindings.rs  which names are `fs`, its functions, `path`, or constant paths
//! uses.rs      the calls to evaluate, and every other use of `fs` (errors)
//! evaluate.rs  the build-time value of a path expression
//! posix_path.rs Node's path functions on those values
//! files.rs     reading a file, or why not
//! ```

mod bindings;
mod evaluate;
mod files;
mod posix_path;
mod uses;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use backworks_diagnostics::Diagnostic;
use swc_core::ecma::ast::Module;

use crate::parse::SpanMap;
use crate::scope::Scopes;

pub(crate) use posix_path::dirname;

/// One module, as the pass sees it.
pub(crate) struct ModuleFs<'a> {
    pub(crate) module: &'a Module,
    pub(crate) scopes: &'a Scopes,
    pub(crate) spans: SpanMap,
    /// The module file's absolute path (`__filename`, `import.meta.filename`).
    pub(crate) filename: Option<&'a str>,
    /// Whether it is an ES module (`import.meta`, no `__dirname`).
    pub(crate) esm: bool,
    /// The module file's absolute folder, whatever the module kind.
    pub(crate) module_dir: Option<PathBuf>,
    /// The project folder (the blueprint's), absolute.
    pub(crate) project: Option<PathBuf>,
}

/// Finds the module's `fs` calls, reads the files they name into `files` (absolute path →
/// bytes; a missing file is left out) and reports every problem.
pub(crate) fn embed(
    unit: &ModuleFs<'_>,
    files: &mut BTreeMap<String, Vec<u8>>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let found = bindings::find(unit.module, unit.scopes);
    if found.meanings.is_empty() {
        return;
    }
    let cx = evaluate::Context {
        scopes: unit.scopes,
        bindings: &found,
        filename: unit.filename,
        esm: unit.esm,
    };
    let roots = files::Roots {
        project: unit.project.clone(),
        module_dir: unit.module_dir.clone(),
    };
    for found in uses::find(unit.module, &cx) {
        match found {
            uses::Use::Read { span, path } => {
                let span = unit.spans.span(span);
                // A `file:` URL (`new URL("./t.html", import.meta.url)`) names its path.
                let path = url_path(&path).unwrap_or(path);
                if !path.starts_with('/') {
                    diagnostics.push(
                        Diagnostic::error(
                            "fs-relative-path",
                            format!("the path `{path}` is relative"),
                        )
                        .with_label(span, "Node resolves it against the working directory")
                        .with_help("build the path from __dirname and literals: `path.join(__dirname, \"file.txt\")`"),
                    );
                    continue;
                }
                let normal = posix_path::normalize(&path);
                if files.contains_key(&normal) {
                    continue;
                }
                let shown = shown(&normal, unit.project.as_deref());
                match files::read(&normal, &shown, &roots) {
                    files::Outcome::Embedded(bytes) => {
                        files.insert(normal, bytes);
                    }
                    files::Outcome::Missing => diagnostics.push(
                        Diagnostic::warning("fs-missing-file", format!("`{shown}` does not exist"))
                            .with_label(span, "read here")
                            .with_help("reading it throws Node's ENOENT error when the server runs (and `existsSync` answers false); add the file and build again if it should exist"),
                    ),
                    files::Outcome::Refused { message, help } => diagnostics.push(
                        Diagnostic::error("fs-refused-file", message)
                            .with_label(span, "read here")
                            .with_help(help),
                    ),
                }
            }
            uses::Use::Unknown { call, unknown } => {
                let mut diagnostic = Diagnostic::error(
                    "fs-dynamic-path",
                    "the build cannot compute the path this `fs` call reads",
                )
                .with_label(
                    unit.spans.span(unknown.span),
                    format!("{}: not known until the server runs", unknown.what),
                );
                if unknown.span != call {
                    diagnostic = diagnostic.with_label(unit.spans.span(call), "the call");
                }
                diagnostics.push(diagnostic.with_help(
                    "build the path from __dirname and literals (`path.join(__dirname, \"data\", \"x.json\")`, constants of those): the build embeds the files `fs` reads",
                ));
            }
            uses::Use::Unsupported { span, name } => {
                diagnostics.push(unsupported_member(unit.spans.span(span), &name));
            }
            uses::Use::Escaping { span } => diagnostics.push(crate::diagnostics::unsupported(
                unit.spans.span(span),
                "`fs` or one of its functions used as a value",
                "call `fs.readFileSync(path)`, `fs.existsSync(path)` or `fs.promises.readFile(path)` directly: the build embeds the files those calls name",
            )),
        }
    }
}

/// `import.meta.url` of the module file `filename`: a `file:` URL, its path percent-encoded
/// as Node's `pathToFileURL` does (the URL Standard's path set, `%` and non-ASCII).
pub(crate) fn file_url(filename: &str) -> String {
    let mut url = String::from("file://");
    for byte in filename.bytes() {
        match byte {
            b'a'..=b'z'
            | b'A'..=b'Z'
            | b'0'..=b'9'
            | b'/'
            | b'-'
            | b'.'
            | b'_'
            | b'!'
            | b'$'
            | b'&'
            | b'\''
            | b'('
            | b')'
            | b'*'
            | b'+'
            | b','
            | b';'
            | b'='
            | b':'
            | b'@' => url.push(byte as char),
            other => url.push_str(&format!("%{other:02X}")),
        }
    }
    url
}

/// `url.fileURLToPath` of a `file:` URL the build computed (`None` for another text).
pub(crate) fn url_path(url: &str) -> Option<String> {
    let path = url.strip_prefix("file://")?;
    let bytes = path.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut index = 0;
    while index < bytes.len() {
        let hex = bytes
            .get(index + 1..index + 3)
            .and_then(|pair| std::str::from_utf8(pair).ok())
            .and_then(|pair| u8::from_str_radix(pair, 16).ok());
        match (bytes[index], hex) {
            (b'%', Some(byte)) => {
                decoded.push(byte);
                index += 3;
            }
            (byte, _) => {
                decoded.push(byte);
                index += 1;
            }
        }
    }
    String::from_utf8(decoded).ok()
}

/// How messages name `path`: relative to the project when inside it (no machine's folders
/// in diagnostics), else as it is.
fn shown(path: &str, project: Option<&Path>) -> String {
    project
        .and_then(|project| Path::new(path).strip_prefix(project).ok())
        .map_or_else(
            || path.to_string(),
            |relative| relative.display().to_string(),
        )
}

/// Members of `fs` that change the file system.
const WRITES: &[&str] = &[
    "appendFile",
    "appendFileSync",
    "chmod",
    "chmodSync",
    "chown",
    "chownSync",
    "copyFile",
    "copyFileSync",
    "cp",
    "cpSync",
    "createWriteStream",
    "link",
    "linkSync",
    "mkdir",
    "mkdirSync",
    "mkdtemp",
    "mkdtempSync",
    "rename",
    "renameSync",
    "rm",
    "rmSync",
    "rmdir",
    "rmdirSync",
    "symlink",
    "symlinkSync",
    "truncate",
    "truncateSync",
    "unlink",
    "unlinkSync",
    "utimes",
    "utimesSync",
    "write",
    "writeFile",
    "writeFileSync",
    "writeSync",
    "writev",
    "writevSync",
];

/// `fs.<name>` that handlers cannot use.
fn unsupported_member(span: backworks_diagnostics::Span, name: &str) -> Diagnostic {
    if WRITES.contains(&name) {
        Diagnostic::error(
            "unsupported-syntax",
            format!("fs writes are not supported: `{name}` changes files the server does not have"),
        )
        .with_label(span, "not supported")
        .with_help("a compiled server carries the project's files read-only; keep data in a resource (`ctx.db`) or answer it")
    } else {
        crate::diagnostics::unsupported(
            span,
            &format!("`fs.{name}`"),
            "handlers may call `fs.readFileSync`, `fs.existsSync` and `fs.promises.readFile` with a path the build can compute; the build embeds those files",
        )
    }
}

/// The absolute path of a module file `path` (relative to the project, as the compiler names
/// modules), as Node gives it in `__filename`: symbolic links resolved.
pub(crate) fn absolute_filename(folder: Option<PathBuf>, path: &Path) -> String {
    let name = path.file_name().map(PathBuf::from).unwrap_or_default();
    let absolute = match folder {
        Some(folder) => folder.join(name),
        None => Path::new("/").join(path),
    };
    std::fs::canonicalize(&absolute)
        .unwrap_or(absolute)
        .display()
        .to_string()
}
