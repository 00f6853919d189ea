//! Which variables always hold a number: those are compiled to Rust `f64` locals instead of
//! `Value`s, so loop counters and accumulators cost what they cost in hand-written Rust.
//!
//! ```text
//! for (let i = 0; i < n; i++) sum += a[i] * 2;   →   i and sum (if `let sum = 0`) are f64:
//!                                                    let mut i: f64 = 0.0; … i += 1.0;
//! let label = 0; label = "x";                    →   not numeric: one write is a string
//! ```
//!
//! A `let`/`const` qualifies when it is a plain local (not a shared cell, not a `switch` case
//! declaration), is declared with an initialiser, and every write to it — the initialiser,
//! assignments, compound assignments, `++`/`--` — produces a number whatever the operands'
//! values: a numeric literal, `+x`, `-x`, `a * b` and the other arithmetic and bitwise
//! operators, `a + b` of two numeric operands, `Math.*(…)`, `Number(…)`, `parseInt(…)`, `Date.now()`, or
//! another numeric variable. Writes through destructuring or loop heads disqualify it. The
//! set is the greatest fixed point: variables that only feed each other (`a = b + 1; b = a`)
//! stay numeric.
//!
//! In a program that may make BigInts (`bigint_use.rs`), `-x`, `x++` and `a * b` and the other
//! arithmetic operators count only with a numeric operand (two BigInts give a BigInt; a BigInt
//! beside a number throws): `let p = a * b` of two parameters stays a `Value` there.

use std::collections::{HashMap, HashSet};

use swc_core::ecma::ast::*;
use swc_core::ecma::visit::{Visit, VisitWith};

use crate::scope::{BindingId, BindingKind, Scopes};

/// The numeric variables of a module.
pub(crate) fn numeric_bindings(module: &Module, scopes: &Scopes, bigints: bool) -> NumericLocals {
    let mut collector = Writes {
        scopes,
        candidates: HashSet::new(),
        writes: HashMap::new(),
        disqualified: HashSet::new(),
        in_switch_case: false,
    };
    module.visit_with(&mut collector);
    let Writes {
        candidates,
        writes,
        disqualified,
        ..
    } = collector;
    // An exported binding is republished on each write (live bindings, read by importers in a
    // cycle while this module still runs), which the plain `f64` writes would skip.
    let mut numeric: HashSet<BindingId> = candidates
        .into_iter()
        .filter(|id| !disqualified.contains(id) && !scopes.exported.contains_key(id))
        .collect();
    loop {
        let before = numeric.len();
        let current = NumericLocals {
            bindings: numeric.clone(),
            bigints,
        };
        numeric.retain(|id| {
            writes.get(id).is_some_and(|all| {
                all.iter()
                    .all(|write| write_is_numeric(write, *id, &current, scopes))
            })
        });
        if numeric.len() == before {
            return NumericLocals {
                bindings: numeric,
                bigints,
            };
        }
    }
}

/// The numeric variables of a module, and whether the program may make BigInts at all
/// (`bigint_use.rs`), which decides how much arithmetic on unknown operands proves.
pub(crate) struct NumericLocals {
    /// The `let`/`const` bindings compiled to `f64` locals.
    pub(crate) bindings: HashSet<BindingId>,
    /// Whether some module of the program may make a BigInt: then `a * b` of unknown operands
    /// may be one, and only an operator with a numeric operand is known to give a number.
    pub(crate) bigints: bool,
}

impl NumericLocals {
    /// Whether `id` is a numeric local.
    pub(crate) fn contains(&self, id: &BindingId) -> bool {
        self.bindings.contains(id)
    }
}

/// One write to a candidate variable.
enum Write {
    /// `= value` (the initialiser or an assignment).
    Value(Box<Expr>),
    /// `op= value`.
    Compound(AssignOp, Box<Expr>),
    /// `++` / `--`.
    Update,
}

fn write_is_numeric(
    write: &Write,
    id: BindingId,
    numeric: &NumericLocals,
    scopes: &Scopes,
) -> bool {
    match write {
        Write::Value(value) => is_numeric(value, numeric, scopes),
        // `+=` keeps a number if the other side is a number, or a BigInt (which throws).
        Write::Compound(AssignOp::AddAssign, value) => {
            numeric.contains(&id) && (is_numeric(value, numeric, scopes) || never_a_string(value))
        }
        // The logical assignments keep a number only if both sides are numbers.
        Write::Compound(
            AssignOp::AndAssign | AssignOp::OrAssign | AssignOp::NullishAssign,
            value,
        ) => numeric.contains(&id) && is_numeric(value, numeric, scopes),
        Write::Compound(_, _) | Write::Update => true,
    }
}

/// Whether `expr` produces a number (or throws) whatever its operands hold, given the numeric
/// variables. In a program that may make BigInts, a BigInt operand keeps arithmetic in BigInts
/// (`a * b`, `-a`, `a++`), so an operator is numeric only when one operand is: a number beside
/// a BigInt throws V8's `Cannot mix BigInt and other types`. Unary `+` and `>>>` never give a
/// BigInt (they throw). In a program without BigInts, every arithmetic operator gives a number.
pub(crate) fn is_numeric(expr: &Expr, numeric: &NumericLocals, scopes: &Scopes) -> bool {
    let either = |a: &Expr, b: &Expr| {
        !numeric.bigints || is_numeric(a, numeric, scopes) || is_numeric(b, numeric, scopes)
    };
    match expr {
        Expr::Lit(Lit::Num(_)) => true,
        Expr::Ident(ident) => scopes
            .binding_of(ident)
            .is_some_and(|id| numeric.contains(&id)),
        Expr::Paren(paren) => is_numeric(&paren.expr, numeric, scopes),
        Expr::Unary(unary) => match unary.op {
            UnaryOp::Plus => true,
            UnaryOp::Minus | UnaryOp::Tilde => {
                !numeric.bigints || is_numeric(&unary.arg, numeric, scopes)
            }
            _ => false,
        },
        Expr::Update(update) => !numeric.bigints || is_numeric(&update.arg, numeric, scopes),
        Expr::Bin(bin) => match bin.op {
            BinaryOp::ZeroFillRShift => true,
            BinaryOp::Sub
            | BinaryOp::Mul
            | BinaryOp::Div
            | BinaryOp::Mod
            | BinaryOp::Exp
            | BinaryOp::BitOr
            | BinaryOp::BitAnd
            | BinaryOp::BitXor
            | BinaryOp::LShift
            | BinaryOp::RShift => either(&bin.left, &bin.right),
            BinaryOp::Add => {
                is_numeric(&bin.left, numeric, scopes) && is_numeric(&bin.right, numeric, scopes)
            }
            _ => false,
        },
        Expr::Assign(assign) => {
            let numeric_target = matches!(&assign.left, AssignTarget::Simple(SimpleAssignTarget::Ident(target))
                if is_numeric(&Expr::Ident(target.id.clone()), numeric, scopes));
            match assign.op {
                AssignOp::Assign => is_numeric(&assign.right, numeric, scopes),
                AssignOp::AddAssign
                | AssignOp::AndAssign
                | AssignOp::OrAssign
                | AssignOp::NullishAssign => {
                    numeric_target && is_numeric(&assign.right, numeric, scopes)
                }
                AssignOp::ZeroFillRShiftAssign => true,
                _ => {
                    !numeric.bigints || numeric_target || is_numeric(&assign.right, numeric, scopes)
                }
            }
        }
        Expr::Cond(cond) => {
            is_numeric(&cond.cons, numeric, scopes) && is_numeric(&cond.alt, numeric, scopes)
        }
        Expr::Seq(seq) => seq
            .exprs
            .last()
            .is_some_and(|last| is_numeric(last, numeric, scopes)),
        Expr::Call(call) => numeric_builtin_call(call, scopes),
        _ => false,
    }
}

/// Whether `expr` always gives a number or a BigInt, never a string: what `sum += expr` may add
/// to a numeric `sum` (a BigInt throws there).
fn never_a_string(expr: &Expr) -> bool {
    match expr {
        Expr::Lit(Lit::Num(_) | Lit::BigInt(_)) | Expr::Update(_) => true,
        Expr::Paren(paren) => never_a_string(&paren.expr),
        Expr::Unary(unary) => matches!(unary.op, UnaryOp::Minus | UnaryOp::Plus | UnaryOp::Tilde),
        Expr::Bin(bin) => !matches!(
            bin.op,
            BinaryOp::Add
                | BinaryOp::LogicalAnd
                | BinaryOp::LogicalOr
                | BinaryOp::NullishCoalescing
                | BinaryOp::EqEq
                | BinaryOp::NotEq
                | BinaryOp::EqEqEq
                | BinaryOp::NotEqEq
                | BinaryOp::Lt
                | BinaryOp::LtEq
                | BinaryOp::Gt
                | BinaryOp::GtEq
                | BinaryOp::In
                | BinaryOp::InstanceOf
        ),
        _ => false,
    }
}

/// `Math.floor(x)`, `Number(x)`, `parseInt(x)`, `Date.now()`: globals that return numbers.
fn numeric_builtin_call(call: &CallExpr, scopes: &Scopes) -> bool {
    let Callee::Expr(callee) = &call.callee else {
        return false;
    };
    let unbound = |ident: &Ident| scopes.binding_of(ident).is_none();
    match &**callee {
        Expr::Ident(ident) => {
            unbound(ident) && matches!(ident.sym.as_str(), "Number" | "parseInt" | "parseFloat")
        }
        Expr::Member(member) => match (&*member.obj, &member.prop) {
            (Expr::Ident(object), MemberProp::Ident(prop)) if unbound(object) => {
                match object.sym.as_str() {
                    "Math" => crate::globals::STATIC_CALLS
                        .contains(&format!("Math.{}", prop.sym).as_str()),
                    "Number" => matches!(prop.sym.as_str(), "parseInt" | "parseFloat"),
                    "Date" => matches!(prop.sym.as_str(), "now" | "UTC" | "parse"),
                    _ => false,
                }
            }
            _ => false,
        },
        _ => false,
    }
}

/// Collects every write to `let`/`const` candidates.
struct Writes<'a> {
    scopes: &'a Scopes,
    /// `let`/`const` plain locals declared with an initialiser.
    candidates: HashSet<BindingId>,
    writes: HashMap<BindingId, Vec<Write>>,
    disqualified: HashSet<BindingId>,
    in_switch_case: bool,
}

impl Writes<'_> {
    fn candidate(&self, ident: &Ident) -> Option<BindingId> {
        let id = self.scopes.binding_of(ident)?;
        let binding = &self.scopes.bindings[id];
        (matches!(binding.kind, BindingKind::Let | BindingKind::Const) && !binding.is_cell())
            .then_some(id)
    }

    fn disqualify_pattern(&mut self, pat: &Pat) {
        let mut names = Vec::new();
        crate::scope::pattern_idents(pat, &mut names);
        for name in names {
            if let Some(id) = self.scopes.binding_of(&name) {
                self.disqualified.insert(id);
            }
        }
    }
}

impl Visit for Writes<'_> {
    fn visit_switch_case(&mut self, case: &SwitchCase) {
        // `let`s of a switch body are declared before the first case (see `lower/switch.rs`).
        let saved = std::mem::replace(&mut self.in_switch_case, true);
        case.visit_children_with(self);
        self.in_switch_case = saved;
    }

    fn visit_function(&mut self, function: &Function) {
        let saved = std::mem::replace(&mut self.in_switch_case, false);
        function.visit_children_with(self);
        self.in_switch_case = saved;
    }

    fn visit_arrow_expr(&mut self, arrow: &ArrowExpr) {
        let saved = std::mem::replace(&mut self.in_switch_case, false);
        arrow.visit_children_with(self);
        self.in_switch_case = saved;
    }

    fn visit_var_declarator(&mut self, declarator: &VarDeclarator) {
        declarator.visit_children_with(self);
        let Pat::Ident(binding) = &declarator.name else {
            self.disqualify_pattern(&declarator.name);
            return;
        };
        let Some(id) = self.candidate(&binding.id) else {
            return;
        };
        match &declarator.init {
            Some(init) if !self.in_switch_case => {
                self.candidates.insert(id);
                self.writes
                    .entry(id)
                    .or_default()
                    .push(Write::Value(init.clone()));
            }
            _ => {
                self.disqualified.insert(id);
            }
        }
    }

    fn visit_assign_expr(&mut self, assign: &AssignExpr) {
        assign.visit_children_with(self);
        match &assign.left {
            AssignTarget::Simple(SimpleAssignTarget::Ident(target)) => {
                let Some(id) = self.scopes.binding_of(&target.id) else {
                    return;
                };
                let write = if assign.op == AssignOp::Assign {
                    Write::Value(assign.right.clone())
                } else {
                    Write::Compound(assign.op, assign.right.clone())
                };
                self.writes.entry(id).or_default().push(write);
            }
            AssignTarget::Simple(SimpleAssignTarget::Paren(paren)) => {
                if let Expr::Ident(ident) = &*paren.expr
                    && let Some(id) = self.scopes.binding_of(ident)
                {
                    self.disqualified.insert(id);
                }
            }
            AssignTarget::Pat(pattern) => {
                let pat = match pattern {
                    AssignTargetPat::Array(array) => Pat::Array(array.clone()),
                    AssignTargetPat::Object(object) => Pat::Object(object.clone()),
                    AssignTargetPat::Invalid(_) => return,
                };
                self.disqualify_pattern(&pat);
            }
            _ => {}
        }
    }

    fn visit_update_expr(&mut self, update: &UpdateExpr) {
        update.visit_children_with(self);
        match &*update.arg {
            Expr::Ident(ident) => {
                if let Some(id) = self.scopes.binding_of(ident) {
                    self.writes.entry(id).or_default().push(Write::Update);
                }
            }
            Expr::Paren(paren) => {
                if let Expr::Ident(ident) = &*paren.expr
                    && let Some(id) = self.scopes.binding_of(ident)
                {
                    self.disqualified.insert(id);
                }
            }
            _ => {}
        }
    }

    fn visit_for_of_stmt(&mut self, stmt: &ForOfStmt) {
        stmt.visit_children_with(self);
        if let ForHead::Pat(pat) = &stmt.left {
            self.disqualify_pattern(pat);
        }
    }

    fn visit_for_in_stmt(&mut self, stmt: &ForInStmt) {
        stmt.visit_children_with(self);
        if let ForHead::Pat(pat) = &stmt.left {
            self.disqualify_pattern(pat);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The names of the numeric locals of `text`, with BigInts detected as `compile` does.
    fn numeric_names(text: &str) -> Vec<String> {
        let mut sources = backworks_diagnostics::Sources::new();
        let id = sources.add("handler.js", text);
        let Ok(parsed) = crate::parse::parse(id, text, crate::Language::JavaScript) else {
            panic!("the case parses");
        };
        let scopes = crate::scope::analyze(&parsed.module);
        let bigints = crate::bigint_use::may_make_bigints([&parsed.module]);
        let numeric = numeric_bindings(&parsed.module, &scopes, bigints);
        let mut names: Vec<String> = numeric
            .bindings
            .iter()
            .map(|id| scopes.bindings[*id].name.clone())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn arithmetic_on_unknown_operands_is_a_number_only_without_bigints() {
        let body = "function f(a, b) { let p = a * b; let q = -a; let r = p * 2; let s = 0; s += a * b; return [p, q, r, s]; }";
        assert_eq!(numeric_names(body), ["p", "q", "r", "s"]);
        // The same code in a program that makes a BigInt: `a * b` and `-a` may be BigInts, while
        // `p * 2` and `s += …` (a number beside a BigInt throws) stay numbers.
        let with_bigint = format!("{body} const big = 1n;");
        assert_eq!(numeric_names(&with_bigint), ["r", "s"]);
    }
}
