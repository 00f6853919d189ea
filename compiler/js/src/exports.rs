//! Finding the handlers a module exports.
//!
//! ```text
//! module.exports = function (req) {…}    → Default, the exports value itself
//! export default function stats(…) {…}   → Default, key "default"
//! export function GET(req) {…}           → Method("GET"), key "GET"
//! module.exports = { GET, handler() {} }  → Method("GET"), key "GET"; Default, key "handler"
//! function handler(req, res) {…}         → Default, key "handler" (implicit: nothing else exported)
//! ```

use swc_core::ecma::ast::*;

use crate::ExportKind;

/// How an entry point finds its handler in `module.exports`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Access {
    /// `module.exports` is the handler.
    Whole,
    /// `module.exports[key]` is the handler.
    Key(String),
}

/// One handler export and its generated entry point.
#[derive(Debug, Clone)]
pub(crate) struct DetectedExport {
    pub(crate) kind: ExportKind,
    pub(crate) entry: String,
    pub(crate) access: Access,
    /// Whether the handler may read its second argument (`ctx`); see `context_use.rs`.
    pub(crate) uses_context: bool,
}

const METHODS: &[&str] = &["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];

fn by_name(name: &str) -> Option<DetectedExport> {
    if METHODS.contains(&name) {
        return Some(DetectedExport {
            kind: ExportKind::Method(name.to_string()),
            entry: name.to_ascii_lowercase(),
            access: Access::Key(name.to_string()),
            uses_context: true,
        });
    }
    (name == "handler" || name == "default").then(|| DetectedExport {
        kind: ExportKind::Default,
        entry: "handler".to_string(),
        access: Access::Key(name.to_string()),
        uses_context: true,
    })
}

/// `module.exports` (`Some(None)`), `module.exports.x` / `exports.x` (`Some(Some(x))`).
pub(crate) fn export_target(target: &AssignTarget) -> Option<Option<String>> {
    let AssignTarget::Simple(SimpleAssignTarget::Member(member)) = target else {
        return None;
    };
    let prop = match &member.prop {
        MemberProp::Ident(name) => name.sym.to_string(),
        _ => return None,
    };
    match &*member.obj {
        Expr::Ident(object) if object.sym == "module" && prop == "exports" => Some(None),
        Expr::Ident(object) if object.sym == "exports" => Some(Some(prop)),
        Expr::Member(inner) => match (&*inner.obj, &inner.prop) {
            (Expr::Ident(object), MemberProp::Ident(name))
                if object.sym == "module" && name.sym == "exports" =>
            {
                Some(Some(prop))
            }
            _ => None,
        },
        _ => None,
    }
}

/// The statically known keys of an object literal (`{ GET, POST: f, handler() {} }`).
fn literal_keys(object: &ObjectLit) -> Vec<String> {
    let key_name = |key: &PropName| match key {
        PropName::Ident(name) => Some(name.sym.to_string()),
        PropName::Str(text) => Some(text.value.to_atom_lossy().to_string()),
        _ => None,
    };
    object
        .props
        .iter()
        .filter_map(|prop| match prop {
            PropOrSpread::Prop(prop) => match &**prop {
                Prop::Shorthand(ident) => Some(ident.sym.to_string()),
                Prop::KeyValue(pair) => key_name(&pair.key),
                Prop::Method(method) => key_name(&method.key),
                _ => None,
            },
            PropOrSpread::Spread(_) => None,
        })
        .collect()
}

/// The module's handler exports, and whether the handler is an implicit `function handler`.
pub(crate) fn detect(module: &Module) -> (Vec<DetectedExport>, bool) {
    let mut found: Vec<DetectedExport> = Vec::new();
    let push = |export: DetectedExport, found: &mut Vec<DetectedExport>| {
        if let Some(existing) = found.iter_mut().find(|e| e.entry == export.entry) {
            // `module.exports = …` wins over keyed defaults.
            if export.access == Access::Whole {
                *existing = export;
            }
        } else {
            found.push(export);
        }
    };
    for item in &module.body {
        match item {
            ModuleItem::Stmt(Stmt::Expr(statement)) => {
                if let Expr::Assign(assign) = &*statement.expr {
                    match export_target(&assign.left) {
                        Some(None) => {
                            let keyed: Vec<DetectedExport> = match &*assign.right {
                                Expr::Object(object) => literal_keys(object)
                                    .iter()
                                    .filter_map(|key| by_name(key))
                                    .collect(),
                                _ => Vec::new(),
                            };
                            // An object of handlers (`{ GET, POST }`, `{ handler() {…} }`)
                            // exports its keys; anything else is the handler itself.
                            if keyed.is_empty() {
                                push(
                                    DetectedExport {
                                        kind: ExportKind::Default,
                                        entry: "handler".to_string(),
                                        access: Access::Whole,
                                        uses_context: true,
                                    },
                                    &mut found,
                                );
                            } else {
                                for export in keyed {
                                    push(export, &mut found);
                                }
                            }
                        }
                        Some(Some(name)) => {
                            if let Some(export) = by_name(&name) {
                                push(export, &mut found);
                            }
                        }
                        None => {}
                    }
                }
            }
            ModuleItem::ModuleDecl(ModuleDecl::ExportDecl(export)) => {
                let mut names = Vec::new();
                match &export.decl {
                    Decl::Fn(function) => names.push(function.ident.clone()),
                    Decl::Class(class) => names.push(class.ident.clone()),
                    Decl::Var(var) => {
                        for declarator in &var.decls {
                            crate::scope::pattern_idents(&declarator.name, &mut names);
                        }
                    }
                    _ => {}
                }
                for name in names {
                    if let Some(export) = by_name(name.sym.as_str()) {
                        push(export, &mut found);
                    }
                }
            }
            ModuleItem::ModuleDecl(ModuleDecl::ExportDefaultDecl(_))
            | ModuleItem::ModuleDecl(ModuleDecl::ExportDefaultExpr(_)) => {
                if let Some(export) = by_name("default") {
                    push(export, &mut found);
                }
            }
            ModuleItem::ModuleDecl(ModuleDecl::ExportNamed(named)) => {
                for specifier in &named.specifiers {
                    if let ExportSpecifier::Named(specifier) = specifier {
                        let name = match specifier.exported.as_ref().unwrap_or(&specifier.orig) {
                            ModuleExportName::Ident(ident) => ident.sym.to_string(),
                            ModuleExportName::Str(text) => text.value.to_atom_lossy().to_string(),
                        };
                        if let Some(export) = by_name(&name) {
                            push(export, &mut found);
                        }
                    }
                }
            }
            _ => {}
        }
    }
    if found.is_empty() {
        let has_handler = module.body.iter().any(|item| {
            matches!(item, ModuleItem::Stmt(Stmt::Decl(Decl::Fn(function))) if function.ident.sym == "handler")
        });
        if has_handler {
            return (by_name("handler").into_iter().collect(), true);
        }
    }
    // The default handler first, then methods in source order.
    found.sort_by_key(|export| !matches!(export.kind, ExportKind::Default));
    (found, false)
}

/// The names an ES module exports (`export const a`, `export { b as c }`, `export default`,
/// `export { d } from …`), and whether it also re-exports everything of another module
/// (`export * from …`), which makes the list incomplete.
pub(crate) fn esm_names(module: &Module) -> (Vec<String>, bool) {
    let mut names = Vec::new();
    let mut star = false;
    let export_name = |name: &ModuleExportName| match name {
        ModuleExportName::Ident(ident) => ident.sym.to_string(),
        ModuleExportName::Str(text) => text.value.to_atom_lossy().to_string(),
    };
    for item in &module.body {
        let ModuleItem::ModuleDecl(decl) = item else {
            continue;
        };
        match decl {
            ModuleDecl::ExportDecl(export) => {
                let mut idents = Vec::new();
                match &export.decl {
                    Decl::Fn(function) => idents.push(function.ident.clone()),
                    Decl::Class(class) => idents.push(class.ident.clone()),
                    Decl::Var(var) => {
                        for declarator in &var.decls {
                            crate::scope::pattern_idents(&declarator.name, &mut idents);
                        }
                    }
                    _ => {}
                }
                names.extend(idents.iter().map(|ident| ident.sym.to_string()));
            }
            ModuleDecl::ExportDefaultDecl(_) | ModuleDecl::ExportDefaultExpr(_) => {
                names.push("default".to_string());
            }
            ModuleDecl::ExportNamed(named) => {
                for specifier in &named.specifiers {
                    match specifier {
                        ExportSpecifier::Named(specifier) => names.push(export_name(
                            specifier.exported.as_ref().unwrap_or(&specifier.orig),
                        )),
                        ExportSpecifier::Namespace(namespace) => {
                            names.push(export_name(&namespace.name))
                        }
                        ExportSpecifier::Default(default) => {
                            names.push(default.exported.sym.to_string())
                        }
                    }
                }
            }
            ModuleDecl::ExportAll(_) => star = true,
            _ => {}
        }
    }
    (names, star)
}

/// The names Node's static analysis of a CommonJS module (cjs-module-lexer) finds it exporting,
/// the only ones an ES module can import by name: `exports.a = …`, `module.exports.b = …`,
/// `Object.defineProperty(exports, "c", …)`, and the leading keys of `module.exports = { d, e:
/// f }` up to the first value that is not an identifier (which ends the lexer's scan).
pub(crate) fn commonjs_names(module: &Module) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    let add = |name: String, names: &mut Vec<String>| {
        if !names.contains(&name) {
            names.push(name);
        }
    };
    for item in &module.body {
        let ModuleItem::Stmt(Stmt::Expr(statement)) = item else {
            continue;
        };
        match &*statement.expr {
            Expr::Assign(assign) => match export_target(&assign.left) {
                Some(Some(name)) => add(name, &mut names),
                Some(None) => {
                    if let Expr::Object(object) = &*assign.right {
                        for prop in &object.props {
                            let PropOrSpread::Prop(prop) = prop else {
                                break;
                            };
                            match &**prop {
                                Prop::Shorthand(ident) => add(ident.sym.to_string(), &mut names),
                                Prop::KeyValue(pair) if matches!(&*pair.value, Expr::Ident(_)) => {
                                    match &pair.key {
                                        PropName::Ident(key) => {
                                            add(key.sym.to_string(), &mut names)
                                        }
                                        PropName::Str(key) => {
                                            add(key.value.to_atom_lossy().to_string(), &mut names)
                                        }
                                        _ => break,
                                    }
                                }
                                Prop::Method(method) => {
                                    if let PropName::Ident(key) = &method.key {
                                        add(key.sym.to_string(), &mut names);
                                    }
                                    break;
                                }
                                _ => break,
                            }
                        }
                    }
                }
                None => {}
            },
            Expr::Call(call) => {
                let is_define = matches!(&call.callee, Callee::Expr(callee)
                    if matches!(&**callee, Expr::Member(member)
                        if matches!(&*member.obj, Expr::Ident(object) if object.sym == "Object")
                            && matches!(&member.prop, MemberProp::Ident(prop) if prop.sym == "defineProperty")));
                if is_define
                    && let [target, key, ..] = call.args.as_slice()
                    && matches!(&*target.expr, Expr::Ident(object) if object.sym == "exports")
                    && let Expr::Lit(Lit::Str(key)) = &*key.expr
                {
                    add(key.value.to_atom_lossy().to_string(), &mut names);
                }
            }
            _ => {}
        }
    }
    names
}
