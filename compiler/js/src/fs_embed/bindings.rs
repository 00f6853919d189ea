//! What the names of a module mean to the `fs` pass: the `fs` module, `fs.promises`, one of
//! the functions it supports, the `path` module or one of its functions, or a `const` whose
//! value may be a build-time path.
//!
//! ```text
//! const fs = require("fs")                       fs           → Fs
//! const { readFileSync } = require("node:fs")    readFileSync → FsFunction
//! import { readFile } from "fs/promises"         readFile     → FsFunction
//! import path from "path"                        path         → Path
//! const TEMPLATES = path.join(__dirname, "t")    TEMPLATES    → Constant(<its initialiser>)
//! ```

use std::collections::{HashMap, HashSet};

use swc_core::common::{BytePos, Spanned};
use swc_core::ecma::ast::*;
use swc_core::ecma::visit::{Visit, VisitWith};

use crate::scope::{BindingId, BindingKind, Scopes};

/// What a binding holds, as far as the pass cares.
#[derive(Debug, Clone)]
pub(super) enum Meaning {
    /// The `fs` module.
    Fs,
    /// `fs.promises` (`fs/promises`).
    FsPromises,
    /// A supported function: `readFileSync`, `existsSync` or `promises.readFile`.
    FsFunction,
    /// A member of `fs` that is not supported (reported where it is bound).
    FsOther,
    /// The `path` module.
    Path,
    /// One of its functions (`join`, `resolve`, …).
    PathFunction(String),
    /// The `url` module.
    Url,
    /// One of its functions (`fileURLToPath`, …).
    UrlFunction(String),
    /// A `const` never reassigned, with its initialiser.
    Constant(Box<Expr>),
}

/// The functions of `fs` handlers may call, and of `fs.promises`.
pub(super) const FS_FUNCTIONS: &[&str] = &["readFileSync", "existsSync"];
pub(super) const PROMISES_FUNCTIONS: &[&str] = &["readFile"];

/// The module a specifier names, for the modules the pass follows.
pub(super) fn module_meaning(specifier: &str) -> Option<Meaning> {
    match specifier.strip_prefix("node:").unwrap_or(specifier) {
        "fs" => Some(Meaning::Fs),
        "fs/promises" => Some(Meaning::FsPromises),
        "path" | "path/posix" => Some(Meaning::Path),
        "url" => Some(Meaning::Url),
        _ => None,
    }
}

/// `require("<specifier>")` with a literal specifier.
pub(super) fn required(expr: &Expr) -> Option<String> {
    let Expr::Call(call) = expr else {
        return None;
    };
    let Callee::Expr(callee) = &call.callee else {
        return None;
    };
    if !matches!(&**callee, Expr::Ident(ident) if ident.sym == "require") {
        return None;
    }
    match call.args.as_slice() {
        [arg] if arg.spread.is_none() => match &*arg.expr {
            Expr::Lit(Lit::Str(text)) => Some(text.value.to_atom_lossy().to_string()),
            _ => None,
        },
        _ => None,
    }
}

/// The member `name` of a value meaning `owner`.
pub(super) fn member_meaning(owner: &Meaning, name: &str) -> Option<Meaning> {
    match owner {
        Meaning::Fs if name == "promises" => Some(Meaning::FsPromises),
        Meaning::Fs => Some(
            FS_FUNCTIONS
                .iter()
                .find(|known| **known == name)
                .map_or(Meaning::FsOther, |_| Meaning::FsFunction),
        ),
        Meaning::FsPromises => Some(
            PROMISES_FUNCTIONS
                .iter()
                .find(|known| **known == name)
                .map_or(Meaning::FsOther, |_| Meaning::FsFunction),
        ),
        Meaning::Path => Some(Meaning::PathFunction(name.to_string())),
        Meaning::Url => Some(Meaning::UrlFunction(name.to_string())),
        _ => None,
    }
}

/// The meanings of a module's bindings, and the initialisers they consumed (the uses pass
/// does not take those for uses of `fs` as a value).
#[derive(Default)]
pub(super) struct Bindings {
    pub(super) meanings: HashMap<BindingId, Meaning>,
    pub(super) consumed: HashSet<BytePos>,
    /// Destructured or imported members of `fs` that are not supported: (name, where).
    pub(super) unsupported: Vec<(String, swc_core::common::Span)>,
}

impl Bindings {
    /// The meaning of a value expression, if it is one the pass follows.
    pub(super) fn of(&self, scopes: &Scopes, expr: &Expr) -> Option<Meaning> {
        match expr {
            Expr::Ident(ident) => {
                let id = scopes.binding_of(ident)?;
                match self.meanings.get(&id)? {
                    Meaning::Constant(_) => None,
                    meaning => Some(meaning.clone()),
                }
            }
            Expr::Call(_) => module_meaning(&required(expr)?),
            Expr::Member(member) => {
                let MemberProp::Ident(name) = &member.prop else {
                    return None;
                };
                member_meaning(&self.of(scopes, &member.obj)?, name.sym.as_str())
            }
            Expr::Paren(paren) => self.of(scopes, &paren.expr),
            _ => None,
        }
    }

    /// The initialiser of a constant binding `ident` names.
    pub(super) fn constant(&self, scopes: &Scopes, ident: &Ident) -> Option<&Expr> {
        match self.meanings.get(&scopes.binding_of(ident)?)? {
            Meaning::Constant(init) => Some(init),
            _ => None,
        }
    }
}

/// Finds the bindings of `module`, in source order (so `const p = fs.promises` sees `fs`).
pub(super) fn find(module: &Module, scopes: &Scopes) -> Bindings {
    let mut finder = Finder {
        scopes,
        out: Bindings::default(),
    };
    module.visit_with(&mut finder);
    finder.out
}

struct Finder<'a> {
    scopes: &'a Scopes,
    out: Bindings,
}

impl Finder<'_> {
    fn bind(&mut self, ident: &Ident, meaning: Meaning) {
        if let Some(id) = self.scopes.binding_of(ident) {
            self.out.meanings.insert(id, meaning);
        }
    }

    /// `{ readFileSync, promises: p }` of a value meaning `owner`.
    fn destructure(&mut self, pattern: &ObjectPat, owner: &Meaning) {
        for prop in &pattern.props {
            let (key, ident) = match prop {
                ObjectPatProp::Assign(assign) => (assign.key.sym.to_string(), &assign.key.id),
                ObjectPatProp::KeyValue(pair) => {
                    let (PropName::Ident(key), Pat::Ident(ident)) = (&pair.key, &*pair.value)
                    else {
                        continue;
                    };
                    (key.sym.to_string(), &ident.id)
                }
                ObjectPatProp::Rest(_) => continue,
            };
            if let Some(meaning) = member_meaning(owner, &key) {
                if matches!(meaning, Meaning::FsOther) {
                    self.out.unsupported.push((key, ident.span));
                }
                self.bind(ident, meaning);
            }
        }
    }
}

impl Visit for Finder<'_> {
    fn visit_var_declarator(&mut self, declarator: &VarDeclarator) {
        if let Some(init) = &declarator.init {
            let owner = self.out.of(self.scopes, init);
            match (&declarator.name, owner) {
                (Pat::Ident(name), Some(meaning)) => {
                    self.out.consumed.insert(init.span_lo());
                    self.bind(&name.id, meaning);
                }
                (Pat::Object(pattern), Some(meaning)) => {
                    self.out.consumed.insert(init.span_lo());
                    self.destructure(pattern, &meaning);
                }
                (Pat::Ident(name), None) => {
                    let constant = self
                        .scopes
                        .binding_of(&name.id)
                        .map(|id| &self.scopes.bindings[id])
                        .is_some_and(|binding| {
                            binding.kind == BindingKind::Const && !binding.reassigned
                        });
                    if constant {
                        self.bind(&name.id, Meaning::Constant(init.clone()));
                    }
                }
                _ => {}
            }
        }
        declarator.visit_children_with(self);
    }

    fn visit_import_decl(&mut self, import: &ImportDecl) {
        let Some(owner) = module_meaning(&import.src.value.to_atom_lossy()) else {
            return;
        };
        for specifier in &import.specifiers {
            match specifier {
                ImportSpecifier::Default(default) => self.bind(&default.local, owner.clone()),
                ImportSpecifier::Namespace(all) => self.bind(&all.local, owner.clone()),
                ImportSpecifier::Named(named) => {
                    let name = match &named.imported {
                        Some(ModuleExportName::Ident(ident)) => ident.sym.to_string(),
                        Some(ModuleExportName::Str(text)) => text.value.to_atom_lossy().to_string(),
                        None => named.local.sym.to_string(),
                    };
                    // An unsupported name is the import linker's error (`lower/imports.rs`).
                    if let Some(meaning) = member_meaning(&owner, &name)
                        && !matches!(meaning, Meaning::FsOther)
                    {
                        self.bind(&named.local, meaning);
                    }
                }
            }
        }
    }
}
