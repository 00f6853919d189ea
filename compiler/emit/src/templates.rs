//! File-shaped output (manifests, ignore files) comes from the minijinja templates in
//! `templates/`, embedded into the binary at build time.

use backworks_diagnostics::Diagnostic;
use minijinja::Environment;
use serde::Serialize;

use crate::embedded::TEMPLATES;

/// Renders the embedded template `name` (its path under `templates/`) with `context`.
pub fn render(name: &str, context: impl Serialize) -> Result<String, Diagnostic> {
    let source = TEMPLATES
        .iter()
        .find(|(path, _)| *path == name)
        .map(|(_, text)| *text)
        .ok_or_else(|| {
            Diagnostic::error(
                "internal-template",
                format!("template `{name}` is not embedded"),
            )
        })?;
    let mut environment = Environment::new();
    environment.set_keep_trailing_newline(true);
    environment.render_str(source, context).map_err(|error| {
        Diagnostic::error(
            "internal-template",
            format!("template `{name}` failed: {error}"),
        )
    })
}
