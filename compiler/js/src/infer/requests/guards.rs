//! The refusals a handler makes before doing anything else, read as what each input must be.
//!
//! ```text
//! const { status } = req.body ?? {};
//! if (!["open", "done"].includes(status)) return { status: 400, … };   status ∈ {open, done}
//! if (!post) return { status: 404, … };                                 (unreadable: skipped)
//! if (typeof note !== "string") return { status: 422, … };              note is a string
//! return { status: 201, … };                                            (stop reading here)
//! ```
//!
//! Only the statements before the first one that may answer otherwise are read, so every
//! refusal read applies to every request. A condition is split on `||` (each part refuses on
//! its own) and `&&` (both parts must hold, which only one input can carry); a part that is
//! not about one input is unreadable and constrains nothing.

use swc_core::ecma::ast::*;
use swc_core::ecma::visit::{Visit, VisitWith};

use super::accepted::{Accepted, Check, Derived, Fact, Fallback, Input, JsValue, Transform};
use super::number_text::NumberRange;
use super::reads::{Names, Source};
use crate::infer::strip;

/// What each input must be; an input that is not listed is unconstrained.
pub(crate) type Constraints = Vec<(Input, Accepted)>;

/// The statuses that mean "this request is malformed": what schemathesis counts as refusing a
/// valid request. Other refusals (404 for a missing record, 409…) say nothing about the shape.
const REFUSALS: [u16; 2] = [400, 422];

/// Reads the handler's early refusals. `statuses` tells what a statement answers (every status
/// of its `return`s, `None` when one cannot be known).
pub(crate) fn early_refusals(
    names: &Names,
    stmts: &[Stmt],
    statuses: &mut dyn FnMut(&Stmt) -> Option<Vec<u16>>,
) -> Constraints {
    let mut accepted: Constraints = Vec::new();
    // Problem lists (`const errors = []`) and what their pushes so far refuse.
    let mut problems: Vec<(String, Constraints)> = Vec::new();
    let mut refuses = |cons: &Stmt, all_of: &dyn Fn(u16) -> bool| {
        always_returns(cons)
            && statuses(cons)
                .is_some_and(|found| !found.is_empty() && found.into_iter().all(all_of))
    };
    for stmt in stmts {
        if let Some(list) = problem_list(stmt) {
            problems.push((list, Vec::new()));
            continue;
        }
        match stmt {
            // `if (errors.length) return { status: 422, … }`: every push so far refuses.
            Stmt::If(IfStmt {
                test,
                cons,
                alt: None,
                ..
            }) if refuses(cons, &|status| REFUSALS.contains(&status))
                && let Some(list) = nonempty_test(test)
                && let Some((_, refused)) = problems.iter().find(|(name, _)| *name == list) =>
            {
                accepted = and(accepted, refused.clone());
            }
            Stmt::If(IfStmt {
                test,
                cons,
                alt: None,
                ..
            }) if refuses(cons, &|status| REFUSALS.contains(&status)) => {
                accepted = and(accepted, when(names, test, false));
            }
            // Another refusal (404 for a missing record…): it constrains no shape, and
            // whatever follows it still runs for every request it lets through.
            Stmt::If(IfStmt {
                cons, alt: None, ..
            }) if refuses(cons, &|status| (400..500).contains(&status)) => {}
            // `if (!title) errors.push("…")`, possibly chained with `else if`.
            Stmt::If(if_stmt) if !contains_return(stmt) => {
                record_pushes(names, if_stmt, &mut problems);
            }
            stmt if !contains_return(stmt) => {}
            _ => break,
        }
    }
    accepted
}

/// `const errors = [];` declares a problem list named `errors`.
fn problem_list(stmt: &Stmt) -> Option<String> {
    let Stmt::Decl(Decl::Var(var)) = stmt else {
        return None;
    };
    let [declarator] = var.decls.as_slice() else {
        return None;
    };
    match (&declarator.name, declarator.init.as_deref().map(strip)) {
        (Pat::Ident(name), Some(Expr::Array(array))) if array.elems.is_empty() => {
            Some(name.id.sym.to_string())
        }
        _ => None,
    }
}

/// `errors.length`, `errors.length > 0`, `errors.length !== 0`, `errors.length >= 1`: the
/// list named in a test that holds when it is not empty.
fn nonempty_test(test: &Expr) -> Option<String> {
    let length_of = |expr: &Expr| match strip(expr) {
        Expr::Member(MemberExpr {
            obj,
            prop: MemberProp::Ident(prop),
            ..
        }) if &*prop.sym == "length" => match strip(obj) {
            Expr::Ident(list) => Some(list.sym.to_string()),
            _ => None,
        },
        _ => None,
    };
    match strip(test) {
        Expr::Bin(binary) => {
            let Expr::Lit(Lit::Num(number)) = strip(&binary.right) else {
                return None;
            };
            let list = length_of(&binary.left)?;
            let nonempty = match binary.op {
                BinaryOp::Gt | BinaryOp::NotEqEq | BinaryOp::NotEq => number.value == 0.0,
                BinaryOp::GtEq => number.value == 1.0,
                _ => false,
            };
            nonempty.then_some(list)
        }
        expr => length_of(expr),
    }
}

/// Records what `if (condition) list.push(…)` (and its `else if`s) refuses in `list`: a
/// problem is pushed when the condition holds, and in an `else if` only when the earlier
/// conditions did not — together, when any of them holds.
fn record_pushes(names: &Names, if_stmt: &IfStmt, problems: &mut [(String, Constraints)]) {
    let Some(list) = pushes_only(&if_stmt.cons) else {
        return;
    };
    let Some((_, refused)) = problems.iter_mut().find(|(name, _)| *name == list) else {
        return;
    };
    *refused = and(std::mem::take(refused), when(names, &if_stmt.test, false));
    if let Some(Stmt::If(next)) = if_stmt.alt.as_deref() {
        record_pushes(names, next, problems);
    }
}

/// The list a statement only pushes onto (`errors.push(…)`, or a block of such calls).
fn pushes_only(stmt: &Stmt) -> Option<String> {
    let pushed = |stmt: &Stmt| match stmt {
        Stmt::Expr(ExprStmt { expr, .. }) => match strip(expr) {
            Expr::Call(CallExpr {
                callee: Callee::Expr(callee),
                ..
            }) => match strip(callee) {
                Expr::Member(MemberExpr {
                    obj,
                    prop: MemberProp::Ident(method),
                    ..
                }) if &*method.sym == "push" => match strip(obj) {
                    Expr::Ident(list) => Some(list.sym.to_string()),
                    _ => None,
                },
                _ => None,
            },
            _ => None,
        },
        _ => None,
    };
    match stmt {
        Stmt::Block(block) => {
            let lists: Option<Vec<String>> = block.stmts.iter().map(pushed).collect();
            let lists = lists?;
            let first = lists.first()?.clone();
            lists.iter().all(|list| *list == first).then_some(first)
        }
        stmt => pushed(stmt),
    }
}

/// Whether a statement returns on every path that does not throw.
fn always_returns(stmt: &Stmt) -> bool {
    match stmt {
        Stmt::Return(_) => true,
        Stmt::Block(block) => block.stmts.last().is_some_and(always_returns),
        _ => false,
    }
}

/// Whether a statement holds a `return` (outside nested functions).
fn contains_return(stmt: &Stmt) -> bool {
    struct Finder(bool);
    impl Visit for Finder {
        fn visit_return_stmt(&mut self, _: &ReturnStmt) {
            self.0 = true;
        }
        fn visit_function(&mut self, _: &Function) {}
        fn visit_arrow_expr(&mut self, _: &ArrowExpr) {}
    }
    let mut finder = Finder(false);
    stmt.visit_with(&mut finder);
    finder.0
}

/// What the inputs must be for `condition` to evaluate to `truth`.
pub(crate) fn when(names: &Names, condition: &Expr, truth: bool) -> Constraints {
    match strip(condition) {
        Expr::Unary(UnaryExpr {
            op: UnaryOp::Bang,
            arg,
            ..
        }) => when(names, arg, !truth),
        Expr::Bin(binary) if binary.op == BinaryOp::LogicalOr => {
            let left = when(names, &binary.left, truth);
            let right = when(names, &binary.right, truth);
            if truth {
                or(left, right)
            } else {
                and(left, right)
            }
        }
        Expr::Bin(binary) if binary.op == BinaryOp::LogicalAnd => {
            let left = when(names, &binary.left, truth);
            let right = when(names, &binary.right, truth);
            if truth {
                and(left, right)
            } else {
                or(left, right)
            }
        }
        Expr::Bin(binary) => comparison(names, binary, truth).unwrap_or_default(),
        // A call that is no check of its own may still compute a value from an input
        // (`q.trim()`, `parseInt(id)`), whose truthiness the condition tests.
        Expr::Call(call) => {
            call_check(names, call, truth).unwrap_or_else(|| truthiness(names, condition, truth))
        }
        expr => truthiness(names, expr, truth),
    }
}

/// What the input behind `expr` must be for `expr` to be truthy (`truth`) or falsy.
fn truthiness(names: &Names, expr: &Expr, truth: bool) -> Constraints {
    match derived(names, expr) {
        // A parsed number is truthy when it is a number other than 0.
        Some(value) if matches!(value.transform, Transform::Parse(_)) => {
            if !truth {
                return Vec::new();
            }
            fact(
                value,
                Check::InRange {
                    range: NumberRange {
                        nonzero: true,
                        ..NumberRange::default()
                    },
                    integer: false,
                    nan: false,
                },
                true,
            )
        }
        Some(value) => fact(value, Check::Truthy, truth),
        None => Vec::new(),
    }
}

/// The value an expression computes from one input.
fn derived(names: &Names, expr: &Expr) -> Option<Derived> {
    match names.source(expr)? {
        Source::Value(value) => Some(value),
        Source::Body => Some(Derived {
            input: Input::Body,
            fallback: Fallback::None,
            transform: Transform::Itself,
        }),
        _ => None,
    }
}

fn fact(value: Derived, check: Check, holds: bool) -> Constraints {
    let input = value.input.clone();
    vec![(
        input,
        Accepted::All(vec![Fact {
            value,
            check,
            holds,
        }]),
    )]
}

/// `x === "a"`, `typeof x !== "string"`, `n < 1`, `x == null`, in either order.
fn comparison(names: &Names, binary: &BinExpr, truth: bool) -> Option<Constraints> {
    use BinaryOp::*;
    let (value_side, literal_side, flipped) = match (
        names.literal(&binary.left).is_some(),
        names.literal(&binary.right).is_some(),
    ) {
        (false, true) => (&*binary.left, &*binary.right, false),
        (true, false) => (&*binary.right, &*binary.left, true),
        _ => return None,
    };
    let literal = names.literal(literal_side)?;
    match binary.op {
        EqEqEq | NotEqEq | EqEq | NotEq => {
            let equal = matches!(binary.op, EqEqEq | EqEq) == truth;
            // `typeof x === "string"`
            if let Expr::Unary(UnaryExpr {
                op: UnaryOp::TypeOf,
                arg,
                ..
            }) = strip(value_side)
            {
                let JsValue::Text(name) = literal else {
                    return None;
                };
                let value = derived(names, arg)?;
                if value.transform != Transform::Itself || value.fallback != Fallback::None {
                    return None;
                }
                return Some(fact(value, Check::TypeIs(name), equal));
            }
            let value = derived(names, value_side)?;
            // `text.trim() === ""`, `text.length === 0`: the value's falsiness.
            let falsy_literal = match (&literal, value.transform) {
                (JsValue::Text(text), Transform::Trim) => text.is_empty(),
                (JsValue::Number(number), Transform::Length | Transform::TrimmedLength) => {
                    *number == 0.0
                }
                _ => false,
            };
            if falsy_literal && matches!(binary.op, EqEqEq | NotEqEq) {
                return Some(fact(value, Check::Truthy, !equal));
            }
            let loose = matches!(binary.op, EqEq | NotEq);
            let check = match (&literal, loose) {
                (JsValue::Null | JsValue::Undefined, true) => Check::Nullish,
                (_, false) => Check::OneOf(vec![literal]),
                // Loose equality with a text is strict equality for a parameter (always text).
                (JsValue::Text(_), true)
                    if matches!(value.input, Input::Path(_) | Input::Query(_))
                        && matches!(value.transform, Transform::Itself | Transform::Trim) =>
                {
                    Check::OneOf(vec![literal])
                }
                _ => return None,
            };
            Some(fact(value, check, equal))
        }
        Lt | LtEq | Gt | GtEq => {
            let JsValue::Number(bound) = literal else {
                return None;
            };
            let value = derived(names, value_side)?;
            // Normalize to `value op bound`.
            let op = if flipped {
                match binary.op {
                    Lt => Gt,
                    LtEq => GtEq,
                    Gt => Lt,
                    _ => LtEq,
                }
            } else {
                binary.op
            };
            // The range where the comparison has `truth`; NaN makes every comparison false.
            let (op, nan) = if truth {
                (op, false)
            } else {
                let negated = match op {
                    Lt => GtEq,
                    LtEq => Gt,
                    Gt => LtEq,
                    _ => Lt,
                };
                (negated, true)
            };
            let range = match op {
                Lt => NumberRange {
                    high: Some((bound, false)),
                    ..NumberRange::default()
                },
                LtEq => NumberRange {
                    high: Some((bound, true)),
                    ..NumberRange::default()
                },
                Gt => NumberRange {
                    low: Some((bound, false)),
                    ..NumberRange::default()
                },
                _ => NumberRange {
                    low: Some((bound, true)),
                    ..NumberRange::default()
                },
            };
            Some(fact(
                value,
                Check::InRange {
                    range,
                    integer: false,
                    nan,
                },
                true,
            ))
        }
        _ => None,
    }
}

/// `isNaN(n)`, `Number.isInteger(n)`, `Array.isArray(x)`, `["a", "b"].includes(x)`.
fn call_check(names: &Names, call: &CallExpr, truth: bool) -> Option<Constraints> {
    let Callee::Expr(callee) = &call.callee else {
        return None;
    };
    let [argument] = call.args.as_slice() else {
        return None;
    };
    if argument.spread.is_some() {
        return None;
    }
    let numeric = |value: Derived, integer: bool, finite: bool, safe: bool| {
        // Only "the number is there" can be written; the opposite (NaN only) is unreadable.
        if !truth {
            return None;
        }
        let limit = 9_007_199_254_740_991.0;
        let range = NumberRange {
            finite,
            low: safe.then_some((-limit, true)),
            high: safe.then_some((limit, true)),
            ..NumberRange::default()
        };
        Some(fact(
            value,
            Check::InRange {
                range,
                integer,
                nan: false,
            },
            true,
        ))
    };
    // A global that coerces (`isNaN("12")` reads the text as `Number` does).
    let coerced = |expr: &Expr| {
        let value = derived(names, expr)?;
        match value.transform {
            Transform::Parse(_) | Transform::Length | Transform::TrimmedLength => Some(value),
            Transform::Itself => Some(Derived {
                transform: Transform::Parse(super::number_text::Parser::Number),
                ..value
            }),
            Transform::Trim => None,
        }
    };
    // `Number.isX` does not coerce: a text is never a number.
    let exact = |expr: &Expr| {
        let value = derived(names, expr)?;
        match (&value.input, value.transform) {
            (Input::Path(_) | Input::Query(_), Transform::Itself | Transform::Trim) => None,
            _ => Some(value),
        }
    };
    match strip(callee) {
        Expr::Ident(name) => match &*name.sym {
            "isNaN" => nan_check(coerced(&argument.expr)?, truth),
            "isFinite" => numeric(coerced(&argument.expr)?, false, true, false),
            _ => None,
        },
        Expr::Member(member) => {
            let method = match &member.prop {
                MemberProp::Ident(name) => name.sym.to_string(),
                _ => return None,
            };
            if let Expr::Ident(object) = strip(&member.obj) {
                match (&*object.sym, method.as_str()) {
                    ("Number", "isNaN") => return nan_check(exact(&argument.expr)?, truth),
                    ("Number", "isInteger") => {
                        return numeric(exact(&argument.expr)?, true, true, false);
                    }
                    ("Number", "isSafeInteger") => {
                        return numeric(exact(&argument.expr)?, true, true, true);
                    }
                    ("Number", "isFinite") => {
                        return numeric(exact(&argument.expr)?, false, true, false);
                    }
                    ("Array", "isArray") => {
                        let value = derived(names, &argument.expr)?;
                        if value.transform != Transform::Itself {
                            return None;
                        }
                        return Some(fact(value, Check::IsArray, truth));
                    }
                    _ => {}
                }
            }
            if method == "includes" {
                let listed = names.literal_list(&member.obj)?;
                let value = derived(names, &argument.expr)?;
                if !matches!(value.transform, Transform::Itself | Transform::Trim) {
                    return None;
                }
                return Some(fact(value, Check::OneOf(listed), truth));
            }
            None
        }
        _ => None,
    }
}

/// `isNaN(n)` having `truth`: false means "a number" (any); true (NaN only) is unreadable.
fn nan_check(value: Derived, truth: bool) -> Option<Constraints> {
    if truth {
        return None;
    }
    Some(fact(
        value,
        Check::InRange {
            range: NumberRange::default(),
            integer: false,
            nan: false,
        },
        true,
    ))
}

/// Both must hold.
fn and(mut left: Constraints, right: Constraints) -> Constraints {
    for (input, accepted) in right {
        match left.iter_mut().find(|(existing, _)| *existing == input) {
            None => left.push((input, accepted)),
            Some((_, existing)) => {
                *existing = match (
                    std::mem::replace(existing, Accepted::All(Vec::new())),
                    accepted,
                ) {
                    (Accepted::All(mut a), Accepted::All(b)) => {
                        a.extend(b);
                        Accepted::All(a)
                    }
                    (Accepted::All(facts), Accepted::Any(options))
                    | (Accepted::Any(options), Accepted::All(facts)) => Accepted::Any(
                        options
                            .into_iter()
                            .map(|option| match option {
                                Accepted::All(mut more) => {
                                    more.extend(facts.iter().cloned());
                                    Accepted::All(more)
                                }
                                nested => nested,
                            })
                            .collect(),
                    ),
                    // Two sets of alternatives: keep the first (inferring less).
                    (kept @ Accepted::Any(_), Accepted::Any(_)) => kept,
                };
            }
        }
    }
    left
}

/// Either holds: expressible only when both sides constrain the same single input.
fn or(left: Constraints, right: Constraints) -> Constraints {
    match (<[_; 1]>::try_from(left), <[_; 1]>::try_from(right)) {
        (Ok([(a_input, a)]), Ok([(b_input, b)])) if a_input == b_input => {
            let mut options = Vec::new();
            for side in [a, b] {
                match side {
                    Accepted::Any(nested) => options.extend(nested),
                    all => options.push(all),
                }
            }
            vec![(a_input, Accepted::Any(options))]
        }
        _ => Vec::new(),
    }
}
