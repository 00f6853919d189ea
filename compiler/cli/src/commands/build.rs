//! `backworks build` and `backworks check`.

use std::path::{Path, PathBuf};
use std::time::Instant;

use backworks_diagnostics::Sources;
use backworks_ir::{CrudOperation, Service};

use super::{report, report_json};
use crate::pipeline::{self, Compiled};

/// Compiles the project at `target` and writes the output tree to `out` (default
/// `<project>/out`). Returns the output folder, or `None` after printing diagnostics.
pub fn build(target: &Path, out: Option<&Path>) -> Option<(Compiled, PathBuf)> {
    let started = Instant::now();
    let mut sources = Sources::new();
    let compiled = match pipeline::compile(target, &mut sources) {
        Ok(compiled) => compiled,
        Err(failed) => {
            report(&failed.diagnostics, &sources);
            return None;
        }
    };
    report(&compiled.warnings, &sources);
    let out = out.map_or_else(
        || pipeline::default_out_dir(&compiled.project),
        Path::to_path_buf,
    );
    // Migrations go into the project, for the person to review and commit; first, so a server
    // in OUT never embeds a migration the project lacks.
    if let Some(migration) = &compiled.migration {
        let folder = &compiled.service.migrations.folder;
        match migration.write(folder) {
            Ok(paths) => {
                for path in paths {
                    println!("  wrote {}", path.display());
                }
            }
            Err(error) => {
                eprintln!("error: cannot write to `{}`: {error}", folder.display());
                return None;
            }
        }
    }
    let written = match compiled.tree.write(&out) {
        Ok(written) => written,
        Err(error) => {
            eprintln!("error: cannot write to `{}`: {error}", out.display());
            return None;
        }
    };
    for path in &written.written {
        println!("  wrote {}", out.join(path).display());
    }
    for path in &written.removed {
        println!("  removed {}", out.join(path).display());
    }
    let declared: usize = compiled
        .service
        .routes
        .iter()
        .map(|route| route.operations.len())
        .sum();
    let generated = generated_operations(&compiled.service);
    // Generated CRUD routes are operations too; saying how many keeps the declared ones visible.
    let operations = if generated == 0 {
        format!("{declared} operations")
    } else {
        format!(
            "{} operations ({generated} generated)",
            declared + generated
        )
    };
    println!(
        "built {} ({operations}, {} handler modules) into {} in {} ms: {} written, {} unchanged",
        compiled.service.name,
        compiled.service.handlers.len(),
        out.display(),
        started.elapsed().as_millis(),
        written.written.len(),
        written.unchanged,
    );
    Some((compiled, out))
}

/// The HTTP operations the resources' generated CRUD routes serve: one per exposed operation,
/// two for `update` (PATCH and PUT), as the OpenAPI document lists them.
fn generated_operations(service: &Service) -> usize {
    service
        .resources
        .iter()
        .flat_map(|resource| &resource.operations)
        .map(|operation| match operation {
            CrudOperation::Update => 2,
            _ => 1,
        })
        .sum()
}

/// How `check` prints diagnostics.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum MessageFormat {
    /// rustc-style text on stderr.
    #[default]
    Human,
    /// One JSON object per diagnostic on stdout.
    Json,
}

/// Runs every check `build` runs and writes nothing. Returns whether the project is valid.
pub fn check(target: &Path, format: MessageFormat) -> bool {
    let mut sources = Sources::new();
    let (diagnostics, valid) = match pipeline::compile(target, &mut sources) {
        Ok(compiled) => {
            if format == MessageFormat::Human {
                println!("{}: no errors", compiled.project.blueprint.display());
                // `check` writes nothing, not even the migration `build` would add.
                if let Some(migration) = &compiled.migration {
                    println!(
                        "note: the schema changed; `backworks build` would write {}",
                        migration.paths().collect::<Vec<_>>().join(", ")
                    );
                }
            }
            (compiled.warnings, true)
        }
        Err(failed) => (failed.diagnostics, false),
    };
    match format {
        MessageFormat::Human => report(&diagnostics, &sources),
        MessageFormat::Json => report_json(&diagnostics, &sources),
    }
    valid
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bookstores_generated_operations_are_counted() {
        let bookstore = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/bookstore");
        let compiled = pipeline::compile(&bookstore, &mut Sources::new())
            .unwrap_or_else(|_| panic!("the bookstore compiles"));
        // authors and books expose all five (update twice: PATCH and PUT), reviews three.
        assert_eq!(generated_operations(&compiled.service), 6 + 6 + 3);
    }
}
