//! `switch`: strict equality, fall-through, `default` anywhere, `break`.
//!
//! The case tests run in order until one is strictly equal to the discriminant (the `default`
//! clause's position is chosen when none is); the bodies then run from that clause on, falling
//! through until a `break` leaves the labelled block:
//!
//! ```text
//! switch (x) {                      'switch: {
//!   case 1: a();                        let value: Value = x.clone();
//!   default: b(); break;                let start: usize = if rt::strict_eq(&value, &Value::Number(1.0)) { 0 } else { 1 };
//!   case 2: c();                        if start <= 0 { a(); }
//! }                                     if start <= 1 { b(); break 'switch; }
//!                                       if start <= 2 { c(); }
//!                                   }
//! ```
//!
//! The whole body is one block scope: its `let`/`const`/functions are declared before the first
//! case so every case sees them.

use proc_macro2::TokenStream;
use quote::quote;
use swc_core::ecma::ast::*;

use super::Lowerer;
use crate::scope::pattern_idents;

impl Lowerer<'_> {
    pub(super) fn switch_statement(
        &mut self,
        stmt: &SwitchStmt,
        js_label: Option<String>,
    ) -> TokenStream {
        let discriminant = self.expr(&stmt.discriminant);
        let value = self.temp("discriminant");
        let start = self.temp("start");
        let count = stmt.cases.len();
        let default = stmt
            .cases
            .iter()
            .position(|case| case.test.is_none())
            .unwrap_or(count);
        let default = proc_macro2::Literal::usize_unsuffixed(default);
        let mut selection = quote!(#default);
        for (index, case) in stmt.cases.iter().enumerate().rev() {
            let Some(test) = &case.test else {
                continue;
            };
            let test = self.expr(test);
            let index = proc_macro2::Literal::usize_unsuffixed(index);
            selection = quote!(if rt::strict_eq(&#value, &#test) { #index } else { #selection });
        }
        self.enter_target(js_label, false, true);
        // Lexical declarations of every case, shared by all of them.
        let statements: Vec<&Stmt> = stmt
            .cases
            .iter()
            .flat_map(|case| case.cons.iter())
            .collect();
        let mut shared = Vec::new();
        for stmt in &statements {
            if let Stmt::Decl(Decl::Var(var)) = stmt
                && var.kind != VarDeclKind::Var
            {
                for declarator in &var.decls {
                    let mut names = Vec::new();
                    pattern_idents(&declarator.name, &mut names);
                    for ident in names {
                        if let Some(id) = self.cx.scopes.binding_of(&ident)
                            && !self.is_cell(id)
                        {
                            let rust = self.binding_ident(id);
                            self.predeclared.insert(id);
                            shared.push(quote!(let mut #rust: Value = Value::Undefined;));
                        }
                    }
                }
            }
        }
        let prelude = self.block_prelude(statements.iter().copied());
        let mut bodies = Vec::new();
        for (index, case) in stmt.cases.iter().enumerate() {
            let lowered: Vec<TokenStream> =
                case.cons.iter().map(|stmt| self.statement(stmt)).collect();
            let index = proc_macro2::Literal::usize_unsuffixed(index);
            bodies.push(quote!(if #start <= #index { #(#lowered)* }));
        }
        let label = self.leave_target();
        quote!(#label {
            let #value: Value = #discriminant;
            let #start: usize = #selection;
            #(#shared)*
            #prelude
            #(#bodies)*
        })
    }
}
