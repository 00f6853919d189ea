//! Diagnostic constructors of the JavaScript stage.
//!
//! ```text
//! error[unsupported-syntax]: `with` statements are not supported in handlers
//!   --> handlers/x.js:3:1
//!    = help: use a local variable for the object instead
//! ```

use backworks_diagnostics::{Diagnostic, Span};

/// A construct the compiler does not support yet, with what to write instead.
pub(crate) fn unsupported(span: Span, what: &str, help: &str) -> Diagnostic {
    Diagnostic::error(
        "unsupported-syntax",
        format!("{what} is not supported in handlers"),
    )
    .with_label(span, "not supported")
    .with_help(help)
}

/// A syntax error reported by the parser.
pub(crate) fn syntax(span: Span, message: &str) -> Diagnostic {
    Diagnostic::error("js-syntax", format!("syntax error: {message}"))
        .with_label(span, message.to_string())
}

/// A `require` whose file cannot be read.
pub(crate) fn missing_module(span: Span, specifier: &str, reason: &str, esm: bool) -> Diagnostic {
    let help = if esm {
        "`import` a path relative to this file with its extension, such as \"./data.js\" (Node's ES modules add none)"
    } else {
        "`require` a path relative to this file, such as \"./data.js\""
    };
    Diagnostic::error(
        "missing-module",
        format!("cannot load the module `{specifier}`"),
    )
    .with_label(span, reason.to_string())
    .with_help(help)
}

/// A package specifier that resolves to no file that can be compiled (`resolve.rs` says why).
pub(crate) fn unresolved_package(
    span: Span,
    specifier: &str,
    unresolved: crate::resolve::Unresolved,
) -> Diagnostic {
    Diagnostic::error(unresolved.code, unresolved.message)
        .with_label(span, format!("`{specifier}` loaded here"))
        .with_help(unresolved.help)
}

/// An assignment to an identifier that is neither declared nor a supported global (sloppy
/// JavaScript would create a global variable).
pub(crate) fn unknown_global(span: Span, name: &str) -> Diagnostic {
    Diagnostic::error("unknown-global", format!("`{name}` is not defined"))
        .with_label(
            span,
            "not declared in this module and not a supported global",
        )
        .with_help("declare it with `let` (module state) before assigning it")
}

/// A read of an identifier declared nowhere: it compiles to Node's `ReferenceError`.
pub(crate) fn undeclared_read(span: Span, name: &str) -> Diagnostic {
    Diagnostic::warning("undeclared-name", format!("`{name}` is not defined"))
        .with_label(
            span,
            "not declared in this module and not a supported global",
        )
        .with_help(format!(
            "this throws `ReferenceError: {name} is not defined` when it runs, as in Node, \
             unless the global object has it by then; declare it, or `require` the module that \
             provides it"
        ))
}

/// An assignment to an undeclared name in sloppy code: as in Node, it creates a property of
/// the global object, which is rarely what was meant.
pub(crate) fn implicit_global(span: Span, name: &str) -> Diagnostic {
    Diagnostic::warning(
        "implicit-global",
        format!("`{name}` is assigned but never declared"),
    )
    .with_label(span, "not declared in this module")
    .with_help(format!(
        "in sloppy code this stores `{name}` on the global object, as Node does; declare \
             it with `let` if it is module state, or write `globalThis.{name}` if a global is meant"
    ))
}

/// A module with no handler export.
pub(crate) fn no_handler(span: Span) -> Diagnostic {
    Diagnostic::error("no-handler", "this module does not export a handler")
        .with_label(span, "no handler export found")
        .with_help(
            "write `module.exports = function (req, ctx) {…}`, `export default function …`, \
             `export function GET(req) {…}` or a top-level `function handler(req, ctx) {…}`",
        )
}
