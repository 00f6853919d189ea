//! The rule language of `resources.<name>.rules`: a tiny expression language over the record
//! and the caller, parsed here by hand (no JavaScript engine) and type-checked against the
//! resource's fields. `data/rules.rs` reads the blueprint's rules and reports what this
//! module finds, at the column inside the YAML string.
//!
//! ```text
//! "record.owner == user.id || \"admin\" in user.roles"
//!   ─lexer─▶ tokens ─parser─▶ Ast (with ranges) ─check─▶ backworks_ir::RuleExpr | [RuleError]
//! ```
//!
//! The grammar is in `parser.rs` (and the README); types in `check.rs`.

mod check;
mod lexer;
mod parser;

pub use check::{RuleError, Scope, Ty};

use backworks_ir::RuleExpr;

/// Parses and checks one rule; `Err` lists every problem (a syntax error is the only one
/// reported for its rule, since nothing after it can be read reliably).
pub fn compile(scope: &Scope, text: &str) -> Result<RuleExpr, Vec<RuleError>> {
    let ast = parser::parse(text).map_err(|error| {
        vec![RuleError {
            range: error.range,
            code: "rule-syntax",
            message: error.message,
            label: "here".to_string(),
            help: error.help,
        }]
    })?;
    check::check(scope, &ast)
}
