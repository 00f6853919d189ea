//! One file per subcommand.

mod build;
mod dev;

pub use build::{MessageFormat, build, check};
pub use dev::dev;

use backworks_diagnostics::{Diagnostic, Sources, render, render_all, render_json};

/// Prints diagnostics to stderr, rustc-style; a summary line follows when any is an error.
pub(crate) fn report(diagnostics: &[Diagnostic], sources: &Sources) {
    if diagnostics.iter().any(Diagnostic::is_error) {
        eprint!("{}", render_all(diagnostics, sources));
    } else {
        for diagnostic in diagnostics {
            eprintln!("{}", render(diagnostic, sources));
        }
    }
}

/// Prints diagnostics to stdout as JSON lines, one object per diagnostic, for editors and CI.
pub(crate) fn report_json(diagnostics: &[Diagnostic], sources: &Sources) {
    for diagnostic in diagnostics {
        println!("{}", render_json(diagnostic, sources));
    }
}
