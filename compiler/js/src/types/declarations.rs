//! The interfaces and type aliases a handler module declares at its top level, by name, so
//! annotations can refer to them.
//!
//! ```text
//! interface Note { id: number }          ──▶  "Note" → [Interface(Note)]
//! export type Status = "open" | "done";  ──▶  "Status" → [Alias(Status)]
//! interface Note { title: string }       ──▶  "Note" → [Interface(Note), Interface(Note)]  (merged)
//! ```
//!
//! Only this file's declarations are known: types imported from elsewhere are not followed and
//! become open schemas.

use std::collections::HashMap;

use swc_core::ecma::ast::*;

/// One declaration of a type name.
#[derive(Clone, Copy)]
pub(crate) enum Declaration<'m> {
    /// `interface Name<…> extends … { … }`
    Interface(&'m TsInterfaceDecl),
    /// `type Name<…> = …`
    Alias(&'m TsTypeAliasDecl),
}

impl Declaration<'_> {
    /// The names of its type parameters (`T` in `type Page<T> = …`).
    pub(crate) fn type_params(&self) -> Vec<String> {
        let params = match self {
            Declaration::Interface(interface) => interface.type_params.as_deref(),
            Declaration::Alias(alias) => alias.type_params.as_deref(),
        };
        params.map_or_else(Vec::new, |params| {
            params
                .params
                .iter()
                .map(|param| param.name.sym.to_string())
                .collect()
        })
    }
}

/// The module's type declarations by name, in source order per name (interfaces of the same
/// name merge, as in TypeScript).
pub(crate) struct Declarations<'m> {
    by_name: HashMap<String, Vec<Declaration<'m>>>,
}

impl<'m> Declarations<'m> {
    /// Collects the top-level declarations of `module`, exported or not.
    pub(crate) fn collect(module: &'m Module) -> Self {
        let mut by_name: HashMap<String, Vec<Declaration<'m>>> = HashMap::new();
        for item in &module.body {
            let decl = match item {
                ModuleItem::Stmt(Stmt::Decl(decl)) => decl,
                ModuleItem::ModuleDecl(ModuleDecl::ExportDecl(export)) => &export.decl,
                _ => continue,
            };
            let (name, declaration) = match decl {
                Decl::TsInterface(interface) => (
                    interface.id.sym.to_string(),
                    Declaration::Interface(interface),
                ),
                Decl::TsTypeAlias(alias) => (alias.id.sym.to_string(), Declaration::Alias(alias)),
                _ => continue,
            };
            by_name.entry(name).or_default().push(declaration);
        }
        Declarations { by_name }
    }

    /// The declarations of `name`; empty when the module declares no such type.
    pub(crate) fn get(&self, name: &str) -> &[Declaration<'m>] {
        self.by_name.get(name).map_or(&[], Vec::as_slice)
    }

    /// Whether `name` is declared in this module (it then shadows a global such as `Date`).
    pub(crate) fn declares(&self, name: &str) -> bool {
        self.by_name.contains_key(name)
    }
}
