//! `__filename` and `__dirname`: the module file's absolute path at build time, and its
//! folder, as Node gives them to a CommonJS module run where it was built.
//!
//! ```text
//! __dirname   (handlers/a.js of /srv/app)   → "/srv/app/handlers"
//! __filename                                → "/srv/app/handlers/a.js"
//! ```
//!
//! ES modules have neither (Node: `ReferenceError: __dirname is not defined in ES module
//! scope`), so there they stay undeclared names; a binding of the same name shadows them.
//! They have `import.meta.url` (the file's `file:` URL), `import.meta.dirname` and
//! `import.meta.filename` (Node 20.11+) instead, read as members (other uses of `import.meta`
//! are unsupported).

use proc_macro2::TokenStream;
use swc_core::ecma::ast::{Expr, Ident, MemberExpr, MemberProp, MetaPropKind};

use super::Lowerer;
use super::expressions::string_value;

impl Lowerer<'_> {
    /// The value of `ident` when it is a free `__filename` or `__dirname` of a CommonJS module.
    pub(super) fn module_location(&self, ident: &Ident) -> Option<TokenStream> {
        if self.cx.esm || self.cx.scopes.binding_of(ident).is_some() {
            return None;
        }
        let filename = self.cx.filename?;
        match ident.sym.as_str() {
            "__filename" => Some(string_value(filename)),
            "__dirname" => Some(string_value(&crate::fs_embed::dirname(filename))),
            _ => None,
        }
    }
}

impl Lowerer<'_> {
    /// `import.meta.url`, `.dirname` or `.filename` of an ES module, as text.
    pub(super) fn import_meta_member(&mut self, member: &MemberExpr) -> Option<TokenStream> {
        let Expr::MetaProp(meta) = &*member.obj else {
            return None;
        };
        if meta.kind != MetaPropKind::ImportMeta || !self.cx.esm {
            return None;
        }
        let filename = self.cx.filename?;
        let MemberProp::Ident(name) = &member.prop else {
            return None;
        };
        match name.sym.as_str() {
            "url" => Some(string_value(&crate::fs_embed::file_url(filename))),
            "filename" => Some(string_value(filename)),
            "dirname" => Some(string_value(&crate::fs_embed::dirname(filename))),
            _ => None,
        }
    }
}
