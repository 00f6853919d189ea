//! The pipeline over all handler modules of a blueprint, as small named passes:
//!
//! ```text
//! load_graph   entries + everything they `require("./…")` or load from a package in
//!              node_modules (`resolve.rs`), each file once
//! check_cycles a cycle through a `require` of an ES module is an error (Node's too)
//! name_modules unique Rust module names (`tasks`, `data`, `inline_hello`)
//! classify     stateful or stateless (transitively through requires)
//! isolates     one isolate (lock + module registry) per group of modules that share state
//! classify_io  which modules may do I/O and so run on an event-loop thread (`io_use.rs`)
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

use crate::builtin_modules::{BuiltinModule, Resolution};
use crate::lower::modules::ModulePlan;
use crate::lower::{Lowerer, ModuleContext, Required};
use crate::parse::{Parsed, parse};
use crate::{
    CompileOptions, CompiledModule, CompiledProgram, HandlerExport, HandlerSource, Language,
    SourceLoader, builtin_modules, diagnostics, exports, free_names, resolve, scope, state,
};

/// One module of the program.
struct Unit {
    source: SourceId,
    text: String,
    path: PathBuf,
    language: Language,
    parsed: Option<Parsed>,
    /// `require` call, `import` declaration, re-export or `import()` position → its unit.
    requires: HashMap<BytePos, usize>,
    /// The positions in `requires` that are `require` calls, and those that are `import()`s
    /// (for the cycle check).
    require_positions: Vec<BytePos>,
    dynamic_imports: Vec<BytePos>,
    /// Whether it is an ES module (it has `import`/`export` declarations), as Node's syntax
    /// detection decides for a `.js` file outside a `"type": "module"` package.
    esm: bool,
    rust_name: String,
    stateful: bool,
    /// The isolate whose lock the module's entry points take (stateful modules only).
    isolate: Option<usize>,
    /// Whether its entry points run on an event-loop thread (it, a module it requires, or a
    /// module of its isolate may do I/O).
    on_loop: bool,
    /// The Node built-in module it stands for (`builtin_modules.rs`), if it is one.
    builtin: Option<&'static BuiltinModule>,
    /// The names it stores on the global object (`free_names.rs`).
    global_writes: Vec<String>,
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

/// `to` as a path relative to the folder `from` (both absolute and normalised):
/// `/a/b` → `/a/node_modules/ms/index.js` = `../node_modules/ms/index.js`.
fn relative_path(from: &Path, to: &Path) -> PathBuf {
    let from: Vec<_> = from.components().collect();
    let to: Vec<_> = to.components().collect();
    let common = from.iter().zip(&to).take_while(|(a, b)| a == b).count();
    let mut relative = PathBuf::new();
    for _ in common..from.len() {
        relative.push("..");
    }
    for part in &to[common..] {
        relative.push(part);
    }
    relative
}

fn language_of(path: &Path) -> Language {
    match path.extension().and_then(|ext| ext.to_str()) {
        Some("ts" | "mts" | "cts") => Language::TypeScript,
        _ => Language::JavaScript,
    }
}

/// How a module names another one.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Reference {
    /// `require("./x.js")`.
    Require,
    /// `import … from "./x.js"`, `export … from "./x.js"`.
    Import,
    /// `import("./x.js")`.
    DynamicImport,
}

/// A `require("…")` call, `import` declaration, re-export or `import()` found in a module.
struct RequireCall {
    position: BytePos,
    span: swc_core::common::Span,
    specifier: Option<String>,
    reference: Reference,
    /// An `import … with { type: "json" }` (Node loads a JSON file by `import` only so).
    json_attribute: bool,
}

/// Whether import attributes say `type: "json"`.
fn is_json_attribute(with: Option<&ObjectLit>) -> bool {
    with.is_some_and(|object| {
        object.props.iter().any(|prop| {
            matches!(prop, PropOrSpread::Prop(prop) if matches!(&**prop, Prop::KeyValue(pair)
                if matches!(&pair.key, PropName::Ident(key) if key.sym == "type")
                    && matches!(&*pair.value, Expr::Lit(Lit::Str(value)) if &*value.value.to_atom_lossy() == "json")))
        })
    })
}

/// A JSON file as the CommonJS module Node makes of it: `module.exports` is `JSON.parse` of
/// its text (so `"__proto__"` is an own key, as in Node, not a prototype).
fn json_module(text: &str) -> String {
    let literal = serde_json::to_string(text).unwrap_or_else(|_| "\"\"".to_string());
    format!("module.exports = JSON.parse({literal});\n")
}

struct RequireFinder(Vec<RequireCall>);

impl RequireFinder {
    fn literal(&mut self, call: &CallExpr, reference: Reference) {
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
            reference,
            json_attribute: false,
        });
    }

    fn declaration(
        &mut self,
        span: swc_core::common::Span,
        source: &Str,
        with: Option<&ObjectLit>,
    ) {
        self.0.push(RequireCall {
            position: span.lo,
            span,
            specifier: Some(source.value.to_atom_lossy().to_string()),
            reference: Reference::Import,
            json_attribute: is_json_attribute(with),
        });
    }
}

impl Visit for RequireFinder {
    fn visit_call_expr(&mut self, call: &CallExpr) {
        match &call.callee {
            Callee::Expr(callee) if matches!(&**callee, Expr::Ident(ident) if ident.sym == "require") =>
            {
                self.literal(call, Reference::Require);
            }
            Callee::Import(_) => self.literal(call, Reference::DynamicImport),
            _ => {}
        }
        call.visit_children_with(self);
    }

    fn visit_module_decl(&mut self, decl: &ModuleDecl) {
        match decl {
            ModuleDecl::Import(import) if !import.type_only => {
                self.declaration(import.span, &import.src, import.with.as_deref());
            }
            ModuleDecl::ExportNamed(NamedExport {
                span,
                src: Some(src),
                type_only: false,
                with,
                ..
            }) => self.declaration(*span, src, with.as_deref()),
            ModuleDecl::ExportAll(all) if !all.type_only => {
                self.declaration(all.span, &all.src, all.with.as_deref())
            }
            _ => {}
        }
        decl.visit_children_with(self);
    }
}

/// Where a module names the globals of `builtin_modules::GLOBALS`.
struct GlobalFinder(Vec<(&'static str, BytePos)>);

impl Visit for GlobalFinder {
    fn visit_ident(&mut self, ident: &Ident) {
        if let Some((name, _)) = builtin_modules::GLOBALS
            .iter()
            .find(|(name, _)| ident.sym == *name)
        {
            self.0.push((name, ident.span.lo));
        }
    }

    // A type (`req: Request<Body>`) names no value: it loads nothing.
    fn visit_ts_type(&mut self, _: &TsType) {}
    fn visit_ts_expr_with_type_args(&mut self, _: &TsExprWithTypeArgs) {}
    fn visit_ts_interface_decl(&mut self, _: &TsInterfaceDecl) {}
    fn visit_ts_type_alias_decl(&mut self, _: &TsTypeAliasDecl) {}
    fn visit_ts_type_element(&mut self, _: &TsTypeElement) {}
    fn visit_ts_type_param_instantiation(&mut self, _: &TsTypeParamInstantiation) {}
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
        let esm = parsed.as_ref().is_some_and(|parsed| {
            parsed
                .module
                .body
                .iter()
                .any(|item| matches!(item, ModuleItem::ModuleDecl(_)))
        });
        self.units.push(Unit {
            source,
            text,
            path,
            language,
            parsed,
            requires: HashMap::new(),
            require_positions: Vec::new(),
            dynamic_imports: Vec::new(),
            esm,
            rust_name: String::new(),
            stateful: false,
            isolate: None,
            on_loop: false,
            builtin: None,
            global_writes: Vec::new(),
        });
        self.by_path.insert(key, index);
        index
    }

    /// The unit of the built-in module `module`, added (with what it loads) on first use.
    fn add_builtin(&mut self, module: &'static BuiltinModule) -> usize {
        let path = PathBuf::from(module.unit_path());
        if let Some(index) = self.by_path.get(&path) {
            return *index;
        }
        let text = module.source();
        let source = self.loader.embed(&path, &text);
        let index = self.add(source, text, path, Language::JavaScript);
        self.units[index].builtin = Some(module);
        self.load_requires(index);
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
        // Globals implemented by a built-in module source (`new AbortController()`); our
        // sources themselves declare those names.
        let mut globals = GlobalFinder(Vec::new());
        // Free names are looked up on the global object: each loads it where it stands.
        let mut free = free_names::FreeNames::default();
        if self.units[index].builtin.is_none() {
            parsed.module.visit_with(&mut globals);
            let esm = self.units[index].esm;
            free = free_names::find(&parsed.module, &scope::analyze(&parsed.module), esm);
        }
        for (name, position) in globals.0 {
            if let Some(module) = builtin_modules::global_module(name) {
                let unit = self.add_builtin(module);
                self.units[index].requires.insert(position, unit);
            }
        }
        if !free.positions.is_empty()
            && let Some(module) = builtin_modules::global_module("globalThis")
        {
            let unit = self.add_builtin(module);
            for position in free.positions {
                self.units[index].requires.insert(position, unit);
            }
        }
        self.units[index].global_writes = free.writes;
        let base = self.units[index]
            .path
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_default();
        for call in finder.0 {
            let span = spans.span(call.span);
            match call.reference {
                Reference::Require => self.units[index].require_positions.push(call.position),
                Reference::DynamicImport => self.units[index].dynamic_imports.push(call.position),
                Reference::Import => {}
            }
            let Some(specifier) = call.specifier else {
                let (what, help) = match call.reference {
                    Reference::DynamicImport => (
                        "`import()` of a computed path",
                        "write the path as a string literal: `import(\"./data.js\")`",
                    ),
                    _ => (
                        "`require` of a computed path",
                        "write the path as a string literal: `require(\"./data.js\")`",
                    ),
                };
                self.diagnostics
                    .push(diagnostics::unsupported(span, what, help));
                continue;
            };
            if self.units[index].builtin.is_some()
                && let Some(module) = builtin_modules::resolve_internal(&specifier)
            {
                let unit = self.add_builtin(module);
                self.units[index].requires.insert(call.position, unit);
                continue;
            }
            if !(specifier.starts_with("./") || specifier.starts_with("../")) {
                match builtin_modules::resolve(&specifier) {
                    Resolution::Builtin(module) => {
                        let unit = self.add_builtin(module);
                        self.units[index].requires.insert(call.position, unit);
                    }
                    Resolution::Refused(what, help) => {
                        self.diagnostics
                            .push(diagnostics::unsupported(span, &what, &help));
                    }
                    // What is not a built-in module names a package in node_modules.
                    Resolution::NotBuiltin => {
                        match self.package_file(&base, &specifier, call.reference) {
                            Ok(file) => {
                                if let Some(unit) = self.load_file(
                                    file,
                                    &specifier,
                                    span,
                                    call.reference,
                                    call.json_attribute,
                                ) {
                                    self.units[index].requires.insert(call.position, unit);
                                }
                            }
                            Err(unresolved) => self.diagnostics.push(
                                diagnostics::unresolved_package(span, &specifier, unresolved),
                            ),
                        }
                    }
                }
                continue;
            }
            let target = normalize(&base.join(&specifier));
            // Node's ES module resolution takes the path as written; `require` (CommonJS)
            // tries the extensions and `index.js` as well.
            let candidates = if call.reference == Reference::Require {
                vec![
                    target.clone(),
                    PathBuf::from(format!("{}.js", target.display())),
                    PathBuf::from(format!("{}.json", target.display())),
                    PathBuf::from(format!("{}.ts", target.display())),
                    target.join("index.js"),
                ]
            } else if self.units[index].language == Language::TypeScript {
                // TypeScript writes the emitted name (`./util.js` for `util.ts`) or none.
                let mut candidates = vec![target.clone()];
                if target.extension().is_some_and(|ext| ext == "js") {
                    candidates.push(target.with_extension("ts"));
                }
                candidates.push(PathBuf::from(format!("{}.ts", target.display())));
                candidates
            } else {
                vec![target.clone()]
            };
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
                        let is_json = candidate.extension().is_some_and(|ext| ext == "json");
                        if is_json {
                            if call.reference != Reference::Require && !call.json_attribute {
                                self.diagnostics.push(diagnostics::unsupported(
                                    span,
                                    "an `import` of a JSON file without `with { type: \"json\" }`",
                                    "Node refuses it (ERR_IMPORT_ATTRIBUTE_MISSING): write `import data from \"./data.json\" with { type: \"json\" }`",
                                ));
                            }
                            if let Err(error) = serde_json::from_str::<serde_json::Value>(&text) {
                                self.diagnostics.push(
                                    Diagnostic::error(
                                        "invalid-json",
                                        format!("`{specifier}` is not valid JSON: {error}"),
                                    )
                                    .with_label(span, "loaded here")
                                    .with_help("Node would throw a SyntaxError when this runs; fix the file"),
                                );
                            }
                        }
                        let text = if is_json { json_module(&text) } else { text };
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
                None => self.diagnostics.push(diagnostics::missing_module(
                    span,
                    &specifier,
                    &reason,
                    call.reference != Reference::Require,
                )),
            }
        }
    }

    /// The file a package specifier loads from a module in `base`, as a path of the same
    /// kind as `base` (relative to the project when it is), so a package file's diagnostics
    /// show where it lies (`node_modules/ms/index.js`).
    fn package_file(
        &self,
        base: &Path,
        specifier: &str,
        reference: Reference,
    ) -> Result<PathBuf, resolve::Unresolved> {
        let Some(from_dir) = self.loader.absolute(base) else {
            return Err(resolve::Unresolved::not_installed_here(specifier));
        };
        let loader = if reference == Reference::Require {
            resolve::Loader::Require
        } else {
            resolve::Loader::Import
        };
        let file = resolve::resolve_package(specifier, &from_dir, loader)?;
        Ok(normalize(&base.join(relative_path(&from_dir, &file))))
    }

    /// Loads one resolved `file` (a package's) as a unit, or reports why it cannot.
    fn load_file(
        &mut self,
        file: PathBuf,
        specifier: &str,
        span: Span,
        reference: Reference,
        json_attribute: bool,
    ) -> Option<usize> {
        if let Some(existing) = self.by_path.get(&file) {
            return Some(*existing);
        }
        match self.loader.load(&file) {
            Ok((source, text)) => {
                let language = language_of(&file);
                let is_json = file.extension().is_some_and(|ext| ext == "json");
                if is_json && reference != Reference::Require && !json_attribute {
                    self.diagnostics.push(diagnostics::unsupported(
                        span,
                        "an `import` of a JSON file without `with { type: \"json\" }`",
                        "Node refuses it (ERR_IMPORT_ATTRIBUTE_MISSING): add `with { type: \"json\" }`",
                    ));
                }
                let text = if is_json { json_module(&text) } else { text };
                let unit = self.add(source, text, file, language);
                self.load_requires(unit);
                Some(unit)
            }
            Err(reason) => {
                self.diagnostics.push(diagnostics::missing_module(
                    span,
                    specifier,
                    &reason,
                    reference != Reference::Require,
                ));
                None
            }
        }
    }

    /// Circular `require`s and `import`s evaluate as in Node (`Modules::enter` gives a module
    /// that is loaded again its exports as they are); what Node refuses stays an error: a
    /// cycle through a `require` of an ES module (`ERR_REQUIRE_CYCLE_MODULE`). `import()`
    /// edges run later, so they close no cycle.
    fn check_cycles(&mut self) {
        /// The DFS state: 0 = unvisited, 1 = on the stack, 2 = done; the stack's edges as
        /// (from, position, to).
        struct Walk {
            marks: Vec<u8>,
            stack: Vec<(usize, BytePos, usize)>,
            refused: Vec<(usize, BytePos)>,
        }
        fn visit(program: &Program<'_>, unit: usize, walk: &mut Walk) {
            walk.marks[unit] = 1;
            let mut requires: Vec<(&BytePos, &usize)> = program.units[unit]
                .requires
                .iter()
                .filter(|(position, _)| !program.units[unit].dynamic_imports.contains(position))
                .collect();
            requires.sort();
            for (position, target) in requires {
                match walk.marks[*target] {
                    0 => {
                        walk.stack.push((unit, *position, *target));
                        visit(program, *target, walk);
                        walk.stack.pop();
                    }
                    1 => {
                        // The cycle: the stack's edges from `target` on, and this one.
                        let start = walk
                            .stack
                            .iter()
                            .position(|(from, _, _)| from == target)
                            .unwrap_or(walk.stack.len());
                        let closing = (unit, *position, *target);
                        let refused = walk.stack[start..]
                            .iter()
                            .chain(std::iter::once(&closing))
                            .find(|(from, at, to)| {
                                program.units[*from].require_positions.contains(at)
                                    && program.units[*to].esm
                            });
                        if let Some((from, at, _)) = refused
                            && !walk.refused.contains(&(*from, *at))
                        {
                            walk.refused.push((*from, *at));
                        }
                    }
                    _ => {}
                }
            }
            walk.marks[unit] = 2;
        }
        let mut walk = Walk {
            marks: vec![0u8; self.units.len()],
            stack: Vec::new(),
            refused: Vec::new(),
        };
        for unit in 0..self.units.len() {
            if walk.marks[unit] == 0 {
                visit(self, unit, &mut walk);
            }
        }
        for (unit, position) in walk.refused {
            let Some(parsed) = &self.units[unit].parsed else {
                continue;
            };
            let span = parsed
                .spans
                .span(swc_core::common::Span::new(position, position));
            self.diagnostics.push(diagnostics::unsupported(
                span,
                "a `require` of an ES module in a cycle",
                "Node refuses it (ERR_REQUIRE_CYCLE_MODULE): `import` the module instead, or `require` it lazily inside a function",
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
            unit.stateful = match unit.builtin {
                Some(module) => !module.stateless,
                None => unit
                    .parsed
                    .as_ref()
                    .is_none_or(|parsed| !state::is_stateless(&parsed.module)),
            };
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

    /// Marks the modules whose entry points run on an event-loop thread: those that may do I/O
    /// themselves (`may_do_io`), those that require one (transitively), and every module of
    /// an isolate that holds one of those.
    fn classify_io(&mut self, isolates: &[Vec<usize>], may_do_io: &[bool]) {
        for (unit, io) in self.units.iter_mut().zip(may_do_io) {
            unit.on_loop = *io;
        }
        loop {
            let mut changed = false;
            for index in 0..self.units.len() {
                if self.units[index].on_loop {
                    continue;
                }
                if self.units[index]
                    .requires
                    .values()
                    .any(|target| self.units[*target].on_loop)
                {
                    self.units[index].on_loop = true;
                    changed = true;
                }
            }
            for members in isolates {
                if members.iter().any(|member| self.units[*member].on_loop)
                    && members.iter().any(|member| !self.units[*member].on_loop)
                {
                    for member in members {
                        self.units[*member].on_loop = true;
                    }
                    changed = true;
                }
            }
            if !changed {
                break;
            }
        }
    }

    /// Groups the stateful modules into isolates and returns their member lists. Two modules
    /// land in one isolate when they are connected by `require`s (in either direction, through
    /// any module, stateless ones too: a shared module's exports object is one object in Node),
    /// so modules that can reach common state always take the same lock and see one registry;
    /// modules of different groups share no module, hence no JS value, and run in parallel.
    fn isolates(&mut self) -> Vec<Vec<usize>> {
        let mut root: Vec<usize> = (0..self.units.len()).collect();
        fn find(root: &mut [usize], mut unit: usize) -> usize {
            while root[unit] != unit {
                root[unit] = root[root[unit]];
                unit = root[unit];
            }
            unit
        }
        for index in 0..self.units.len() {
            for target in self.units[index].requires.values() {
                // A built-in module is evaluated in the registry of each isolate that loads
                // it (as Node has one per process): it joins no two groups.
                if self.units[*target].builtin.is_some() {
                    continue;
                }
                let (a, b) = (find(&mut root, index), find(&mut root, *target));
                // The smaller index becomes the root, so numbering follows the units' order.
                root[a.max(b)] = a.min(b);
            }
        }
        let mut groups: Vec<(usize, Vec<usize>)> = Vec::new();
        for index in 0..self.units.len() {
            if !self.units[index].stateful || self.units[index].builtin.is_some() {
                continue;
            }
            let group_root = find(&mut root, index);
            let position = match groups.iter().position(|(root, _)| *root == group_root) {
                Some(position) => position,
                None => {
                    groups.push((group_root, Vec::new()));
                    groups.len() - 1
                }
            };
            groups[position].1.push(index);
            self.units[index].isolate = Some(position);
        }
        groups.into_iter().map(|(_, members)| members).collect()
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

/// Whether `unit` may do I/O by itself: it uses timers, or the service has a database and one
/// of its handlers may read `ctx` (where `ctx.db` lives).
fn may_do_io(unit: &Unit, is_entry: bool, options: &CompileOptions) -> bool {
    let Some(parsed) = &unit.parsed else {
        return false;
    };
    if crate::io_use::uses_timers(&parsed.module) {
        return true;
    }
    if !options.database || !is_entry {
        return false;
    }
    let scopes = scope::analyze(&parsed.module);
    let (detected, _) = exports::detect(&parsed.module);
    detected
        .iter()
        .any(|export| crate::context_use::uses_context(&parsed.module, &export.access, &scopes))
}

pub(crate) fn compile(
    handlers: &[HandlerSource],
    loader: &mut dyn SourceLoader,
    options: &CompileOptions,
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
    let isolates = program.isolates();
    let io: Vec<bool> = program
        .units
        .iter()
        .enumerate()
        .map(|(index, unit)| may_do_io(unit, entries.contains(&index), options))
        .collect();
    program.classify_io(&isolates, &io);

    // A free name no module ever stores on the global object is probably a typo: its reads warn.
    let global_writes: std::collections::HashSet<&str> = program
        .units
        .iter()
        .flat_map(|unit| unit.global_writes.iter().map(String::as_str))
        .collect();
    let rust_names: Vec<String> = program
        .units
        .iter()
        .map(|unit| unit.rust_name.clone())
        .collect();
    let mut modules = Vec::new();
    let mut diagnostics = std::mem::take(&mut program.diagnostics);
    let bigints = crate::bigint_use::may_make_bigints(
        program
            .units
            .iter()
            .filter_map(|unit| unit.parsed.as_ref().map(|parsed| &parsed.module)),
    );
    let project = program.loader.absolute(Path::new(""));
    let mut fs_files = std::collections::BTreeMap::new();
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
        let numeric = crate::numeric::numeric_bindings(&parsed.module, &scopes, bigints);
        // `__filename` of a project or package module, and the files its `fs` calls read.
        let module_dir = program
            .loader
            .absolute(unit.path.parent().unwrap_or(Path::new("")));
        let filename = unit
            .builtin
            .is_none()
            .then(|| crate::fs_embed::absolute_filename(module_dir.clone(), &unit.path));
        if unit.builtin.is_none() {
            let module_fs = crate::fs_embed::ModuleFs {
                module: &parsed.module,
                scopes: &scopes,
                spans: parsed.spans,
                filename: filename.as_deref(),
                esm: unit.esm,
                module_dir,
                project: project.clone(),
            };
            crate::fs_embed::embed(&module_fs, &mut fs_files, &mut diagnostics);
        }
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
        let requires: HashMap<BytePos, Required> = unit
            .requires
            .iter()
            .map(|(position, target)| {
                let target_unit = &program.units[*target];
                let (named_exports, complete) = match &target_unit.parsed {
                    _ if target_unit.builtin.is_some() => (
                        target_unit
                            .builtin
                            .map(|module| module.exports.iter().map(|s| s.to_string()).collect())
                            .unwrap_or_default(),
                        true,
                    ),
                    Some(parsed) if target_unit.esm => {
                        let (names, star) = exports::esm_names(&parsed.module);
                        (names, !star)
                    }
                    Some(parsed) => (exports::commonjs_names(&parsed.module), true),
                    None => (Vec::new(), false),
                };
                (
                    *position,
                    Required {
                        rust_name: rust_names[*target].clone(),
                        esm: target_unit.esm,
                        named_exports,
                        complete,
                        builtin: target_unit.builtin.is_some(),
                    },
                )
            })
            .collect();
        let mut lowerer = Lowerer::new(ModuleContext {
            rust_name: &unit.rust_name,
            scopes: &scopes,
            numeric: &numeric,
            spans: parsed.spans,
            requires: &requires,
            source_text: &unit.text,
            source_start: parsed.spans.start(),
            esm: unit.esm,
            filename: filename.as_deref(),
            builtin: unit.builtin.is_some(),
            global_writes: &global_writes,
        });
        let plan = ModulePlan {
            exports: &detected,
            isolate: unit.isolate,
            on_loop: unit.on_loop,
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
    let runtime_needs = backworks_ir::RuntimeNeeds {
        intl: program.units.iter().any(|unit| {
            unit.parsed
                .as_ref()
                .is_some_and(|parsed| crate::intl_use::uses_intl(&parsed.module))
        }),
        // Only `internal/fetch/fetch` reaches the runtime's HTTP client (`__node.fetch`):
        // `Headers`, `Request` and `Response` alone need nothing optional.
        fetch: program.units.iter().any(|unit| {
            unit.builtin
                .is_some_and(|module| module.name == "internal/fetch/fetch")
        }),
    };
    Ok(CompiledProgram {
        modules,
        entries,
        warnings: diagnostics,
        support: isolate_statics(&isolates, &program.units),
        runtime_needs,
        embedded_files: fs_files
            .into_iter()
            .map(|(path, bytes)| backworks_ir::EmbeddedFile { path, bytes })
            .collect(),
    })
}

/// `pub static ISOLATES`: one isolate per group of stateful modules, each documented with the
/// modules whose state it guards.
fn isolate_statics(isolates: &[Vec<usize>], units: &[Unit]) -> TokenStream {
    let count = proc_macro2::Literal::usize_unsuffixed(isolates.len());
    let docs = isolates.iter().enumerate().map(|(index, members)| {
        let names: Vec<&str> = members
            .iter()
            .map(|member| units[*member].rust_name.as_str())
            .collect();
        format!(" - `ISOLATES[{index}]`: {}", names.join(", "))
    });
    quote! {
        /// Module state of the service: one isolate (a lock and a module registry) per group of
        /// stateful modules that share modules (see `backworks_runtime::js::isolate`).
        #(#[doc = #docs])*
        #[allow(dead_code)]
        pub static ISOLATES: [backworks_runtime::js::Isolate; #count] =
            [const { backworks_runtime::js::Isolate::new() }; #count];
    }
}

#[cfg(test)]
mod tests {
    use super::normalize;
    use std::collections::HashMap;
    use std::path::{Path, PathBuf};

    use backworks_diagnostics::{SourceId, Sources};

    use crate::{HandlerSource, SourceLoader};

    /// Files by path, registered in `sources` when loaded.
    struct MemoryLoader<'a> {
        sources: &'a mut Sources,
        files: HashMap<PathBuf, &'static str>,
    }

    impl SourceLoader for MemoryLoader<'_> {
        fn load(&mut self, path: &Path) -> Result<(SourceId, String), String> {
            let text = self
                .files
                .get(&normalize(path))
                .ok_or_else(|| format!("no file {}", path.display()))?;
            Ok((self.sources.add(path, *text), text.to_string()))
        }

        fn embed(&mut self, path: &Path, text: &str) -> SourceId {
            self.sources.add(path, text)
        }
    }

    #[test]
    fn modules_connected_by_requires_share_an_isolate_and_others_do_not() {
        let files = [
            ("store.js", "exports.items = [];"),
            (
                "read.js",
                "const store = require(\"./store.js\");\nmodule.exports = () => store.items.length;",
            ),
            (
                "write.js",
                "const store = require(\"./store.js\");\nmodule.exports = () => store.items.push(1);",
            ),
            (
                "count.js",
                "let count = 0;\nmodule.exports = () => ++count;",
            ),
            ("pure.js", "module.exports = () => 1;"),
        ];
        let program = compile_files(&files, &["read.js", "count.js", "write.js", "pure.js"])
            .expect("compiles");
        let entry_of = |name: &str| {
            let module = program
                .modules
                .iter()
                .find(|module| module.rust_name == name)
                .expect("module exists");
            let text = module.items.to_string();
            if text.contains("run_stateless") {
                "stateless".to_string()
            } else {
                let start = text.find("ISOLATES [").expect("an isolate");
                text[start..start + 12].to_string()
            }
        };
        assert_eq!(entry_of("read"), "ISOLATES [0]");
        assert_eq!(entry_of("write"), "ISOLATES [0]");
        assert_eq!(entry_of("count"), "ISOLATES [1]");
        assert_eq!(entry_of("pure"), "stateless");
        let support = program.support.to_string();
        assert!(support.contains("; 2]"), "{support}");
        assert!(
            support.contains("`ISOLATES[0]`: read, store, write"),
            "{support}"
        );
    }

    #[test]
    fn builtin_modules_keep_handlers_stateless_or_isolated_as_their_state_requires() {
        let files = [
            (
                "paths.js",
                "const path = require(\"path\");\nmodule.exports = () => path.join(\"a\", \"b\");",
            ),
            (
                "bus.js",
                "const EventEmitter = require(\"node:events\");\nconst bus = new EventEmitter();\nmodule.exports = () => bus.emit(\"x\");",
            ),
            (
                "jobs.js",
                "const { EventEmitter } = require(\"events\");\nconst jobs = new EventEmitter();\nmodule.exports = () => jobs.listenerCount(\"x\");",
            ),
        ];
        let program = compile_files(&files, &["paths.js", "bus.js", "jobs.js"]).expect("compiles");
        let text_of = |name: &str| {
            program
                .modules
                .iter()
                .find(|module| module.rust_name == name)
                .expect("module exists")
                .items
                .to_string()
        };
        assert!(text_of("paths").contains("run_stateless"));
        // Two unrelated handlers using `events` keep their own isolates (and locks).
        assert!(text_of("bus").contains("ISOLATES [0]"));
        assert!(text_of("jobs").contains("ISOLATES [1]"));
        assert!(program.support.to_string().contains("; 2]"));
    }

    /// Compiles the handlers `entries` among the in-memory `files`.
    fn compile_files(
        files: &[(&str, &'static str)],
        entries: &[&str],
    ) -> Result<crate::CompiledProgram, Vec<backworks_diagnostics::Diagnostic>> {
        let files: HashMap<PathBuf, &'static str> = files
            .iter()
            .map(|(path, text)| (PathBuf::from(path), *text))
            .collect();
        let mut sources = Sources::new();
        let handlers: Vec<HandlerSource> = entries
            .iter()
            .map(|entry| HandlerSource {
                source: sources.add(*entry, files[Path::new(entry)]),
                text: files[Path::new(entry)].to_string(),
                path: PathBuf::from(entry),
                language: super::language_of(Path::new(entry)),
            })
            .collect();
        let mut loader = MemoryLoader {
            sources: &mut sources,
            files,
        };
        super::compile(&handlers, &mut loader, &crate::CompileOptions::default())
    }

    /// The messages of compiling `entry` among `files`.
    fn errors_of(files: &[(&str, &'static str)], entry: &str) -> Vec<String> {
        match compile_files(files, &[entry]) {
            Ok(_) => Vec::new(),
            Err(diagnostics) => diagnostics.iter().map(|d| d.message.clone()).collect(),
        }
    }

    #[test]
    fn imports_node_would_not_link_are_errors() {
        let files = [
            ("a.js", "export const x = 1;\n"),
            ("c.js", "exports.q = 1;\nmodule.exports.r = 2;\n"),
            (
                "missing.js",
                "import { y } from \"./a.js\";\nimport nothing from \"./a.js\";\nimport { s } from \"./c.js\";\nexport default () => y;\n",
            ),
            (
                "bare.js",
                "import { x } from \"./a\";\nexport default () => x;\n",
            ),
            (
                "loop.js",
                "import { z } from \"./loop2.js\";\nexport const w = 1;\nexport default () => z;\n",
            ),
            (
                "loop2.js",
                "import { w } from \"./loop.js\";\nexport const z = w;\n",
            ),
            (
                "require-loop.js",
                "const back = require(\"./require-loop2.js\");\nmodule.exports = () => back;\n",
            ),
            (
                "require-loop2.js",
                "import again from \"./require-loop3.js\";\nexport const z = again;\n",
            ),
            (
                "require-loop3.js",
                "module.exports = require(\"./require-loop2.js\");\n",
            ),
            (
                "fine.js",
                "import { x } from \"./a.js\";\nimport c, { q, r } from \"./c.js\";\nexport default () => [x, c, q, r];\n",
            ),
            ("data.json", "{\"k\": [1, 2]}"),
            ("broken.json", "{\"k\": }"),
            (
                "json.js",
                "import data from \"./data.json\";\nconst broken = require(\"./broken.json\");\nexport default () => [data, broken];\n",
            ),
            (
                "json-fine.js",
                "import data from \"./data.json\" with { type: \"json\" };\nconst again = require(\"./data\");\nexport default () => [data, again];\n",
            ),
        ];
        assert_eq!(
            errors_of(&files, "missing.js"),
            [
                "the module \"./a.js\" does not provide an export named 'y'",
                "the module \"./a.js\" does not provide an export named 'default'",
                "named export 's' not found in the CommonJS module \"./c.js\"",
            ]
        );
        assert_eq!(
            errors_of(&files, "bare.js"),
            ["cannot load the module `./a`"]
        );
        // Circular imports evaluate as Node's do; a cycle through `require(esm)` is refused,
        // as Node refuses it.
        assert!(errors_of(&files, "loop.js").is_empty());
        assert_eq!(
            errors_of(&files, "require-loop.js"),
            ["a `require` of an ES module in a cycle is not supported in handlers"]
        );
        assert!(errors_of(&files, "fine.js").is_empty());
        assert_eq!(
            errors_of(&files, "json.js"),
            [
                "an `import` of a JSON file without `with { type: \"json\" }` is not supported in handlers",
                "`./broken.json` is not valid JSON: expected value at line 1 column 7",
            ]
        );
        assert!(errors_of(&files, "json-fine.js").is_empty());
        let typescript = [
            (
                "util.ts",
                "export const twice = (n: number): number => n * 2;\n",
            ),
            (
                "entry.ts",
                "import { twice } from \"./util.js\";\nimport { twice as again } from \"./util\";\nexport default () => twice(1) + again(2);\n",
            ),
        ];
        assert!(errors_of(&typescript, "entry.ts").is_empty());
    }

    #[test]
    fn built_in_modules_load_by_name_and_others_are_refused() {
        let files = [
            (
                "fine.js",
                "import { createHash } from \"node:crypto\";\nconst { Buffer } = require(\"buffer\");\nconst url = require(\"node:url\");\nexport default () => [createHash, Buffer, url];\n",
            ),
            (
                "unknown-export.js",
                "import { createCipher } from \"crypto\";\nexport default () => createCipher;\n",
            ),
            (
                "other.js",
                "const http = require(\"http\");\nmodule.exports = () => http;\n",
            ),
        ];
        assert!(errors_of(&files, "fine.js").is_empty());
        assert_eq!(
            errors_of(&files, "unknown-export.js"),
            ["`createCipher` of the built-in module \"crypto\" is not supported in handlers"]
        );
        assert_eq!(
            errors_of(&files, "other.js"),
            [
                "the built-in module `http` (a handler answers one request; the server owns files, processes and sockets) is not supported in handlers"
            ]
        );
    }

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
