//! Blueprint YAML → validated [`backworks_ir::Service`].
//!
//! The stage runs four small passes in order, each collecting every diagnostic it can:
//!
//! 1. [`locate`] finds the blueprint file of a project folder;
//! 2. syntax: serde_yaml and the positioned tree of [`yaml`] both parse the text;
//! 3. [`shape`] checks keys and types against the schema schemars derives from [`config`];
//! 4. [`parts`] deserializes each endpoint, resource and setting on its own, leaving out those
//!    the shape check found malformed, so their errors hide nothing about the others;
//! 5. [`lower`] checks meaning (paths, methods, handlers, ports, resources) and builds the IR.

mod audit;
mod auth;
pub mod config;
mod cors;
mod data;
mod diagnostics;
mod handlers;
mod lower;
mod migrations;
mod parameters;
mod parts;
mod paths;
mod quantity;
mod rate_limit;
mod rules;
mod schemas;
mod shape;
mod transport;
mod workflows;
pub mod yaml;

use std::path::{Path, PathBuf};

use backworks_diagnostics::{Diagnostic, Sources};
use backworks_ir::Service;

/// Where a project's blueprint is, and the folder handler paths are shown relative to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Project {
    /// The project folder.
    pub root: PathBuf,
    /// The blueprint file.
    pub blueprint: PathBuf,
}

/// The file names a project's blueprint may have, in the order they are tried.
pub const BLUEPRINT_NAMES: &[&str] = &["backworks.yaml", "blueprint.yaml", "blueprints/main.yaml"];

/// Finds the blueprint for `target`: a YAML file itself, or a folder holding one of
/// [`BLUEPRINT_NAMES`].
pub fn locate(target: &Path) -> Result<Project, Diagnostic> {
    if target.is_file() {
        let folder = target.parent().unwrap_or(Path::new(".")).to_path_buf();
        let root = if folder.file_name().is_some_and(|name| name == "blueprints") {
            folder.parent().unwrap_or(Path::new(".")).to_path_buf()
        } else {
            folder
        };
        return Ok(Project {
            root,
            blueprint: target.to_path_buf(),
        });
    }
    if !target.is_dir() {
        return Err(Diagnostic::error(
            "no-blueprint",
            format!(
                "`{}` is neither a project folder nor a blueprint file",
                target.display()
            ),
        )
        .with_help("pass the folder holding `backworks.yaml`, or the YAML file itself"));
    }
    BLUEPRINT_NAMES
        .iter()
        .map(|name| target.join(name))
        .find(|candidate| candidate.is_file())
        .map(|blueprint| Project {
            root: target.to_path_buf(),
            blueprint,
        })
        .ok_or_else(|| {
            Diagnostic::error(
                "no-blueprint",
                format!("no blueprint found in `{}`", target.display()),
            )
            .with_help(format!("create one of: {}", BLUEPRINT_NAMES.join(", ")))
        })
}

/// The JSON Schema of the blueprint format, for editors (`backworks schema`).
pub fn schema() -> serde_json::Value {
    schemars::schema_for!(config::Blueprint).to_value()
}

/// Reads, checks and lowers the project's blueprint. Every diagnostic found (errors and
/// warnings) is appended to `diagnostics`. The service is lowered from every well-formed part
/// even when other parts have errors, so later passes can still check what it names (the
/// JavaScript of its handlers); it is `None` only when the text is not YAML at all. A caller
/// must not emit it unless `diagnostics` holds no error.
pub fn load(
    project: &Project,
    sources: &mut Sources,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Service> {
    let shown = project
        .blueprint
        .strip_prefix(&project.root)
        .unwrap_or(&project.blueprint)
        .to_path_buf();
    let text = match std::fs::read_to_string(&project.blueprint) {
        Ok(text) => text,
        Err(error) => {
            diagnostics.push(
                Diagnostic::error(
                    "unreadable-blueprint",
                    format!("cannot read `{}`: {error}", project.blueprint.display()),
                )
                .with_help("check that the file exists and is UTF-8 text"),
            );
            return None;
        }
    };
    let source = sources.add(shown, text.clone());

    // serde_yaml decides what is valid YAML (it is what reads the typed config); the positioned
    // tree is only consulted once serde_yaml has accepted the text.
    if let Err(error) = serde_yaml::from_str::<serde_yaml::Value>(&text) {
        let offset = error.location().map_or(0, |location| location.index());
        let message = error.to_string();
        let message = message.split(" at line ").next().unwrap_or(&message);
        diagnostics.push(diagnostics::yaml_syntax(source, offset, message));
        return None;
    }
    let root = match yaml::parse(&text) {
        Ok(root) => root,
        Err(error) => {
            diagnostics.push(diagnostics::yaml_syntax(
                source,
                error.offset,
                &error.message,
            ));
            return None;
        }
    };

    // Shape errors do not stop here: the parts they leave well-formed are still lowered, so
    // one run reports the typo in one endpoint and the missing handler file of another.
    let shape_errors = shape::check(source, &root, &schema());
    let document: serde_yaml::Value = serde_yaml::from_str(&text).unwrap_or_default();
    let parts = parts::read(source, &document, &root, &shape_errors, diagnostics);
    diagnostics.extend(shape_errors);
    let service = lower::lower(
        &parts?,
        &root,
        source,
        &project.blueprint,
        &project.root,
        sources,
        diagnostics,
    );
    // Lowering saw only the well-formed parts; the caller withholds emission on any error.
    service
}
