//! Scope analysis: which declaration every identifier refers to, and which variables closures
//! capture.
//!
//! Most JS variables become plain Rust locals (`let mut x: Value`). A variable that a nested
//! function captures *and* that may change or be read before it is initialised (it is assigned
//! after its declaration, it is a hoisted function or captured by one, or a closure in its own
//! initialiser refers to it) becomes a shared cell (`rt::Var`):
//!
//! ```text
//! let nextId = 1;                    // captured by POST and reassigned → rt::Var
//! const limit = 10;                  // never reassigned → plain local, closures clone it
//! function findTask(req) { … }       // hoisted and captured → rt::Var
//! ```

use std::collections::HashMap;

use swc_core::common::BytePos;
use swc_core::ecma::ast::*;
use swc_core::ecma::visit::{Visit, VisitWith};

/// Index of a binding in [`Scopes::bindings`].
pub(crate) type BindingId = usize;

/// Identifies a function node by its span.
pub(crate) type FunctionKey = (BytePos, BytePos);

/// How a binding was declared.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum BindingKind {
    Var,
    Let,
    Const,
    Function,
    Param,
    Catch,
    /// `module`, `exports` and `require` of a CommonJS module.
    Module,
    /// A name an `import` declaration binds: read-only, hoisted, read through the imported
    /// module's namespace (`lower/imports.rs`).
    Import,
}

/// One declared variable.
#[derive(Debug, Clone)]
pub(crate) struct Binding {
    pub(crate) name: String,
    pub(crate) kind: BindingKind,
    /// Nesting depth of the function that declares it (0 = module top level).
    pub(crate) depth: usize,
    /// End of the declaration: a capture before it may see the variable uninitialised.
    pub(crate) declared_end: BytePos,
    /// A nested function refers to it.
    pub(crate) captured: bool,
    /// Assigned somewhere other than its declaration.
    pub(crate) reassigned: bool,
    /// Captured by a hoisted function declaration or before its declaration ends.
    pub(crate) captured_early: bool,
    /// Declared in the head of a `for (let …;;)` loop.
    pub(crate) loop_head: bool,
}

impl Binding {
    /// Whether the binding must be a shared `rt::Var` rather than a plain local.
    pub(crate) fn is_cell(&self) -> bool {
        self.captured
            && (self.reassigned
                || self.captured_early
                || matches!(self.kind, BindingKind::Var | BindingKind::Function))
    }
}

/// The result of the analysis of one module.
#[derive(Default)]
pub(crate) struct Scopes {
    pub(crate) bindings: Vec<Binding>,
    /// Identifier position → its binding (declarations and references).
    pub(crate) resolved: HashMap<BytePos, BindingId>,
    /// Function → the outer bindings it (or a function inside it) uses.
    pub(crate) captures: HashMap<FunctionKey, Vec<BindingId>>,
    /// An ES module's exported top-level bindings → the names they are exported as. Importers
    /// see every assignment (live bindings), so a write republishes the value; a function that
    /// writes one captures `exports` (binding 1) for it.
    pub(crate) exported: HashMap<BindingId, Vec<String>>,
}

impl Scopes {
    /// The binding an identifier refers to, if it is declared in the module.
    pub(crate) fn binding_of(&self, ident: &Ident) -> Option<BindingId> {
        self.resolved.get(&ident.span.lo).copied()
    }
}

struct Scope {
    names: HashMap<String, BindingId>,
}

struct Frame {
    key: FunctionKey,
    is_declaration: bool,
    captures: Vec<BindingId>,
}

struct Analyzer {
    out: Scopes,
    scopes: Vec<Scope>,
    /// Scope index where each function frame's own scope starts.
    frames: Vec<(Frame, usize)>,
    writing: bool,
    /// The next function visited is a function declaration.
    next_is_declaration: bool,
}

/// An ES module's exported local names and the names they are exported as.
fn exported_locals(module: &Module) -> Vec<(String, String)> {
    let mut out = Vec::new();
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
                            pattern_idents(&declarator.name, &mut idents);
                        }
                    }
                    _ => {}
                }
                out.extend(
                    idents
                        .iter()
                        .map(|ident| (ident.sym.to_string(), ident.sym.to_string())),
                );
            }
            ModuleDecl::ExportDefaultDecl(export) => {
                let ident = match &export.decl {
                    DefaultDecl::Fn(function) => function.ident.as_ref(),
                    DefaultDecl::Class(class) => class.ident.as_ref(),
                    DefaultDecl::TsInterfaceDecl(_) => None,
                };
                if let Some(ident) = ident {
                    out.push((ident.sym.to_string(), "default".to_string()));
                }
            }
            ModuleDecl::ExportNamed(named) if named.src.is_none() => {
                for specifier in &named.specifiers {
                    if let ExportSpecifier::Named(specifier) = specifier
                        && let ModuleExportName::Ident(local) = &specifier.orig
                    {
                        let exported = match &specifier.exported {
                            Some(ModuleExportName::Ident(ident)) => ident.sym.to_string(),
                            Some(ModuleExportName::Str(text)) => {
                                text.value.to_atom_lossy().to_string()
                            }
                            None => local.sym.to_string(),
                        };
                        out.push((local.sym.to_string(), exported));
                    }
                }
            }
            _ => {}
        }
    }
    out
}

/// Analyses a module.
pub(crate) fn analyze(module: &Module) -> Scopes {
    let mut analyzer = Analyzer {
        out: Scopes::default(),
        scopes: Vec::new(),
        frames: Vec::new(),
        writing: false,
        next_is_declaration: false,
    };
    analyzer.scopes.push(Scope {
        names: HashMap::new(),
    });
    for name in ["module", "exports", "require"] {
        analyzer.declare(name, BindingKind::Module, BytePos(0), None);
    }
    let statements: Vec<&Stmt> = module
        .body
        .iter()
        .filter_map(|item| match item {
            ModuleItem::Stmt(stmt) => Some(stmt),
            ModuleItem::ModuleDecl(_) => None,
        })
        .collect();
    let mut vars = Vec::new();
    module.visit_children_with(&mut VarCollector(&mut vars));
    analyzer.hoist_var_names(vars);
    analyzer.hoist_lexical(statements.iter().copied());
    for item in &module.body {
        if let ModuleItem::ModuleDecl(decl) = item {
            analyzer.hoist_module_decl(decl);
        }
    }
    for (local, exported) in exported_locals(module) {
        if let Some(id) = analyzer.lookup(&local) {
            analyzer.out.exported.entry(id).or_default().push(exported);
        }
    }
    module.visit_children_with(&mut analyzer);
    analyzer.out
}

/// Collects `var` names of a function body without entering nested functions.
struct VarCollector<'a>(&'a mut Vec<(Ident, BytePos)>);

impl Visit for VarCollector<'_> {
    fn visit_var_decl(&mut self, decl: &VarDecl) {
        if decl.kind == VarDeclKind::Var {
            for declarator in &decl.decls {
                let mut names = Vec::new();
                pattern_idents(&declarator.name, &mut names);
                self.0
                    .extend(names.into_iter().map(|ident| (ident, decl.span.hi)));
            }
        }
        decl.visit_children_with(self);
    }
    fn visit_function(&mut self, _: &Function) {}
    fn visit_arrow_expr(&mut self, _: &ArrowExpr) {}
    fn visit_class(&mut self, _: &Class) {}
}

/// Every identifier a pattern binds.
pub(crate) fn pattern_idents(pat: &Pat, out: &mut Vec<Ident>) {
    match pat {
        Pat::Ident(binding) => out.push(binding.id.clone()),
        Pat::Array(array) => {
            for element in array.elems.iter().flatten() {
                pattern_idents(element, out);
            }
        }
        Pat::Rest(rest) => pattern_idents(&rest.arg, out),
        Pat::Object(object) => {
            for prop in &object.props {
                match prop {
                    ObjectPatProp::KeyValue(pair) => pattern_idents(&pair.value, out),
                    ObjectPatProp::Assign(assign) => out.push(assign.key.id.clone()),
                    ObjectPatProp::Rest(rest) => pattern_idents(&rest.arg, out),
                }
            }
        }
        Pat::Assign(assign) => pattern_idents(&assign.left, out),
        Pat::Invalid(_) | Pat::Expr(_) => {}
    }
}

impl Analyzer {
    fn depth(&self) -> usize {
        self.frames.len()
    }

    fn declare(
        &mut self,
        name: &str,
        kind: BindingKind,
        end: BytePos,
        at: Option<&Ident>,
    ) -> BindingId {
        let id = self.out.bindings.len();
        self.out.bindings.push(Binding {
            name: name.to_string(),
            kind,
            depth: self.depth(),
            declared_end: end,
            captured: false,
            reassigned: false,
            captured_early: false,
            loop_head: false,
        });
        if let Some(scope) = self.scopes.last_mut() {
            scope.names.insert(name.to_string(), id);
        }
        if let Some(ident) = at {
            self.out.resolved.insert(ident.span.lo, id);
        }
        id
    }

    fn hoist_var_names(&mut self, names: Vec<(Ident, BytePos)>) {
        for (ident, end) in names {
            let existing = self
                .scopes
                .last()
                .and_then(|scope| scope.names.get(ident.sym.as_str()).copied());
            match existing {
                Some(id) => {
                    self.out.resolved.insert(ident.span.lo, id);
                }
                None => {
                    self.declare(ident.sym.as_str(), BindingKind::Var, end, Some(&ident));
                }
            }
        }
    }

    fn hoist_lexical<'a>(&mut self, statements: impl Iterator<Item = &'a Stmt>) {
        for stmt in statements {
            if let Stmt::Decl(decl) = stmt {
                self.hoist_decl(decl);
            }
        }
    }

    fn hoist_decl(&mut self, decl: &Decl) {
        match decl {
            Decl::Fn(function) => {
                self.declare(
                    function.ident.sym.as_str(),
                    BindingKind::Function,
                    function.function.span.lo,
                    Some(&function.ident),
                );
            }
            Decl::Var(var) if var.kind != VarDeclKind::Var => {
                let kind = if var.kind == VarDeclKind::Const {
                    BindingKind::Const
                } else {
                    BindingKind::Let
                };
                for declarator in &var.decls {
                    let mut names = Vec::new();
                    pattern_idents(&declarator.name, &mut names);
                    for ident in names {
                        self.declare(ident.sym.as_str(), kind, var.span.hi, Some(&ident));
                    }
                }
            }
            Decl::Class(class) => {
                self.declare(
                    class.ident.sym.as_str(),
                    BindingKind::Let,
                    class.class.span.hi,
                    Some(&class.ident),
                );
            }
            _ => {}
        }
    }

    fn hoist_module_decl(&mut self, decl: &ModuleDecl) {
        match decl {
            ModuleDecl::ExportDecl(export) => self.hoist_decl(&export.decl),
            ModuleDecl::ExportDefaultDecl(export) => match &export.decl {
                DefaultDecl::Fn(function) => {
                    if let Some(ident) = &function.ident {
                        self.declare(
                            ident.sym.as_str(),
                            BindingKind::Function,
                            function.function.span.lo,
                            Some(ident),
                        );
                    }
                }
                DefaultDecl::Class(class) => {
                    if let Some(ident) = &class.ident {
                        self.declare(
                            ident.sym.as_str(),
                            BindingKind::Let,
                            class.class.span.hi,
                            Some(ident),
                        );
                    }
                }
                DefaultDecl::TsInterfaceDecl(_) => {}
            },
            ModuleDecl::Import(import) if !import.type_only => {
                for specifier in &import.specifiers {
                    let local = match specifier {
                        ImportSpecifier::Named(named) if !named.is_type_only => &named.local,
                        ImportSpecifier::Named(_) => continue,
                        ImportSpecifier::Default(default) => &default.local,
                        ImportSpecifier::Namespace(namespace) => &namespace.local,
                    };
                    // Imports are hoisted: no dead zone.
                    self.declare(
                        local.sym.as_str(),
                        BindingKind::Import,
                        BytePos(0),
                        Some(local),
                    );
                }
            }
            _ => {}
        }
    }

    fn lookup(&self, name: &str) -> Option<BindingId> {
        self.scopes
            .iter()
            .rev()
            .find_map(|scope| scope.names.get(name).copied())
    }

    fn reference(&mut self, ident: &Ident) {
        let name = ident.sym.as_str();
        let Some(id) = self.lookup(name) else {
            return;
        };
        self.out.resolved.insert(ident.span.lo, id);
        let writing = self.writing;
        let binding_depth = self.out.bindings[id].depth;
        let mut early = false;
        for (frame, _) in self.frames.iter_mut().skip(binding_depth) {
            if !frame.captures.contains(&id) {
                frame.captures.push(id);
            }
            early |= frame.is_declaration;
        }
        // A function assigning an exported binding republishes it through `exports`.
        if writing && binding_depth == 0 && self.out.exported.contains_key(&id) {
            for (frame, _) in self.frames.iter_mut() {
                if !frame.captures.contains(&1) {
                    frame.captures.push(1);
                }
            }
            if !self.frames.is_empty() {
                self.out.bindings[1].captured = true;
            }
        }
        let binding = &mut self.out.bindings[id];
        if writing {
            binding.reassigned = true;
        }
        if self.frames.len() > binding_depth {
            binding.captured = true;
            if early || ident.span.lo < binding.declared_end {
                binding.captured_early = true;
            }
        }
    }

    fn enter_function(&mut self, key: FunctionKey) {
        let is_declaration = std::mem::take(&mut self.next_is_declaration);
        self.frames.push((
            Frame {
                key,
                is_declaration,
                captures: Vec::new(),
            },
            self.scopes.len(),
        ));
        self.scopes.push(Scope {
            names: HashMap::new(),
        });
    }

    fn leave_function(&mut self) {
        self.scopes.pop();
        if let Some((frame, _)) = self.frames.pop() {
            self.out.captures.insert(frame.key, frame.captures);
        }
    }

    fn declare_params(&mut self, params: &[&Pat], start: BytePos) {
        for pat in params {
            let mut names = Vec::new();
            pattern_idents(pat, &mut names);
            for ident in names {
                self.declare(ident.sym.as_str(), BindingKind::Param, start, Some(&ident));
            }
        }
    }

    fn function_body(&mut self, body: &FunctionBody) {
        let mut vars = Vec::new();
        body.visit_children_with(&mut VarCollector(&mut vars));
        self.hoist_var_names(vars);
        self.hoist_lexical(body.stmts.iter());
        for stmt in &body.stmts {
            stmt.visit_with(self);
        }
    }

    /// Visits a binding pattern: declarations are already resolved; defaults and computed keys
    /// are expressions.
    fn visit_binding_pattern(&mut self, pat: &Pat) {
        match pat {
            Pat::Ident(binding) => {
                if self.writing {
                    self.reference(&binding.id);
                }
            }
            Pat::Array(array) => {
                for element in array.elems.iter().flatten() {
                    self.visit_binding_pattern(element);
                }
            }
            Pat::Rest(rest) => self.visit_binding_pattern(&rest.arg),
            Pat::Object(object) => {
                for prop in &object.props {
                    match prop {
                        ObjectPatProp::KeyValue(pair) => {
                            if let PropName::Computed(computed) = &pair.key {
                                self.expression(&computed.expr);
                            }
                            self.visit_binding_pattern(&pair.value);
                        }
                        ObjectPatProp::Assign(assign) => {
                            if self.writing {
                                self.reference(&assign.key.id);
                            }
                            if let Some(value) = &assign.value {
                                self.expression(value);
                            }
                        }
                        ObjectPatProp::Rest(rest) => self.visit_binding_pattern(&rest.arg),
                    }
                }
            }
            Pat::Assign(assign) => {
                self.visit_binding_pattern(&assign.left);
                self.expression(&assign.right);
            }
            Pat::Expr(expr) => {
                let writing = std::mem::replace(&mut self.writing, false);
                expr.visit_with(self);
                self.writing = writing;
            }
            Pat::Invalid(_) => {}
        }
    }

    fn expression(&mut self, expr: &Expr) {
        let writing = std::mem::replace(&mut self.writing, false);
        expr.visit_with(self);
        self.writing = writing;
    }

    fn block_scope(&mut self, visit: impl FnOnce(&mut Self)) {
        self.scopes.push(Scope {
            names: HashMap::new(),
        });
        visit(self);
        self.scopes.pop();
    }
}

impl Visit for Analyzer {
    fn visit_export_default_decl(&mut self, export: &ExportDefaultDecl) {
        match &export.decl {
            DefaultDecl::Fn(function) if function.ident.is_some() => {
                self.next_is_declaration = true;
                function.function.visit_with(self);
            }
            // `export default class C {}` declares `C` in the module (hoisted above).
            DefaultDecl::Class(class) if class.ident.is_some() => class.class.visit_with(self),
            other => other.visit_with(self),
        }
    }

    fn visit_import_decl(&mut self, _: &ImportDecl) {}

    fn visit_ident(&mut self, ident: &Ident) {
        self.reference(ident);
    }

    fn visit_fn_decl(&mut self, decl: &FnDecl) {
        self.next_is_declaration = true;
        decl.function.visit_with(self);
    }

    fn visit_fn_expr(&mut self, expr: &FnExpr) {
        match &expr.ident {
            Some(ident) => self.block_scope(|this| {
                this.declare(
                    ident.sym.as_str(),
                    BindingKind::Function,
                    expr.function.span.lo,
                    Some(ident),
                );
                expr.function.visit_with(this);
            }),
            None => expr.function.visit_with(self),
        }
    }

    fn visit_function(&mut self, function: &Function) {
        self.enter_function((function.span.lo, function.span.hi));
        let params: Vec<&Pat> = function.params.iter().map(|param| &param.pat).collect();
        self.declare_params(&params, function.span.lo);
        for pat in &params {
            self.visit_binding_pattern(pat);
        }
        if let Some(body) = &function.body {
            self.function_body(body);
        }
        self.leave_function();
    }

    fn visit_arrow_expr(&mut self, arrow: &ArrowExpr) {
        self.enter_function((arrow.span.lo, arrow.span.hi));
        let params: Vec<&Pat> = arrow.params.iter().collect();
        self.declare_params(&params, arrow.span.lo);
        for pat in &params {
            self.visit_binding_pattern(pat);
        }
        match &*arrow.body {
            ArrowFunctionBody::FunctionBody(body) => self.function_body(body),
            ArrowFunctionBody::Expr(expr) => self.expression(expr),
        }
        self.leave_function();
    }

    fn visit_block_stmt(&mut self, block: &BlockStmt) {
        self.block_scope(|this| {
            this.hoist_lexical(block.stmts.iter());
            block.visit_children_with(this);
        });
    }

    fn visit_var_declarator(&mut self, declarator: &VarDeclarator) {
        self.visit_binding_pattern(&declarator.name);
        if let Some(init) = &declarator.init {
            self.expression(init);
        }
    }

    fn visit_for_stmt(&mut self, stmt: &ForStmt) {
        self.block_scope(|this| {
            if let Some(VarDeclOrExpr::VarDecl(var)) = &stmt.init
                && var.kind != VarDeclKind::Var
            {
                let before = this.out.bindings.len();
                this.hoist_decl(&Decl::Var(var.clone()));
                for binding in &mut this.out.bindings[before..] {
                    binding.loop_head = true;
                }
            }
            stmt.visit_children_with(this);
        });
    }

    fn visit_for_of_stmt(&mut self, stmt: &ForOfStmt) {
        self.expression(&stmt.right);
        self.block_scope(|this| {
            this.for_head(&stmt.left);
            stmt.body.visit_with(this);
        });
    }

    fn visit_for_in_stmt(&mut self, stmt: &ForInStmt) {
        self.expression(&stmt.right);
        self.block_scope(|this| {
            this.for_head(&stmt.left);
            stmt.body.visit_with(this);
        });
    }

    fn visit_catch_clause(&mut self, clause: &CatchClause) {
        self.block_scope(|this| {
            if let Some(param) = &clause.param {
                let mut names = Vec::new();
                pattern_idents(param, &mut names);
                for ident in names {
                    this.declare(
                        ident.sym.as_str(),
                        BindingKind::Catch,
                        clause.span.lo,
                        Some(&ident),
                    );
                }
                this.visit_binding_pattern(param);
            }
            clause.body.visit_with(this);
        });
    }

    fn visit_assign_expr(&mut self, assign: &AssignExpr) {
        match &assign.left {
            AssignTarget::Simple(SimpleAssignTarget::Ident(binding)) => {
                let writing = std::mem::replace(&mut self.writing, true);
                self.reference(&binding.id);
                self.writing = writing;
            }
            AssignTarget::Pat(pat) => {
                let writing = std::mem::replace(&mut self.writing, true);
                match pat {
                    AssignTargetPat::Array(array) => {
                        self.visit_binding_pattern(&Pat::Array(array.clone()))
                    }
                    AssignTargetPat::Object(object) => {
                        self.visit_binding_pattern(&Pat::Object(object.clone()))
                    }
                    AssignTargetPat::Invalid(_) => {}
                }
                self.writing = writing;
            }
            AssignTarget::Simple(other) => other.visit_with(self),
        }
        self.expression(&assign.right);
    }

    fn visit_update_expr(&mut self, update: &UpdateExpr) {
        if let Expr::Ident(ident) = &*update.arg {
            let writing = std::mem::replace(&mut self.writing, true);
            self.reference(ident);
            self.writing = writing;
        } else {
            update.arg.visit_with(self);
        }
    }

    fn visit_switch_stmt(&mut self, stmt: &SwitchStmt) {
        self.expression(&stmt.discriminant);
        // The whole body is one block scope.
        self.block_scope(|this| {
            this.hoist_lexical(stmt.cases.iter().flat_map(|case| case.cons.iter()));
            for case in &stmt.cases {
                if let Some(test) = &case.test {
                    this.expression(test);
                }
                for stmt in &case.cons {
                    stmt.visit_with(this);
                }
            }
        });
    }

    fn visit_class_expr(&mut self, expr: &ClassExpr) {
        match &expr.ident {
            Some(ident) => self.block_scope(|this| {
                this.declare(
                    ident.sym.as_str(),
                    BindingKind::Let,
                    expr.class.span.hi,
                    Some(ident),
                );
                expr.class.visit_with(this);
            }),
            None => expr.class.visit_with(self),
        }
    }

    fn visit_class_decl(&mut self, decl: &ClassDecl) {
        decl.class.visit_with(self);
    }

    /// A class: `extends` and static initialisers where the class is; the constructor and the
    /// instance field initialisers form one function (the class's initialiser, keyed by the
    /// class's span); each method is a function of its own.
    fn visit_class(&mut self, class: &Class) {
        if let Some(parent) = &class.super_class {
            self.expression(parent);
        }
        for member in &class.body {
            match member {
                ClassMember::ClassProp(prop) => self.visit_prop_name(&prop.key),
                ClassMember::Method(method) => self.visit_prop_name(&method.key),
                _ => {}
            }
        }
        self.enter_function((class.span.lo, class.span.hi));
        let constructor = class.body.iter().find_map(|member| match member {
            ClassMember::Constructor(constructor) => Some(constructor),
            _ => None,
        });
        let params: Vec<&Pat> = constructor
            .map(|constructor| {
                constructor
                    .params
                    .iter()
                    .filter_map(|param| match param {
                        ParamOrTsParamProp::Param(param) => Some(&param.pat),
                        ParamOrTsParamProp::TsParamProp(_) => None,
                    })
                    .collect()
            })
            .unwrap_or_default();
        self.declare_params(&params, class.span.lo);
        for pat in &params {
            self.visit_binding_pattern(pat);
        }
        for member in &class.body {
            match member {
                ClassMember::ClassProp(prop) if !prop.is_static => {
                    if let Some(value) = &prop.value {
                        self.expression(value);
                    }
                }
                ClassMember::PrivateProp(prop) if !prop.is_static => {
                    if let Some(value) = &prop.value {
                        self.expression(value);
                    }
                }
                _ => {}
            }
        }
        if let Some(body) = constructor.and_then(|constructor| constructor.body.as_ref()) {
            self.function_body(body);
        }
        self.leave_function();
        for member in &class.body {
            match member {
                ClassMember::Method(method) => method.function.visit_with(self),
                ClassMember::PrivateMethod(method) => method.function.visit_with(self),
                ClassMember::ClassProp(prop) if prop.is_static => {
                    if let Some(value) = &prop.value {
                        self.expression(value);
                    }
                }
                ClassMember::PrivateProp(prop) if prop.is_static => {
                    if let Some(value) = &prop.value {
                        self.expression(value);
                    }
                }
                ClassMember::StaticBlock(block) => self.visit_block_stmt(&block.body),
                _ => {}
            }
        }
    }

    fn visit_labeled_stmt(&mut self, stmt: &LabeledStmt) {
        stmt.body.visit_with(self);
    }

    fn visit_break_stmt(&mut self, _: &BreakStmt) {}

    fn visit_continue_stmt(&mut self, _: &ContinueStmt) {}

    fn visit_member_prop(&mut self, prop: &MemberProp) {
        if let MemberProp::Computed(computed) = prop {
            self.expression(&computed.expr);
        }
    }

    fn visit_prop_name(&mut self, name: &PropName) {
        if let PropName::Computed(computed) = name {
            self.expression(&computed.expr);
        }
    }
}

impl Analyzer {
    fn for_head(&mut self, head: &ForHead) {
        match head {
            ForHead::VarDecl(var) => {
                if var.kind != VarDeclKind::Var {
                    self.hoist_decl(&Decl::Var(var.clone()));
                }
                for declarator in &var.decls {
                    self.visit_binding_pattern(&declarator.name);
                }
            }
            ForHead::Pat(pat) => {
                let writing = std::mem::replace(&mut self.writing, true);
                self.visit_binding_pattern(pat);
                self.writing = writing;
            }
            ForHead::UsingDecl(using) => using.visit_with(self),
        }
    }
}
