//! The compiler's passes, chained in one visible place:
//!
//! ```text
//! locate ─▶ blueprint::load ─▶ js::compile ─▶ js::annotate ─▶ js::infer_inputs ─▶ plan_migration ─▶ emit::emit ─▶ client_gen ─▶ OutputTree
//! (files)   (YAML → IR)        (handlers → Rust) (TS types → IR) (code → inputs in IR) (migrations/)  (server project) (clients/*)
//! ```
//!
//! The migration pass is the only one whose output goes into the project rather than `OUT`:
//! [`Compiled::migration`] holds the files for `<project>/migrations/`, which `build` writes and
//! `check` only announces.
//!
//! Each pass reports every diagnostic it can before the pipeline stops.

use std::path::{Path, PathBuf};

use backworks_diagnostics::{Diagnostic, SourceId, Sources};
use backworks_emit::{OutputTree, PlannedMigration};
use backworks_ir::{Language, Service};
use backworks_js::{HandlerSource, SourceLoader};

pub use backworks_blueprint::Project;

/// A successful compilation.
#[derive(Debug)]
pub struct Compiled {
    /// Where the project is.
    pub project: Project,
    /// The service model.
    pub service: Service,
    /// Every output file.
    pub tree: OutputTree,
    /// The next migration, when the blueprint's tables differ from `migrations/schema.json`:
    /// files for the project's `migrations/` folder (the server in `tree` already embeds it).
    pub migration: Option<PlannedMigration>,
    /// Warnings found on the way.
    pub warnings: Vec<Diagnostic>,
}

/// A failed compilation: every diagnostic found, errors and warnings.
#[derive(Debug)]
pub struct Failed {
    /// The diagnostics, in the order they were found.
    pub diagnostics: Vec<Diagnostic>,
}

/// Runs every pass on the project at `target` (a folder or a blueprint file).
/// `sources` receives every text read, so diagnostics can be rendered afterwards.
pub fn compile(target: &Path, sources: &mut Sources) -> Result<Compiled, Failed> {
    let project = backworks_blueprint::locate(target).map_err(|error| Failed {
        diagnostics: vec![error],
    })?;
    let mut diagnostics = Vec::new();
    let Some(mut service) = backworks_blueprint::load(&project, sources, &mut diagnostics) else {
        return Err(Failed { diagnostics });
    };
    // A blueprint with errors still has its well-formed handlers compiled, so one run
    // reports a typo in the YAML and a JavaScript error in a handler together.
    let blueprint_failed = diagnostics.iter().any(Diagnostic::is_error);

    let handlers: Vec<HandlerSource> = service
        .handlers
        .iter()
        .map(|module| HandlerSource {
            source: module.source,
            text: sources.get(module.source).text.clone(),
            // Relative to the project, so generated code and messages never carry a
            // machine's absolute paths; the loader resolves them against the project again.
            path: module
                .origin
                .path()
                .strip_prefix(&project.root)
                .map(Path::to_path_buf)
                .unwrap_or_else(|_| module.origin.path().clone()),
            language: match module.language {
                Language::JavaScript => backworks_js::Language::JavaScript,
                Language::TypeScript => backworks_js::Language::TypeScript,
            },
        })
        .collect();
    let mut loader = FileLoader {
        sources,
        root: project.root.clone(),
    };
    // Handlers of a service with data may await `ctx.db`: they run on event-loop threads.
    let options = backworks_js::CompileOptions {
        database: service.database.is_some() || !service.resources.is_empty(),
    };
    let mut program = match backworks_js::compile_with(&handlers, &mut loader, &options) {
        Ok(mut program) => {
            diagnostics.append(&mut program.warnings);
            program
        }
        Err(errors) => {
            diagnostics.extend(errors);
            return Err(Failed { diagnostics });
        }
    };
    if blueprint_failed {
        return Err(Failed { diagnostics });
    }
    // The emitter reads only the IR: what the handlers need of the runtime goes there.
    service.runtime_needs = program.runtime_needs;
    service.embedded_files = std::mem::take(&mut program.embedded_files);

    // TypeScript annotations become schemas in the IR, for the emitter to read; so do the
    // inputs the handlers' code reads and requires.
    backworks_js::annotate(&mut service, &handlers);
    backworks_js::infer_inputs(&mut service, &handlers);

    let blueprint_name = project
        .blueprint
        .strip_prefix(&project.root)
        .unwrap_or(&project.blueprint)
        .display()
        .to_string();
    let migration = match plan_migration(&mut service, &project) {
        Ok(migration) => migration,
        Err(errors) => {
            diagnostics.extend(errors);
            None
        }
    };
    let inferred: Vec<_> = handlers.iter().map(backworks_js::infer_responses).collect();
    // A table's or chart's fields against what its endpoint answers, now that it is known.
    if !service.dashboard.workflows.is_empty() {
        let document = backworks_emit::openapi_document(&service, &inferred);
        diagnostics.extend(backworks_emit::check_workflow_fields(&service, &document));
    }
    let emitted = backworks_emit::emit(&service, &program, &inferred, &blueprint_name, &handlers)
        .map(|mut tree| {
            // The client reads the same document the server enforces (a pure function of the IR).
            let document = backworks_emit::openapi_document(&service, &inferred);
            let clients_dir = Path::new(backworks_client_gen::CLIENTS_DIR);
            for (path, text) in backworks_client_gen::client_packages(&service, &document) {
                tree.add(clients_dir.join(path), text);
            }
            tree
        });
    match emitted {
        Ok(tree) if !diagnostics.iter().any(Diagnostic::is_error) => Ok(Compiled {
            project,
            service,
            tree,
            migration,
            warnings: diagnostics,
        }),
        Ok(_) => Err(Failed { diagnostics }),
        Err(errors) => {
            diagnostics.extend(errors);
            Err(Failed { diagnostics })
        }
    }
}

/// Compares the blueprint's tables with the project's `migrations/` and, when they differ,
/// plans the next migration and adds it to the service's history, so the emitted server
/// embeds it with the others.
fn plan_migration(
    service: &mut Service,
    project: &Project,
) -> Result<Option<PlannedMigration>, Vec<Diagnostic>> {
    if service.database.is_none() {
        return Ok(None);
    }
    // `blueprint::load` reads the folder into the history; the new migration goes there too.
    if service.migrations.folder.as_os_str().is_empty() {
        service.migrations.folder = project.root.join("migrations");
    }
    let planned = backworks_emit::plan_migration(service)?;
    if let Some(planned) = &planned {
        service.migrations.snapshot = Some(planned.snapshot.clone());
        if let Some(migration) = &planned.migration {
            service.migrations.migrations.push(migration.clone());
        }
    }
    Ok(planned)
}

/// The default output folder of a project: `<project>/out`.
pub fn default_out_dir(project: &Project) -> PathBuf {
    project.root.join("out")
}

/// Loads files reached through `require` and registers them under project-relative names.
struct FileLoader<'a> {
    sources: &'a mut Sources,
    root: PathBuf,
}

impl SourceLoader for FileLoader<'_> {
    fn load(&mut self, path: &Path) -> Result<(SourceId, String), String> {
        let shown: PathBuf = path
            .strip_prefix(&self.root)
            .unwrap_or(path)
            .components()
            .filter(|component| component.as_os_str() != ".")
            .collect();
        if let Some(id) = self.sources.find(&shown) {
            return Ok((id, self.sources.get(id).text.clone()));
        }
        let real = if path.is_relative() {
            self.root.join(path)
        } else {
            path.to_path_buf()
        };
        let text = std::fs::read_to_string(real).map_err(|error| error.to_string())?;
        let id = self.sources.add(shown, text.clone());
        Ok((id, text))
    }

    fn absolute(&self, path: &Path) -> Option<PathBuf> {
        let joined = std::path::absolute(self.root.join(path)).ok()?;
        // Lexically, as the compiler names files: `a/b/../c` → `a/c`.
        let mut normal = PathBuf::new();
        for component in joined.components() {
            match component {
                std::path::Component::CurDir => {}
                std::path::Component::ParentDir => {
                    normal.pop();
                }
                other => normal.push(other.as_os_str()),
            }
        }
        Some(normal)
    }

    fn embed(&mut self, path: &Path, text: &str) -> SourceId {
        match self.sources.find(path) {
            Some(id) => id,
            None => self.sources.add(path, text),
        }
    }
}
