//! Record rules in the model: per CRUD operation of a resource, a condition on the caller and
//! the record, parsed and type-checked by `compiler/blueprint/src/rules/`, emitted as static
//! data (`storage::RuleExpr`) that the server folds per request into SQL.
//!
//! ```text
//! rules:                                          Rules { update: Some(Rule { expr:
//!   update: record.owner == user.id      ──▶        Or(Compare(Field("owner"), Eq, UserId),
//!           || "admin" in user.roles                   In(String("admin"), UserRoles)), … }) }
//! ```
//!
//! A missing rule leaves the operation to the route's `auth` alone (any admitted caller).

use backworks_diagnostics::Span;

use crate::CrudOperation;

/// A resource's rules, one per operation.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Rules {
    /// Which rows `GET /{name}` lists and counts.
    pub list: Option<Rule>,
    /// Which row `GET /{name}/{id}` answers (others are 404); also governs expansions of refs
    /// to this resource.
    pub get: Option<Rule>,
    /// Which new records may be created (checked after defaults; refused: 403).
    pub create: Option<Rule>,
    /// Which records may be changed, before and after the change (refused: 403).
    pub update: Option<Rule>,
    /// Which records may be deleted (refused: 403).
    pub delete: Option<Rule>,
}

impl Rules {
    /// The rule of `operation`, if the blueprint writes one.
    pub fn of(&self, operation: CrudOperation) -> Option<&Rule> {
        match operation {
            CrudOperation::List => self.list.as_ref(),
            CrudOperation::Get => self.get.as_ref(),
            CrudOperation::Create => self.create.as_ref(),
            CrudOperation::Update => self.update.as_ref(),
            CrudOperation::Delete => self.delete.as_ref(),
        }
    }

    /// Whether any operation has a rule.
    pub fn is_empty(&self) -> bool {
        CrudOperation::ALL
            .into_iter()
            .all(|op| self.of(op).is_none())
    }
}

/// One operation's rule.
#[derive(Debug, Clone, PartialEq)]
pub struct Rule {
    /// The rule as written (documentation shows it).
    pub text: String,
    /// The checked expression.
    pub expr: RuleExpr,
    /// Where the blueprint writes it.
    pub span: Span,
}

/// An expression of the rule language (see the README's grammar).
#[derive(Debug, Clone, PartialEq)]
pub enum RuleExpr {
    /// `null`.
    Null,
    /// `true` / `false`.
    Bool(bool),
    /// A number literal.
    Number(f64),
    /// A string literal.
    String(String),
    /// `[…]`, a list of literals.
    List(Vec<RuleExpr>),
    /// `record.<field>` (a declared field, `id`, `created_at` or `updated_at`).
    Field(String),
    /// `user`: the caller, `null` when anonymous.
    User,
    /// `user.id`.
    UserId,
    /// `user.roles`.
    UserRoles,
    /// `user.claims.<path>`: a claim of the caller's token.
    UserClaim(Vec<String>),
    /// `!e`.
    Not(Box<RuleExpr>),
    /// `a && b`.
    And(Box<RuleExpr>, Box<RuleExpr>),
    /// `a || b`.
    Or(Box<RuleExpr>, Box<RuleExpr>),
    /// `a <op> b`.
    Compare(Box<RuleExpr>, Comparison, Box<RuleExpr>),
    /// `a in b`: `b` is `user.roles` or a list literal.
    In(Box<RuleExpr>, Box<RuleExpr>),
}

/// A comparison operator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Comparison {
    /// `==`.
    Eq,
    /// `!=`.
    Ne,
    /// `<`.
    Lt,
    /// `<=`.
    Le,
    /// `>`.
    Gt,
    /// `>=`.
    Ge,
}

impl Comparison {
    /// As the rule language writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            Comparison::Eq => "==",
            Comparison::Ne => "!=",
            Comparison::Lt => "<",
            Comparison::Le => "<=",
            Comparison::Gt => ">",
            Comparison::Ge => ">=",
        }
    }
}
