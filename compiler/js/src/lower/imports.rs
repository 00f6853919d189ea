//! Loading other modules of the project: `import` declarations, re-exports, `import()` and
//! `require`, at the top level or inside functions, between CommonJS and ES modules as Node 20
//! links them.
//!
//! ```text
//! import Foo, { n } from "./a.js";   →   let a_ns = modules.require("a", super::a::evaluate)?;
//!                                        let Foo = a_ns.clone(); let n = a_ns.clone();
//! n + 1                              →   rt::add(&rt::get(&n.clone(), "n")?, …)   // live: read through the namespace
//! import c from "./c.js" (CommonJS)  →   let c = modules.commonjs_namespace("c", &modules.require("c", …)?, &["q"])?;
//! function f() { require("./b.js") } →   module_handle.require("b", super::b::evaluate)?   // lazy, evaluated once
//! import("./a.js")                   →   { let h = module_handle.clone(); rt::dynamic_import(move || h.require(…)) }
//! ```
//!
//! Every module evaluates once per registry, when first loaded (see `runtime-lib`'s
//! `isolate.rs`); an ES module's imports are all evaluated before its body (they are hoisted),
//! in source order. Names an ES module imports that the target does not export are link
//! errors in Node (`SyntaxError` before anything runs), so they are compile errors here.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};
use swc_core::common::{BytePos, Span};
use swc_core::ecma::ast::*;

use super::{Lowerer, Required};

/// One `import`/re-export at the top of `evaluate`: the statements binding its namespace, and
/// those evaluating the module. For an ES module they are apart (its namespace object exists
/// before it evaluates); for a CommonJS one `bind` loads it and `load` is empty.
#[derive(Default)]
pub(super) struct ModuleLoad {
    pub(super) bind: TokenStream,
    pub(super) load: TokenStream,
    /// Whether the target is an ES module.
    pub(super) esm: bool,
}

impl Lowerer<'_> {
    /// The expression that loads the module at `position` (a `require`, `import` or re-export
    /// position), with the registry at hand: `modules` at the top level of `evaluate`, the
    /// module's handle inside a function.
    fn load_module(&mut self, position: BytePos) -> Option<(TokenStream, &Required)> {
        let required = self.cx.requires.get(&position)?;
        let module = format_ident!("{}", required.rust_name);
        let name = required.rust_name.as_str();
        // An ES module's evaluation error is remembered (`Modules::import`).
        let load = match (self.function_depth > 0, required.esm) {
            (true, esm) => {
                let handle = self.module_handle();
                if esm {
                    quote!(#handle.import(#name, super::#module::evaluate)?)
                } else {
                    quote!(#handle.require(#name, super::#module::evaluate)?)
                }
            }
            (false, true) => quote!(modules.import(#name, super::#module::evaluate)?),
            (false, false) => quote!(modules.require(#name, super::#module::evaluate)?),
        };
        Some((load, required))
    }

    /// A global implemented by a built-in module source (`AbortController`): its export, when
    /// the module graph loaded that source for this module.
    pub(super) fn module_global(&mut self, ident: &Ident) -> Option<TokenStream> {
        let name = ident.sym.as_str();
        if !crate::builtin_modules::is_global(name) {
            return None;
        }
        let (load, _) = self.load_module(ident.span.lo)?;
        Some(quote!(rt::get(&#load, #name)?))
    }

    /// The local holding the module's `rt::ModuleHandle` (declared at the top of `evaluate`
    /// once some function uses it; closures capture it, see `closures.rs`).
    pub(super) fn module_handle(&mut self) -> proc_macro2::Ident {
        if let Some(handle) = &self.module_handle {
            return handle.clone();
        }
        let handle = self.names.fresh("module_handle");
        self.module_handle = Some(handle.clone());
        handle
    }

    /// `require("./x.js")` → the module's exports (an ES module's namespace as Node 20's
    /// `require(esm)` gives it), evaluated once per registry, at the first call that reaches it.
    pub(super) fn require(&mut self, call: &CallExpr) -> TokenStream {
        // Node defines no `require` in an ES module; Backworks has always allowed it there (the
        // examples mix `export function GET` with `require`), and keeps doing so.
        match self.load_module(call.span.lo) {
            Some((load, required)) if required.esm => quote!(rt::require_esm(&#load)),
            Some((load, _)) => load,
            // The module graph already reported why this require has no target.
            None => quote!(Value::Undefined),
        }
    }

    /// `import("./x.js")` → a promise of the namespace; the module evaluates in a later job.
    pub(super) fn dynamic_import(&mut self, call: &CallExpr) -> TokenStream {
        let Some(required) = self.cx.requires.get(&call.span.lo) else {
            // Reported by the module graph (a computed path, a package, a missing file).
            return quote!(Value::Undefined);
        };
        let module = format_ident!("{}", required.rust_name);
        let name = required.rust_name.clone();
        let names: Vec<String> = required.named_exports.clone();
        let esm = required.esm;
        let handle = self.module_handle();
        let namespace = if esm {
            quote!(handle.import(#name, super::#module::evaluate))
        } else {
            quote!(handle.commonjs_namespace(#name, &handle.require(#name, super::#module::evaluate)?, &[#(#names),*]))
        };
        quote!({
            let handle = #handle.clone();
            rt::dynamic_import(move || #namespace)
        })
    }

    /// An `import` declaration at the top of `evaluate`: binds each imported name to the
    /// module's namespace (reads pick the export, `read_binding`) and loads the module. For an
    /// ES module the binding comes first (its namespace exists before it evaluates) and the
    /// load is returned apart, so `module()` can run it after the hoisted functions exist.
    pub(super) fn import_declaration(&mut self, import: &ImportDecl) -> ModuleLoad {
        let Some((load, required)) = self.load_module(import.span.lo) else {
            return ModuleLoad::default();
        };
        let esm = required.esm;
        let names = required.named_exports.clone();
        let complete = required.complete;
        let builtin = required.builtin;
        let specifier = import.src.value.to_atom_lossy().to_string();
        let rust_name = required.rust_name.clone();
        let namespace = self.temp("imported");
        let (value, deferred) = if esm {
            (quote!(modules.esm_exports(#rust_name)), quote!(#load;))
        } else {
            (
                quote!(modules.commonjs_namespace(#rust_name, &#load, &[#(#names),*])?),
                quote!(),
            )
        };
        let mut lines = vec![quote!(let #namespace: Value = #value;)];
        for item in &import.specifiers {
            let (local, key, span) = match item {
                ImportSpecifier::Named(named) if named.is_type_only => continue,
                ImportSpecifier::Named(named) => {
                    let key = match &named.imported {
                        Some(ModuleExportName::Ident(ident)) => ident.sym.to_string(),
                        Some(ModuleExportName::Str(text)) => text.value.to_atom_lossy().to_string(),
                        None => named.local.sym.to_string(),
                    };
                    (&named.local, Some(key), named.span)
                }
                ImportSpecifier::Default(default) => {
                    (&default.local, Some("default".to_string()), default.span)
                }
                ImportSpecifier::Namespace(namespace) => (&namespace.local, None, namespace.span),
            };
            if let Some(key) = &key
                && key != "default"
                && complete
                && !names.contains(key)
            {
                let listed = builtin.then_some(names.as_slice());
                self.missing_export(span, &specifier, key, esm, listed);
                continue;
            }
            if key.as_deref() == Some("default")
                && esm
                && complete
                && !names.iter().any(|n| n == "default")
            {
                self.missing_export(span, &specifier, "default", esm, None);
                continue;
            }
            let Some(id) = self.cx.scopes.binding_of(local) else {
                continue;
            };
            self.import_keys.insert(id, key);
            lines.push(self.declare_binding(id, quote!(#namespace.clone()), true));
        }
        ModuleLoad {
            bind: quote!(#(#lines)*),
            load: deferred,
            esm,
        }
    }

    /// Node's link error for an import of a name the module does not export.
    /// `builtin_exports`: for a Node built-in module, the names it has.
    fn missing_export(
        &mut self,
        span: Span,
        specifier: &str,
        key: &str,
        esm: bool,
        builtin_exports: Option<&[String]>,
    ) {
        let span = self.cx.spans.span(span);
        let (message, help) = if let Some(names) = builtin_exports {
            let names = names.join(", ");
            (
                // Node may have the name (`createCipher`) or not (then its linker refuses the
                // module): either way this module cannot be compiled.
                format!(
                    "`{key}` of the built-in module \"{specifier}\" is not supported in handlers"
                ),
                format!(
                    "Node refuses to link this module (SyntaxError), or Backworks does not provide the name yet; its `{}` exports {names}",
                    specifier.trim_start_matches("node:")
                ),
            )
        } else if esm {
            (
                format!("the module \"{specifier}\" does not provide an export named '{key}'"),
                "Node refuses to link this module (SyntaxError); export the name or import another one".to_string(),
            )
        } else {
            (
                format!("named export '{key}' not found in the CommonJS module \"{specifier}\""),
                format!(
                    "Node finds a CommonJS module's names only in `exports.{key} = …` statements; import the default and read the property: `import pkg from \"{specifier}\"; const {{ {key} }} = pkg;`"
                ),
            )
        };
        self.diagnostics.push(
            backworks_diagnostics::Diagnostic::error("missing-export", message)
                .with_label(span, "imported here")
                .with_help(help),
        );
    }

    /// `export … from "./x.js"` and `export * from "./x.js"`: the module's namespace, loaded
    /// with the imports, and the `(exported name, value)` pairs to publish from it.
    pub(super) fn reexport(&mut self, decl: &ModuleDecl) -> (ModuleLoad, Vec<TokenStream>) {
        let (span, src) = match decl {
            ModuleDecl::ExportNamed(named) => (named.span, named.src.as_deref()),
            ModuleDecl::ExportAll(all) => (all.span, Some(&*all.src)),
            _ => return (ModuleLoad::default(), Vec::new()),
        };
        let Some(src) = src else {
            return (ModuleLoad::default(), Vec::new());
        };
        let Some((load, required)) = self.load_module(span.lo) else {
            return (ModuleLoad::default(), Vec::new());
        };
        let esm = required.esm;
        let names = required.named_exports.clone();
        let complete = required.complete;
        let builtin = required.builtin;
        let specifier = src.value.to_atom_lossy().to_string();
        let rust_name = required.rust_name.clone();
        let namespace = self.temp("reexported");
        let setup = if esm {
            ModuleLoad {
                bind: quote!(let #namespace: Value = modules.esm_exports(#rust_name);),
                load: quote!(#load;),
                esm,
            }
        } else {
            ModuleLoad {
                bind: quote!(let #namespace: Value = modules.commonjs_namespace(#rust_name, &#load, &[#(#names),*])?;),
                load: quote!(),
                esm,
            }
        };
        let exports = self.binding_ident(1);
        let mut publish = Vec::new();
        match decl {
            ModuleDecl::ExportAll(_) => {
                publish.push(quote!(rt::export_star(&#exports, &#namespace)?;));
            }
            ModuleDecl::ExportNamed(named) => {
                let export_name = |name: &ModuleExportName| match name {
                    ModuleExportName::Ident(ident) => ident.sym.to_string(),
                    ModuleExportName::Str(text) => text.value.to_atom_lossy().to_string(),
                };
                for specifier_item in &named.specifiers {
                    match specifier_item {
                        ExportSpecifier::Named(item) => {
                            let key = export_name(&item.orig);
                            let exported =
                                export_name(item.exported.as_ref().unwrap_or(&item.orig));
                            if complete && key != "default" && !names.contains(&key)
                                || esm
                                    && complete
                                    && key == "default"
                                    && !names.iter().any(|n| n == "default")
                            {
                                let listed = builtin.then_some(names.as_slice());
                                self.missing_export(item.span, &specifier, &key, esm, listed);
                                continue;
                            }
                            publish.push(
                                quote!(rt::forward(&#namespace, #key, &#exports, #exported)?;),
                            );
                        }
                        ExportSpecifier::Namespace(item) => {
                            let exported = export_name(&item.name);
                            publish.push(quote!(rt::publish_export(&#exports, #exported, #namespace.clone());));
                        }
                        ExportSpecifier::Default(item) => {
                            let exported = item.exported.sym.to_string();
                            publish.push(
                                quote!(rt::forward(&#namespace, "default", &#exports, #exported)?;),
                            );
                        }
                    }
                }
            }
            _ => {}
        }
        (setup, publish)
    }
}
