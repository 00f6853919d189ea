//! A module: its top level → `evaluate`, its handler exports → entry points.
//!
//! ```text
//! const tasks = [];                      pub fn evaluate(modules: &rt::Modules) -> Result<Value, rt::Throw> {
//! export function GET(req) {…}     →         let module = …; let exports_object = …;
//!                                            let tasks = rt::Var::new(Value::Undefined);
//!                                            let GET = rt::Var::new(Value::Undefined); GET.set(rt::func(…));
//!                                            tasks.set(rt::array(vec![]));
//!                                            rt::set(&exports_object, "GET", GET.get())?;
//!                                            rt::get(&module, "exports")
//!                                        }
//!                                        pub fn get(req: HandlerRequest) -> HandlerCall {
//!                                            backworks_runtime::bridge::run_stateful(&super::ISOLATES[0], req, |modules, req, ctx| {
//!                                                let exports = modules.require("tasks", evaluate)?;
//!                                                rt::call(&rt::get(&exports, "GET")?, &[req])
//!                                            })
//!                                        }
//! ```

use proc_macro2::TokenStream;
use quote::{format_ident, quote};
use swc_core::ecma::ast::*;

use super::Lowerer;
use crate::exports::{Access, DetectedExport};

/// What the module lowering needs besides the AST.
pub(crate) struct ModulePlan<'a> {
    /// The handler exports to generate entry points for.
    pub(crate) exports: &'a [DetectedExport],
    /// The isolate whose lock entry points take (`ISOLATES[i]`); `None` for a stateless module.
    pub(crate) isolate: Option<usize>,
    /// Whether entry points hand the request to an event-loop thread (the module may do I/O).
    pub(crate) on_loop: bool,
    /// Shown in the generated file's header.
    pub(crate) display_path: String,
    /// Whether the module's handler is an implicit top-level `function handler`.
    pub(crate) implicit_handler: bool,
}

/// Where an exported binding is initialised, which decides when it is published besides after
/// the top level (importers in a cycle may read it while this module evaluates).
#[derive(Clone, Copy, PartialEq)]
enum Placement {
    /// A function declaration: hoisted, so published before the module's imports evaluate.
    Function,
    /// `export const/let/var/class`: published right after its declaration runs.
    Declaration,
    /// `export { name }`: published after the top level.
    List,
}

/// A top-level item, with ES module syntax reduced to statements plus export steps.
enum Item {
    Stmt(Stmt),
    /// `(local, exported)` names, and where the binding gets its value.
    Export(Vec<(Ident, String)>, Placement),
    ExportDefault(Box<Expr>),
    /// `import … from`: evaluated before the body (imports are hoisted).
    Import(ImportDecl),
    /// `export … from` / `export * from`: loaded with the imports, published at the end.
    Reexport(ModuleDecl),
}

impl Lowerer<'_> {
    fn items(&mut self, module: &Module) -> Vec<Item> {
        let mut items = Vec::new();
        for item in &module.body {
            match item {
                ModuleItem::Stmt(stmt) => items.push(Item::Stmt(stmt.clone())),
                ModuleItem::ModuleDecl(decl) => match decl {
                    ModuleDecl::ExportDecl(export) => {
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
                        let placement = match &export.decl {
                            Decl::Fn(_) => Placement::Function,
                            _ => Placement::Declaration,
                        };
                        items.push(Item::Stmt(Stmt::Decl(export.decl.clone())));
                        items.push(Item::Export(
                            names
                                .into_iter()
                                .map(|ident| {
                                    let name = ident.sym.to_string();
                                    (ident, name)
                                })
                                .collect(),
                            placement,
                        ));
                    }
                    ModuleDecl::ExportDefaultDecl(export) => match &export.decl {
                        DefaultDecl::Fn(function) => match &function.ident {
                            Some(ident) => {
                                items.push(Item::Stmt(Stmt::Decl(Decl::Fn(FnDecl {
                                    ident: ident.clone(),
                                    declare: false,
                                    function: function.function.clone(),
                                }))));
                                items.push(Item::Export(
                                    vec![(ident.clone(), "default".to_string())],
                                    Placement::Function,
                                ));
                            }
                            None => items
                                .push(Item::ExportDefault(Box::new(Expr::Fn(function.clone())))),
                        },
                        DefaultDecl::Class(class) => match &class.ident {
                            Some(ident) => {
                                items.push(Item::Stmt(Stmt::Decl(Decl::Class(ClassDecl {
                                    ident: ident.clone(),
                                    declare: false,
                                    class: class.class.clone(),
                                }))));
                                items.push(Item::Export(
                                    vec![(ident.clone(), "default".to_string())],
                                    Placement::Declaration,
                                ));
                            }
                            None => items
                                .push(Item::ExportDefault(Box::new(Expr::Class(class.clone())))),
                        },
                        DefaultDecl::TsInterfaceDecl(_) => {}
                    },
                    ModuleDecl::ExportDefaultExpr(export) => {
                        items.push(Item::ExportDefault(export.expr.clone()));
                    }
                    ModuleDecl::ExportNamed(named) if named.src.is_none() => {
                        let mut names = Vec::new();
                        for specifier in &named.specifiers {
                            match specifier {
                                ExportSpecifier::Named(named_specifier) => {
                                    let local = match &named_specifier.orig {
                                        ModuleExportName::Ident(ident) => ident.clone(),
                                        ModuleExportName::Str(text) => {
                                            self.unsupported(
                                                text.span,
                                                "a string export name",
                                                "export an identifier",
                                            );
                                            continue;
                                        }
                                    };
                                    let exported = match &named_specifier.exported {
                                        Some(ModuleExportName::Ident(ident)) => {
                                            ident.sym.to_string()
                                        }
                                        Some(ModuleExportName::Str(text)) => {
                                            text.value.to_atom_lossy().to_string()
                                        }
                                        None => local.sym.to_string(),
                                    };
                                    names.push((local, exported));
                                }
                                other => {
                                    self.unsupported(
                                        swc_core::common::Spanned::span(other),
                                        "this export form",
                                        "write `export { name }`",
                                    );
                                }
                            }
                        }
                        items.push(Item::Export(names, Placement::List));
                    }
                    ModuleDecl::Import(import) => {
                        if !import.type_only {
                            items.push(Item::Import(import.clone()));
                        }
                    }
                    ModuleDecl::ExportNamed(named) => {
                        if !named.type_only {
                            items.push(Item::Reexport(decl.clone()));
                        }
                    }
                    ModuleDecl::ExportAll(all) => {
                        if !all.type_only {
                            items.push(Item::Reexport(decl.clone()));
                        }
                    }
                    other => {
                        self.unsupported(
                            swc_core::common::Spanned::span(other),
                            "this module declaration",
                            "use `module.exports = …` or `export function …`",
                        );
                    }
                },
            }
        }
        items
    }

    /// The module's items: `evaluate` and one entry point per handler export.
    pub(crate) fn module(&mut self, module: &Module, plan: &ModulePlan<'_>) -> TokenStream {
        // ES modules are strict; so is a script that starts with `"use strict"`.
        let leading: Vec<Stmt> = module
            .body
            .iter()
            .map_while(|item| match item {
                ModuleItem::Stmt(stmt) => Some(stmt.clone()),
                ModuleItem::ModuleDecl(_) => None,
            })
            .collect();
        self.strict = module
            .body
            .iter()
            .any(|item| matches!(item, ModuleItem::ModuleDecl(_)))
            || super::has_use_strict(&leading);
        self.arguments_use = super::arguments::find(module, self.cx.scopes);
        for (span, what) in std::mem::take(&mut self.arguments_use.rejected) {
            self.unsupported(
                span,
                what,
                "`arguments` is a copy of the call's arguments (strict mode's); read its elements, or declare a rest parameter: `function f(...args)`",
            );
        }
        for (span, what, help) in super::process::refused(module, self.cx.scopes) {
            self.unsupported(span, what, help);
        }
        let items = self.items(module);
        let statements: Vec<Stmt> = items
            .iter()
            .filter_map(|item| match item {
                Item::Stmt(stmt) => Some(stmt.clone()),
                _ => None,
            })
            .collect();

        // `module`, `exports` and `require` are the first three bindings (see `scope::analyze`).
        let module_ident = self.binding_ident(0);
        // An ES module's exports object is its namespace, which importers may hold before it
        // evaluates (`Modules::esm_exports`).
        let rust_name = self.cx.rust_name;
        let exports_object = if self.cx.esm {
            quote!(modules.esm_exports(#rust_name))
        } else {
            quote!(rt::object([]))
        };
        let module_decl = if self.is_cell(0) {
            quote!(let #module_ident = rt::Var::new(rt::object([("exports", #exports_object)]));)
        } else {
            quote!(let #module_ident: Value = rt::object([("exports", #exports_object)]);)
        };
        let module_read = self.read_binding(0);
        let exports_decl =
            self.declare_binding(1, quote!(rt::get(&#module_read, "exports")?), true);
        // From here until it returns, a module that loads this one back gets its exports as
        // they are (a cycle, `Modules::enter`).
        let enter = if self.cx.esm {
            // Until it finishes, its exports not yet initialised are V8's ReferenceError.
            let (names, _) = crate::exports::esm_names(module);
            let exports = self.read_binding(1);
            quote!(modules.enter(#rust_name, &#module_read); rt::pending_exports(&#exports, &[#(#names),*]);)
        } else {
            quote!(modules.enter(#rust_name, &#module_read);)
        };

        // Imports are hoisted: every imported module evaluates before the body, in order.
        let mut loads = Vec::new();
        let mut reexports = Vec::new();
        for item in &items {
            match item {
                Item::Import(import) => loads.push(self.import_declaration(import)),
                Item::Reexport(decl) => {
                    let (setup, mut publish) = self.reexport(decl);
                    loads.push(setup);
                    reexports.append(&mut publish);
                }
                _ => {}
            }
        }
        // When every import is of an ES module, their namespaces are bound first and the
        // modules evaluate after this module's hoisted functions exist and are published, so a
        // module importing this one back (a cycle) can call them, as in Node. A CommonJS
        // import's namespace needs the module evaluated, so with one the order stays simple:
        // every import in turn, then the hoisted functions.
        let all_esm = loads.iter().all(|load| load.esm);
        let (binds, deferred): (Vec<TokenStream>, Vec<TokenStream>) = if all_esm {
            loads.into_iter().map(|load| (load.bind, load.load)).unzip()
        } else {
            (
                loads
                    .into_iter()
                    .map(|load| {
                        let (bind, load) = (load.bind, load.load);
                        quote!(#bind #load)
                    })
                    .collect(),
                Vec::new(),
            )
        };

        // Top-level `this` (also in top-level arrows): the `exports` object Node's CommonJS
        // wrapper is called with, undefined in an ES module. Arrows take it as they take a
        // function's `this`.
        let module_this = if statements.iter().any(super::functions::uses_this_or_super) {
            let this = self.temp("this");
            let value = if self.cx.esm {
                quote!(Value::Undefined)
            } else {
                let exports = self.read_binding(1);
                quote!((&#exports).clone())
            };
            self.this_ident = Some(this.clone());
            // A `this` found in a getter's body is the getter's own: then this one goes unread.
            quote!(#[allow(unused_variables)] let #this: Value = #value;)
        } else {
            quote!()
        };
        let vars = self.function_prelude(&statements);
        let prelude = self.block_prelude(statements.iter());
        let mut body = Vec::new();
        // ES exports are bindings, not values: publishing them once the top level has run
        // lets `export { x }` precede `const x` and sees every top-level assignment. Exported
        // functions are published before the imports evaluate too, and exported declarations
        // as soon as they run, for importers in a cycle.
        let mut publish = Vec::new();
        let mut hoisted = Vec::new();
        for item in &items {
            match item {
                Item::Stmt(stmt) => body.push(self.statement(stmt)),
                Item::Export(names, placement) => {
                    for (local, exported) in names {
                        // Read after the top level, although `local` is the declaration's
                        // own name (whose position would count as before it).
                        let value = match self.cx.scopes.binding_of(local) {
                            Some(id) => self.read_binding(id),
                            None => self.ident(local),
                        };
                        let exports = self.read_binding(1);
                        let step = quote!(rt::publish_export(&#exports, #exported, #value););
                        match placement {
                            Placement::Function => hoisted.push(step.clone()),
                            Placement::Declaration => body.push(step.clone()),
                            Placement::List => {}
                        }
                        publish.push(step);
                    }
                }
                Item::ExportDefault(expr) => {
                    // `export default function () {}` / `class {}` / `() => …` is named "default".
                    let value = self.named_expr(expr, "default");
                    let exports = self.read_binding(1);
                    body.push(quote!(rt::publish_export(&#exports, "default", #value);));
                }
                Item::Import(_) | Item::Reexport(_) => {}
            }
        }
        // Without the deferred loads the hoisted functions are published with the rest.
        if !all_esm {
            hoisted.clear();
        }
        body.append(&mut publish);
        body.append(&mut reexports);
        if self.cx.esm {
            let exports = self.read_binding(1);
            body.push(quote!(rt::finish_namespace(&#exports);));
        }
        if plan.implicit_handler
            && let Some(handler) = statements.iter().find_map(|stmt| match stmt {
                Stmt::Decl(Decl::Fn(function)) if function.ident.sym.as_str() == "handler" => {
                    Some(function.ident.clone())
                }
                _ => None,
            })
        {
            let value = self.ident(&handler);
            let exports = self.read_binding(1);
            body.push(quote!(rt::set(&#exports, "handler", #value)?;));
        }
        let module_read = self.read_binding(0);

        let header = format!(
            " Generated by backworks-js from `{}`. Do not edit: edit the handler and rebuild.",
            plan.display_path
        );
        let handle_decl = match &self.module_handle {
            Some(handle) => quote!(let #handle = modules.handle();),
            None => quote!(),
        };
        // Functions print their source text (`String(f)`): slices of the module's text.
        let source = if self.uses_source {
            let text = self.source_text;
            quote! {
                /// The handler module's text: compiled functions print their slice of it.
                const SOURCE: &str = #text;
            }
        } else {
            quote!()
        };
        let entries = plan.exports.iter().map(|export| {
            let entry = format_ident!("{}", export.entry);
            let handler = match &export.access {
                Access::Whole => quote!(exports),
                Access::Key(key) => quote!(rt::get(&exports, #key)?),
            };
            // `ctx` is built only for a handler that may read it.
            let args = if export.uses_context {
                quote!(&[req, ctx.value()])
            } else {
                quote!(&[req])
            };
            let body = quote!(|modules, req, ctx| {
                let exports = modules.require(#rust_name, evaluate)?;
                let handler = #handler;
                rt::call(&handler, #args)
            });
            let run = match (plan.isolate, plan.on_loop) {
                (Some(isolate), false) => {
                    let isolate = proc_macro2::Literal::usize_unsuffixed(isolate);
                    quote!(backworks_runtime::bridge::run_stateful(&super::ISOLATES[#isolate], req, #body))
                }
                (Some(isolate), true) => {
                    let isolate = proc_macro2::Literal::usize_unsuffixed(isolate);
                    quote!(backworks_runtime::bridge::run_stateful_on_loop(&super::ISOLATES[#isolate], req, #body))
                }
                (None, false) => quote!(backworks_runtime::bridge::run_stateless(req, #body)),
                (None, true) => quote!(backworks_runtime::bridge::run_stateless_on_loop(req, #body)),
            };
            let doc = match &export.kind {
                crate::ExportKind::Default => " The module's handler (every method of its route).".to_string(),
                crate::ExportKind::Method(method) => format!(" The `{method}` handler."),
            };
            quote! {
                #[doc = #doc]
                pub fn #entry(
                    req: backworks_runtime::contract::HandlerRequest,
                ) -> backworks_runtime::contract::HandlerCall {
                    #run
                }
            }
        });
        quote! {
            #![doc = #header]
            #![allow(unused_mut, unused_variables, unused_assignments, unreachable_code, unused_braces, unused_parens, unused_labels, unused_comparisons, non_snake_case, clippy::all)]

            use backworks_runtime::js as rt;
            use backworks_runtime::js::Value;

            #source

            /// Runs the module's top level once and returns its `module.exports`.
            pub fn evaluate(modules: &rt::Modules) -> Result<Value, rt::Throw> {
                #module_decl
                #exports_decl
                #enter
                #module_this
                #handle_decl
                #(#binds)*
                #vars
                #prelude
                #(#hoisted)*
                #(#deferred)*
                #(#body)*
                rt::get(&#module_read, "exports")
            }

            #(#entries)*
        }
    }
}
