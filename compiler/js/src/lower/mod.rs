//! Lowering: a module's swc AST → Rust tokens that call `backworks_runtime::js` (`rt`).
//!
//! One concept per file: [`modules`] (the module's `evaluate` and entry points),
//! [`functions`] and [`closures`] (functions, their captures and `this`), [`classes`],
//! [`statements`], [`jumps`] (`break`/`continue`/labels), [`switch`], [`exceptions`]
//! (`try`/`catch`/`finally`), [`expressions`], [`operators`], [`calls`], [`literals`],
//! [`template`], [`optional_chaining`] and [`destructuring`]. Every generated name comes from the
//! [`NameAllocator`]; unsupported constructs become diagnostics and lower to `undefined` so
//! lowering goes on and reports every problem of the module.
//!
//! ```text
//! const total = a + b;   →   let total: Value = rt::add(&a.clone(), &b.clone())?;
//! ```

mod arguments;
mod calls;
mod classes;
mod closures;
mod destructuring;
mod exceptions;
mod expressions;
mod functions;
mod imports;
mod jumps;
mod literals;
mod module_location;
pub(crate) mod modules;
mod numbers;
mod operators;
mod optional_chaining;
mod process;
mod statements;
mod switch;
mod template;

use std::collections::{HashMap, HashSet};

use backworks_diagnostics::Diagnostic;
use proc_macro2::{Ident, TokenStream};
use quote::quote;
use swc_core::common::{BytePos, Span};

use crate::diagnostics;
use crate::names::NameAllocator;
use crate::parse::SpanMap;
use crate::scope::{BindingId, BindingKind, Scopes};

/// What lowering knows about the module being lowered.
pub(crate) struct ModuleContext<'a> {
    /// The Rust module name, e.g. `tasks`.
    pub(crate) rust_name: &'a str,
    /// Scope analysis of the module.
    pub(crate) scopes: &'a Scopes,
    /// The variables that always hold a number (`f64` locals; see `numeric.rs`).
    pub(crate) numeric: &'a crate::numeric::NumericLocals,
    /// swc spans → diagnostic spans.
    pub(crate) spans: SpanMap,
    /// `require(...)` call, `import`/re-export declaration or `import()` position → the module
    /// it loads.
    pub(crate) requires: &'a HashMap<BytePos, Required>,
    /// Whether this module is an ES module.
    pub(crate) esm: bool,
    /// The module's source text and the position of its first byte.
    pub(crate) source_text: &'a str,
    /// swc position of the first byte of `source_text`.
    pub(crate) source_start: BytePos,
    /// The module file's absolute path at build time (`__filename`, `import.meta.filename`);
    /// `None` for our Node built-in module sources.
    pub(crate) filename: Option<&'a str>,
    /// Whether this is one of our Node built-in module sources (`builtin_modules.rs`), which
    /// may call the runtime's `__node.*` intrinsics.
    pub(crate) builtin: bool,
    /// The names some module of the program stores on the global object (`free_names.rs`): a
    /// free name outside it is read with a warning, as it is probably a typo.
    pub(crate) global_writes: &'a HashSet<&'a str>,
}

/// A module another module loads.
pub(crate) struct Required {
    /// Its Rust module name, e.g. `data`.
    pub(crate) rust_name: String,
    /// Whether it is an ES module (its exports object is a namespace).
    pub(crate) esm: bool,
    /// The names it exports: an ES module's declared exports, or the names Node's static
    /// analysis finds a CommonJS module exporting (`exports.x = …`), the only ones an ES
    /// module may import by name from it.
    pub(crate) named_exports: Vec<String>,
    /// Whether `named_exports` is the whole list (an `export *` makes it open).
    pub(crate) complete: bool,
    /// Whether it is a Node built-in module (whose named imports Node's linker checks as an
    /// ES module's).
    pub(crate) builtin: bool,
}

/// Whether a body's directive prologue (its leading string statements) has `"use strict"`.
pub(crate) fn has_use_strict(stmts: &[swc_core::ecma::ast::Stmt]) -> bool {
    use swc_core::ecma::ast::{Expr, Lit, Stmt};
    stmts
        .iter()
        .map_while(|stmt| match stmt {
            Stmt::Expr(statement) => match &*statement.expr {
                Expr::Lit(Lit::Str(text)) => Some(text),
                _ => None,
            },
            _ => None,
        })
        .any(|text| &*text.value.to_atom_lossy() == "use strict")
}

/// The lowering state of one module.
pub(crate) struct Lowerer<'a> {
    pub(crate) cx: ModuleContext<'a>,
    pub(crate) names: NameAllocator,
    idents: HashMap<BindingId, Ident>,
    pub(crate) diagnostics: Vec<Diagnostic>,
    /// How many functions deep the code being lowered is (0 = module top level).
    pub(crate) function_depth: usize,
    /// The label of the optional chain being lowered, if any.
    pub(crate) chain_label: Option<syn::Lifetime>,
    /// The statements `break`/`continue` may target, innermost last (see `jumps.rs`).
    pub(crate) jump_targets: Vec<jumps::JumpTarget>,
    /// The enclosing `try`/`catch`/`finally` closures of the current function, innermost last.
    pub(crate) try_frames: Vec<exceptions::TryFrame>,
    /// The Rust variable holding `this` of the nearest enclosing non-arrow function.
    pub(crate) this_ident: Option<Ident>,
    /// The class whose constructor or method is being lowered (for `super`).
    pub(crate) class_context: Option<classes::ClassContext>,
    /// Lexical bindings already declared (as `let mut x: Value`) before their declaration
    /// statement, e.g. the `let`s of a `switch` body, which all cases share.
    pub(crate) predeclared: HashSet<BindingId>,
    /// Source text of the module (for V8 messages that quote it).
    pub(crate) source_text: &'a str,
    /// Whether the code being lowered is strict (an ES module, a class body, a `"use strict"`
    /// script or function): writes to frozen objects throw there instead of being ignored.
    pub(crate) strict: bool,
    /// Whether the code being lowered is the body of an `async` function, a Rust `async`
    /// block where `await` suspends (blocks that must stay inside it are async blocks too).
    pub(crate) in_async: bool,
    /// Whether the code being lowered is the body of a generator (`yield` suspends it).
    pub(crate) in_generator: bool,
    /// Whether that generator is an `async function*` (its `yield`s await).
    pub(crate) in_async_generator: bool,
    /// How V8 names the value a declaration destructures (`obj.missing`), for its error
    /// messages; taken by the outermost pattern.
    pub(crate) pattern_source: Option<String>,
    /// Whether the pattern being lowered sits inside another pattern.
    pub(crate) nested_pattern: bool,
    /// In a derived class's constructor (and its arrows): the `rt::ThisBinding` local that
    /// says whether `super(…)` has run, and the function depth of the constructor itself.
    pub(crate) derived_this: Option<(Ident, usize)>,
    /// Whether some function carries its source text, so the module needs its `SOURCE`.
    pub(crate) uses_source: bool,
    /// Imported bindings → the export they read from the namespace they hold (`None` for
    /// `import * as ns`).
    pub(crate) import_keys: HashMap<BindingId, Option<String>>,
    /// The Rust local holding the module's `rt::ModuleHandle`, once a function needs it
    /// (a `require` inside a function, `import()`).
    pub(crate) module_handle: Option<Ident>,
    /// Where the module reads `arguments` (`arguments.rs`).
    pub(crate) arguments_use: arguments::ArgumentsUse,
    /// The local holding the `arguments` of the nearest non-arrow function, when it reads it.
    pub(crate) arguments_ident: Option<Ident>,
}

impl<'a> Lowerer<'a> {
    pub(crate) fn new(cx: ModuleContext<'a>) -> Self {
        Lowerer {
            names: NameAllocator::default(),
            idents: HashMap::new(),
            diagnostics: Vec::new(),
            function_depth: 0,
            chain_label: None,
            jump_targets: Vec::new(),
            try_frames: Vec::new(),
            this_ident: None,
            class_context: None,
            predeclared: HashSet::new(),
            source_text: cx.source_text,
            strict: false,
            in_async: false,
            in_generator: false,
            in_async_generator: false,
            pattern_source: None,
            nested_pattern: false,
            derived_this: None,
            uses_source: false,
            import_keys: HashMap::new(),
            module_handle: None,
            arguments_use: arguments::ArgumentsUse::default(),
            arguments_ident: None,
            cx,
        }
    }

    /// Reports an unsupported construct and returns a placeholder expression.
    pub(crate) fn unsupported(&mut self, span: Span, what: &str, help: &str) -> TokenStream {
        let span = self.cx.spans.span(span);
        self.diagnostics
            .push(diagnostics::unsupported(span, what, help));
        quote!(Value::Undefined)
    }

    /// The source text of a span (for messages V8 builds from source, like `o.f is not a
    /// function`), on one line.
    pub(crate) fn source_of(&self, span: Span) -> String {
        let start = span.lo.0.saturating_sub(self.cx.source_start.0) as usize;
        let end = span.hi.0.saturating_sub(self.cx.source_start.0) as usize;
        let text = self.source_text.get(start..end).unwrap_or("expression");
        text.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    /// The runtime call that assigns a property here: sloppy code ignores a forbidden write
    /// (a frozen object), strict code throws.
    pub(crate) fn property_setter(&self, computed: bool) -> TokenStream {
        match (computed, self.strict) {
            (false, false) => quote!(rt::set),
            (false, true) => quote!(rt::set_strict),
            (true, false) => quote!(rt::set_computed),
            (true, true) => quote!(rt::set_computed_strict),
        }
    }

    /// `value` (a function) given the source text between `start` and `end`, a slice of the
    /// module's `SOURCE`, for `String(f)`.
    pub(crate) fn with_source(
        &mut self,
        value: TokenStream,
        start: swc_core::common::BytePos,
        end: swc_core::common::BytePos,
    ) -> TokenStream {
        let from = start.0.saturating_sub(self.cx.source_start.0) as usize;
        let to = end.0.saturating_sub(self.cx.source_start.0) as usize;
        if from >= to || self.source_text.get(from..to).is_none() {
            return value;
        }
        self.uses_source = true;
        quote!(rt::with_source(#value, &SOURCE[#from..#to]))
    }

    /// A fresh temporary name.
    pub(crate) fn temp(&mut self, hint: &str) -> Ident {
        self.names.fresh(hint)
    }

    /// A fresh loop or block label.
    pub(crate) fn label(&mut self, hint: &str) -> syn::Lifetime {
        let name = self.names.fresh(hint);
        syn::Lifetime::new(&format!("'{name}"), proc_macro2::Span::call_site())
    }

    /// The Rust identifier of a binding (allocated on first use).
    pub(crate) fn binding_ident(&mut self, id: BindingId) -> Ident {
        if let Some(ident) = self.idents.get(&id) {
            return ident.clone();
        }
        let name = self.cx.scopes.bindings[id].name.clone();
        let hint = match name.as_str() {
            "module" => "module".to_string(),
            "exports" => "exports_object".to_string(),
            other => other.to_string(),
        };
        let ident = self.names.fresh(&hint);
        self.idents.insert(id, ident.clone());
        ident
    }

    /// Whether a binding is a shared cell.
    pub(crate) fn is_cell(&self, id: BindingId) -> bool {
        self.cx.scopes.bindings[id].is_cell()
    }

    /// Reads a binding. An imported name reads its module's namespace, so it sees the
    /// exporting module's later assignments (live bindings; `imports.rs`).
    pub(crate) fn read_binding(&mut self, id: BindingId) -> TokenStream {
        let ident = self.binding_ident(id);
        let value = if self.is_numeric_binding(id) {
            quote!(Value::Number(#ident))
        } else if self.is_cell(id) {
            quote!(#ident.get())
        } else {
            quote!(#ident.clone())
        };
        match self.import_keys.get(&id) {
            Some(Some(key)) => quote!(rt::import_get(&#value, #key)?),
            _ => value,
        }
    }

    /// Assigns a binding (a statement). In an ES module, assigning an exported binding
    /// republishes it, for importers.
    pub(crate) fn write_binding(&mut self, id: BindingId, value: TokenStream) -> TokenStream {
        let ident = self.binding_ident(id);
        let write = if self.is_numeric_binding(id) {
            quote!(#ident = rt::number_value(&#value);)
        } else if self.is_cell(id) {
            quote!(#ident.set(#value);)
        } else {
            quote!(#ident = #value;)
        };
        match self.cx.scopes.exported.get(&id).filter(|_| self.cx.esm) {
            Some(names) => {
                let names = names.clone();
                let exports = self.binding_ident(1);
                let read = self.read_binding(id);
                quote!(#write #(rt::publish_export(&#exports, #names, #read);)*)
            }
            None => write,
        }
    }

    /// Declares a binding with its initial value (a statement). Cells of block-level
    /// declarations and every `var` already exist (see `statements::block_prelude`), so they
    /// are assigned, unless `fresh` (loop heads, parameters) asks for a new variable.
    pub(crate) fn declare_binding(
        &mut self,
        id: BindingId,
        value: TokenStream,
        fresh: bool,
    ) -> TokenStream {
        let ident = self.binding_ident(id);
        if self.is_numeric_binding(id) {
            // Never a cell nor predeclared (see `numeric.rs`).
            return quote!(let mut #ident: f64 = rt::number_value(&#value););
        }
        let binding = &self.cx.scopes.bindings[id];
        let predeclared = !fresh
            && matches!(
                binding.kind,
                BindingKind::Let | BindingKind::Const | BindingKind::Var
            );
        if !fresh && self.predeclared.contains(&id) {
            return if self.is_cell(id) {
                quote!(#ident.set(#value);)
            } else {
                quote!(#ident = #value;)
            };
        }
        if self.is_cell(id) {
            if predeclared {
                quote!(#ident.set(#value);)
            } else {
                quote!(let #ident = rt::Var::new(#value);)
            }
        } else if !fresh && matches!(binding.kind, BindingKind::Var) {
            quote!(#ident = #value;)
        } else {
            quote!(let mut #ident: Value = #value;)
        }
    }
}
