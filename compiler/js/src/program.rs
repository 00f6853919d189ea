//! The pipeline over all handler modules of a blueprint, as small named passes:
//!
//! ```text
//! load_graph   entries + everything they `require("./…")`, each file once
//! check_cycles a circular require is an error
//! name_modules unique Rust module names (`tasks`, `data`, `inline_hello`)
//! classify     stateful or stateless (transitively through requires)
//! lower_all    scope analysis + lowering of each module; every diagnostic is kept
//! ```

use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};

use backworks_diagnostics::{Diagnostic, SourceId, Span};
use proc_macro2::TokenStream;
use quote::quote;
use swc_core::common::BytePos;
use swc_core::ecma::ast::*;
use swc_core::ecma::visit::{Visit, VisitWith};

use crate::lower::modules::ModulePlan;
use crate::lower::{Lowerer, ModuleContext};
use crate::parse::{Parsed, parse};
use crate::{
    CompiledModule, CompiledProgram, HandlerExport, HandlerSource, Language, SourceLoader,
    diagnostics, exports, scope, state,
};

/// One module of the program.
struct Unit {
    source: SourceId,
    text: String,
    path: PathBuf,
    language: Language,
    parsed: Option<Parsed>,
    /// `require` call position → required unit.
    requires: HashMap<BytePos, usize>,
    rust_name: String,
    stateful: bool,
}

/// Lexically normalises a path (`a/./b/../c` → `a/c`).
fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            // `..` cancels a name, but never another `..`: `../../x` stays as written.
            Component::ParentDir => match out.components().next_back() {
                Some(Component::Normal(_)) => {
                    out.pop();
                }
                _ => out.push(".."),
            },
            other => out.push(other.as_os_str()),
        }
    }
    out
}

fn language_of(path: &Path) -> Language {
    match path.extension().and_then(|ext| ext.to_str()) {
        Some("ts" | "mts" | "cts") => Language::TypeScript,
        _ => Language::JavaScript,
    }
}

/// A `require("…")` call found in a module.
struct RequireCall {
    position: BytePos,
    span: swc_core::common::Span,
    specifier: Option<String>,
}

struct RequireFinder(Vec<RequireCall>);

impl Visit for RequireFinder {
    fn visit_call_expr(&mut self, call: &CallExpr) {
        if let Callee::Expr(callee) = &call.callee
            && let Expr::Ident(ident) = &**callee
            && ident.sym == "require"
        {
            let specifier = match call.args.as_slice() {
                [arg] if arg.spread.is_none() => match &*arg.expr {
                    Expr::Lit(Lit::Str(text)) => Some(text.value.to_atom_lossy().to_string()),
                    _ => None,
                },
                _ => None,
            };
            self.0.push(RequireCall {
                position: call.span.lo,
                span: call.span,
                specifier,
            });
        }
        call.visit_children_with(self);
    }
}

struct Program<'a> {
    units: Vec<Unit>,
    by_path: HashMap<PathBuf, usize>,
    diagnostics: Vec<Diagnostic>,
    loader: &'a mut dyn SourceLoader,
}

impl Program<'_> {
    fn add(&mut self, source: SourceId, text: String, path: PathBuf, language: Language) -> usize {
        let key = normalize(&path);
        if let Some(index) = self.by_path.get(&key) {
            return *index;
        }
        let index = self.units.len();
        let parsed = match parse(source, &text, language) {
            Ok(parsed) => Some(parsed),
            Err(errors) => {
                self.diagnostics.extend(errors);
                None
            }
        };
        self.units.push(Unit {
            source,
            text,
            path,
            language,
            parsed,
            requires: HashMap::new(),
            rust_name: String::new(),
            stateful: false,
        });
        self.by_path.insert(key, index);
        index
    }

    /// Loads the `require`d files of unit `index`, recursively.
    fn load_requires(&mut self, index: usize) {
        let Some(parsed) = &self.units[index].parsed else {
            return;
        };
        let spans = parsed.spans;
        let mut finder = RequireFinder(Vec::new());
        parsed.module.visit_with(&mut finder);
        let base = self.units[index]
            .path
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_default();
        for call in finder.0 {
            let span = spans.span(call.span);
            let Some(specifier) = call.specifier else {
                self.diagnostics.push(diagnostics::unsupported(
                    span,
                    "`require` of a computed path",
                    "write the path as a string literal: `require(\"./data.js\")`",
                ));
                continue;
            };
            if !(specifier.starts_with("./") || specifier.starts_with("../")) {
                self.diagnostics.push(diagnostics::unsupported(
                    span,
                    &format!("`require(\"{specifier}\")` (a package or built-in module)"),
                    "only files of the project can be required, with a relative path such as \"./data.js\"",
                ));
                continue;
            }
            let target = normalize(&base.join(&specifier));
            let candidates = [
                target.clone(),
                PathBuf::from(format!("{}.js", target.display())),
                PathBuf::from(format!("{}.ts", target.display())),
                target.join("index.js"),
            ];
            let mut loaded = None;
            let mut reason = String::new();
            for candidate in candidates {
                if let Some(existing) = self.by_path.get(&candidate) {
                    loaded = Some(*existing);
                    break;
                }
                match self.loader.load(&candidate) {
                    Ok((source, text)) => {
                        let language = language_of(&candidate);
                        let unit = self.add(source, text, candidate, language);
                        self.load_requires(unit);
                        loaded = Some(unit);
                        break;
                    }
                    Err(why) => {
                        if reason.is_empty() {
                            reason = why;
                        }
                    }
                }
            }
            match loaded {
                Some(unit) => {
                    self.units[index].requires.insert(call.position, unit);
                }
                None => self
                    .diagnostics
                    .push(diagnostics::missing_module(span, &specifier, &reason)),
            }
        }
    }

    fn check_cycles(&mut self) {
        // 0 = unvisited, 1 = on the stack, 2 = done.
        fn visit(
            program: &Program<'_>,
            unit: usize,
            marks: &mut [u8],
            found: &mut Vec<(usize, BytePos)>,
        ) {
            marks[unit] = 1;
            let mut requires: Vec<(&BytePos, &usize)> =
                program.units[unit].requires.iter().collect();
            requires.sort();
            for (position, target) in requires {
                match marks[*target] {
                    0 => visit(program, *target, marks, found),
                    1 => found.push((unit, *position)),
                    _ => {}
                }
            }
            marks[unit] = 2;
        }
        let mut marks = vec![0u8; self.units.len()];
        let mut found = Vec::new();
        for unit in 0..self.units.len() {
            if marks[unit] == 0 {
                visit(self, unit, &mut marks, &mut found);
            }
        }
        for (unit, position) in found {
            let Some(parsed) = &self.units[unit].parsed else {
                continue;
            };
            let span = parsed
                .spans
                .span(swc_core::common::Span::new(position, position));
            self.diagnostics.push(diagnostics::unsupported(
                span,
                "a circular `require`",
                "move what both modules need into a third module that requires neither",
            ));
            self.units[unit].requires.retain(|at, _| *at != position);
        }
    }

    fn name_modules(&mut self) {
        let mut taken: Vec<String> = Vec::new();
        for unit in &mut self.units {
            let stem = unit
                .path
                .file_stem()
                .and_then(|stem| stem.to_str())
                .unwrap_or("handler");
            let mut base: String = stem
                .chars()
                .map(|c| {
                    if c.is_ascii_alphanumeric() {
                        c.to_ascii_lowercase()
                    } else {
                        '_'
                    }
                })
                .collect();
            if base.is_empty() || base.starts_with(|c: char| c.is_ascii_digit()) {
                base.insert_str(0, "m_");
            }
            if [
                "mod", "self", "super", "crate", "std", "core", "type", "fn", "match", "loop",
                "move", "ref", "static", "use", "where", "async", "await", "dyn", "impl", "in",
                "let", "pub", "return", "struct", "trait", "true", "false", "unsafe", "while",
                "for", "if", "else", "enum", "extern", "const", "break", "continue", "as", "box",
                "try", "yield", "macro", "priv", "final", "virtual", "abstract", "become", "do",
                "override", "typeof", "unsized", "gen",
            ]
            .contains(&base.as_str())
            {
                base.push_str("_js");
            }
            let mut name = base.clone();
            let mut counter = 2;
            while taken.contains(&name) {
                name = format!("{base}_{counter}");
                counter += 1;
            }
            taken.push(name.clone());
            unit.rust_name = name;
        }
    }

    fn classify(&mut self) {
        for unit in &mut self.units {
            unit.stateful = unit
                .parsed
                .as_ref()
                .is_none_or(|parsed| !state::is_stateless(&parsed.module));
        }
        // Statefulness flows from a required module to the modules that require it.
        loop {
            let mut changed = false;
            for index in 0..self.units.len() {
                if self.units[index].stateful {
                    continue;
                }
                if self.units[index]
                    .requires
                    .values()
                    .any(|target| self.units[*target].stateful)
                {
                    self.units[index].stateful = true;
                    changed = true;
                }
            }
            if !changed {
                break;
            }
        }
    }
}

/// Checks that generated tokens form a Rust file; otherwise reports them.
fn check_tokens(tokens: &TokenStream, span: Span) -> Option<Diagnostic> {
    match syn::parse2::<syn::File>(tokens.clone()) {
        Ok(_) => None,
        Err(error) => Some(
            Diagnostic::error(
                "internal-error",
                format!("the JavaScript compiler produced invalid Rust: {error}"),
            )
            .with_label(span, "while compiling this module")
            .with_help(format!(
                "please report this; the generated tokens were:\n{tokens}"
            )),
        ),
    }
}

pub(crate) fn compile(
    handlers: &[HandlerSource],
    loader: &mut dyn SourceLoader,
) -> Result<CompiledProgram, Vec<Diagnostic>> {
    let mut program = Program {
        units: Vec::new(),
        by_path: HashMap::new(),
        diagnostics: Vec::new(),
        loader,
    };
    let mut entries = Vec::new();
    for handler in handlers {
        let before = program.units.len();
        let index = program.add(
            handler.source,
            handler.text.clone(),
            handler.path.clone(),
            handler.language,
        );
        entries.push(index);
        if index == before {
            program.load_requires(index);
        }
    }
    program.check_cycles();
    program.name_modules();
    program.classify();

    let rust_names: Vec<String> = program
        .units
        .iter()
        .map(|unit| unit.rust_name.clone())
        .collect();
    let mut modules = Vec::new();
    let mut diagnostics = std::mem::take(&mut program.diagnostics);
    for (index, unit) in program.units.iter().enumerate() {
        let Some(parsed) = &unit.parsed else {
            modules.push(CompiledModule {
                rust_name: unit.rust_name.clone(),
                display_path: unit.path.clone(),
                items: TokenStream::new(),
                exports: Vec::new(),
            });
            continue;
        };
        let _ = (&unit.text, unit.language);
        let scopes = scope::analyze(&parsed.module);
        let numeric = crate::numeric::numeric_bindings(&parsed.module, &scopes);
        let is_entry = entries.contains(&index);
        let (mut detected, implicit_handler) = if is_entry {
            exports::detect(&parsed.module)
        } else {
            (Vec::new(), false)
        };
        for export in &mut detected {
            export.uses_context =
                crate::context_use::uses_context(&parsed.module, &export.access, &scopes);
        }
        if is_entry && detected.is_empty() {
            diagnostics.push(diagnostics::no_handler(Span::new(unit.source, 0, 0)));
        }
        let requires: HashMap<BytePos, String> = unit
            .requires
            .iter()
            .map(|(position, target)| (*position, rust_names[*target].clone()))
            .collect();
        let mut lowerer = Lowerer::new(ModuleContext {
            rust_name: &unit.rust_name,
            scopes: &scopes,
            numeric: &numeric,
            spans: parsed.spans,
            requires: &requires,
            source_text: &unit.text,
            source_start: parsed.spans.start(),
        });
        let plan = ModulePlan {
            exports: &detected,
            stateful: unit.stateful,
            display_path: unit.path.display().to_string(),
            implicit_handler,
        };
        let items = lowerer.module(&parsed.module, &plan);
        let had_errors = lowerer.diagnostics.iter().any(Diagnostic::is_error);
        diagnostics.append(&mut lowerer.diagnostics);
        if !had_errors && let Some(problem) = check_tokens(&items, Span::new(unit.source, 0, 0)) {
            diagnostics.push(problem);
        }
        modules.push(CompiledModule {
            rust_name: unit.rust_name.clone(),
            display_path: unit.path.clone(),
            items,
            exports: detected
                .iter()
                .map(|export| HandlerExport {
                    kind: export.kind.clone(),
                    entry: export.entry.clone(),
                })
                .collect(),
        });
    }
    if diagnostics.iter().any(Diagnostic::is_error) {
        return Err(diagnostics);
    }
    Ok(CompiledProgram {
        modules,
        entries,
        warnings: diagnostics,
        support: quote! {
            /// All module state of the service: one isolate behind one lock (see
            /// `backworks_runtime::js::isolate`).
            #[allow(dead_code)]
            pub static ISOLATE: backworks_runtime::js::Isolate = backworks_runtime::js::Isolate::new();
        },
    })
}

#[cfg(test)]
mod tests {
    use super::normalize;
    use std::path::{Path, PathBuf};

    #[test]
    fn normalize_cancels_names_but_keeps_leading_parent_steps() {
        let cases = [
            ("handlers/./a/../b.js", "handlers/b.js"),
            (
                "../../cases/modules/../_helpers/x.js",
                "../../cases/_helpers/x.js",
            ),
            ("../x/../../y.js", "../../y.js"),
            ("a/../../b.js", "../b.js"),
        ];
        for (input, expected) in cases {
            assert_eq!(
                normalize(Path::new(input)),
                PathBuf::from(expected),
                "{input}"
            );
        }
    }
}
