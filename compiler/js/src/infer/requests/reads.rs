//! Which request inputs a handler reads, through whatever local names it gives them, and the
//! values it computes from one input (a default, a parsed number, a trimmed text).
//!
//! ```text
//! const { id } = req.path_params;               id     → Path("id")
//! const body = req.body ?? {};                  body   → the body
//! const { title, tags = [] } = body;            title  → BodyField("title")
//! const limit = parseInt(req.query_params.limit ?? "20", 10);
//!                                               limit  → parseInt(Query("limit") ?? "20")
//! ```
//!
//! Only names bound once and never reassigned are followed; anything else is not an input.

use std::collections::{HashMap, HashSet};

use swc_core::ecma::ast::*;
use swc_core::ecma::visit::{Visit, VisitWith};

use super::accepted::{Derived, Fallback, Input, JsValue, Transform};
use super::number_text::Parser;
use crate::infer::handlers::HandlerFn;
use crate::infer::strip;

/// Deeper than this, names are not followed.
const MAX_DEPTH: usize = 8;

/// What a name or expression stands for.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Source {
    /// The request object.
    Request,
    /// `req.path_params` or `req.query_params`.
    Params(ParamGroup),
    /// `req.body`.
    Body,
    /// A value computed from one input.
    Value(Derived),
}

/// A group of parameters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ParamGroup {
    Path,
    Query,
}

/// The names of one handler and of its module.
pub(crate) struct Names {
    /// Names bound to an input (by destructuring) or to an expression, once.
    bound: HashMap<String, Binding>,
    /// Names assigned after their declaration (never followed).
    reassigned: HashSet<String>,
    /// Constants of the module (`const STATUSES = ["open", "done"]`).
    module_constants: HashMap<String, Expr>,
}

#[derive(Debug, Clone)]
enum Binding {
    /// `const x = <expr>`.
    Expr(Expr),
    /// A name destructured from a source, with its destructuring default.
    Member {
        of: Box<Expr>,
        key: String,
        default: Option<Box<Expr>>,
    },
    /// A name bound more than once: not followed.
    Ambiguous,
}

impl Names {
    /// The names of `function` (its first parameter is the request) and of `module`.
    pub(crate) fn new(module: &Module, function: &HandlerFn) -> Names {
        let mut names = Names {
            bound: HashMap::new(),
            reassigned: HashSet::new(),
            module_constants: HashMap::new(),
        };
        for item in &module.body {
            if let ModuleItem::Stmt(Stmt::Decl(Decl::Var(var))) = item
                && var.kind == VarDeclKind::Const
            {
                for declarator in &var.decls {
                    if let (Pat::Ident(name), Some(init)) = (&declarator.name, &declarator.init) {
                        names
                            .module_constants
                            .insert(name.id.sym.to_string(), (**init).clone());
                    }
                }
            }
        }
        match function.params().first() {
            Some(Pat::Ident(binding)) => names.bind_expr(&binding.id.sym, &request_marker()),
            // `function handler({ path_params, body })`
            Some(pattern @ Pat::Object(_)) => names.bind_pattern(pattern, &request_marker()),
            _ => {}
        }
        let mut collector = Declarations { names: &mut names };
        match function {
            HandlerFn::Function(function) => function.body.visit_with(&mut collector),
            HandlerFn::Arrow(arrow) => arrow.body.visit_with(&mut collector),
        }
        names
    }

    fn bind_expr(&mut self, name: &str, expr: &Expr) {
        let previous = self
            .bound
            .insert(name.to_string(), Binding::Expr(expr.clone()));
        if previous.is_some() {
            self.bound.insert(name.to_string(), Binding::Ambiguous);
        }
    }

    fn bind_pattern(&mut self, pattern: &Pat, of: &Expr) {
        match pattern {
            Pat::Ident(name) => self.bind_expr(&name.id.sym, of),
            Pat::Object(object) => {
                for prop in &object.props {
                    match prop {
                        ObjectPatProp::KeyValue(KeyValuePatProp { key, value }) => {
                            let Some(key) = crate::infer::schema::prop_name(key) else {
                                continue;
                            };
                            match &**value {
                                Pat::Assign(AssignPat { left, right, .. }) => {
                                    if let Pat::Ident(name) = &**left {
                                        self.bind_member(
                                            &name.id.sym,
                                            of,
                                            &key,
                                            Some(right.clone()),
                                        );
                                    }
                                }
                                Pat::Ident(name) => self.bind_member(&name.id.sym, of, &key, None),
                                nested => {
                                    let member = member_expr(of, &key);
                                    self.bind_pattern(nested, &member);
                                }
                            }
                        }
                        ObjectPatProp::Assign(AssignPatProp { key, value, .. }) => {
                            self.bind_member(&key.sym, of, &key.sym, value.clone());
                        }
                        ObjectPatProp::Rest(_) => {}
                    }
                }
            }
            _ => {}
        }
    }

    fn bind_member(&mut self, name: &str, of: &Expr, key: &str, default: Option<Box<Expr>>) {
        let previous = self.bound.insert(
            name.to_string(),
            Binding::Member {
                of: Box::new(of.clone()),
                key: key.to_string(),
                default,
            },
        );
        if previous.is_some() {
            self.bound.insert(name.to_string(), Binding::Ambiguous);
        }
    }

    /// What `expr` stands for, if it is the request, part of it, or a value of one input.
    pub(crate) fn source(&self, expr: &Expr) -> Option<Source> {
        self.source_at(expr, 0)
    }

    fn source_at(&self, expr: &Expr, depth: usize) -> Option<Source> {
        if depth > MAX_DEPTH {
            return None;
        }
        let next = depth + 1;
        match strip(expr) {
            expr if is_request_marker(expr) => Some(Source::Request),
            Expr::Ident(name) => {
                if self.reassigned.contains(&*name.sym) {
                    return None;
                }
                match self.bound.get(&*name.sym)? {
                    Binding::Expr(init) => self.source_at(init, next),
                    Binding::Member { of, key, default } => {
                        let member = self.member_source(self.source_at(of, next)?, key)?;
                        match default {
                            None => Some(member),
                            Some(default) => {
                                with_fallback(member, Fallback::Missing(self.literal(default)?))
                            }
                        }
                    }
                    Binding::Ambiguous => None,
                }
            }
            Expr::Member(member) => {
                let key = member_key(&member.prop)?;
                self.member_source(self.source_at(&member.obj, next)?, &key)
            }
            Expr::OptChain(chain) => match &*chain.base {
                OptChainBase::Member(member) => {
                    let key = member_key(&member.prop)?;
                    self.member_source(self.source_at(&member.obj, next)?, &key)
                }
                OptChainBase::Call(call) => self.call_source(&call.callee, &call.args, next),
            },
            Expr::Bin(binary)
                if matches!(binary.op, BinaryOp::NullishCoalescing | BinaryOp::LogicalOr) =>
            {
                let left = self.source_at(&binary.left, next)?;
                match left {
                    // `req.body ?? {}`: the object of a missing body has no members either.
                    Source::Body | Source::Params(_) if is_empty_object(&binary.right) => {
                        Some(left)
                    }
                    Source::Value(_) => {
                        let fallback = self.literal(&binary.right)?;
                        with_fallback(
                            left,
                            if binary.op == BinaryOp::NullishCoalescing {
                                Fallback::Nullish(fallback)
                            } else {
                                Fallback::Falsy(fallback)
                            },
                        )
                    }
                    _ => None,
                }
            }
            Expr::Unary(UnaryExpr {
                op: UnaryOp::Plus,
                arg,
                ..
            }) => parsed(self.source_at(arg, next)?, Parser::Number),
            Expr::Call(call) => match &call.callee {
                Callee::Expr(callee) => self.call_source(callee, &call.args, next),
                _ => None,
            },
            _ => None,
        }
    }

    fn call_source(&self, callee: &Expr, args: &[ExprOrSpread], depth: usize) -> Option<Source> {
        let argument = |index: usize| args.get(index).filter(|arg| arg.spread.is_none());
        match strip(callee) {
            Expr::Ident(name) => {
                let parser = match &*name.sym {
                    "Number" => Parser::Number,
                    "parseFloat" => Parser::ParseFloat,
                    "parseInt" => parse_int(argument(1))?,
                    _ => return None,
                };
                if args.len() > 2 {
                    return None;
                }
                parsed(self.source_at(&argument(0)?.expr, depth)?, parser)
            }
            Expr::Member(member) => {
                let method = member_key(&member.prop)?;
                if let Expr::Ident(object) = strip(&member.obj)
                    && &*object.sym == "Number"
                {
                    let parser = match method.as_str() {
                        "parseInt" => parse_int(argument(1))?,
                        "parseFloat" => Parser::ParseFloat,
                        _ => return None,
                    };
                    return parsed(self.source_at(&argument(0)?.expr, depth)?, parser);
                }
                if method == "trim" && args.is_empty() {
                    let Source::Value(value) = self.source_at(&member.obj, depth)? else {
                        return None;
                    };
                    return (value.transform == Transform::Itself).then_some(Source::Value(
                        Derived {
                            transform: Transform::Trim,
                            ..value
                        },
                    ));
                }
                None
            }
            _ => None,
        }
    }

    /// The member `key` of what `of` stands for.
    fn member_source(&self, of: Source, key: &str) -> Option<Source> {
        let value = |input| {
            Some(Source::Value(Derived {
                input,
                fallback: Fallback::None,
                transform: Transform::Itself,
            }))
        };
        match of {
            Source::Request => match key {
                "path_params" => Some(Source::Params(ParamGroup::Path)),
                "query_params" => Some(Source::Params(ParamGroup::Query)),
                "body" => Some(Source::Body),
                _ => None,
            },
            Source::Params(ParamGroup::Path) => value(Input::Path(key.to_string())),
            Source::Params(ParamGroup::Query) => value(Input::Query(key.to_string())),
            Source::Body => value(Input::BodyField(key.to_string())),
            Source::Value(derived) if key == "length" => {
                let transform = match derived.transform {
                    Transform::Itself => Transform::Length,
                    Transform::Trim => Transform::TrimmedLength,
                    _ => return None,
                };
                Some(Source::Value(Derived {
                    transform,
                    ..derived
                }))
            }
            Source::Value(_) => None,
        }
    }

    /// The value of a literal (or of a module constant holding one).
    pub(crate) fn literal(&self, expr: &Expr) -> Option<JsValue> {
        match strip(expr) {
            Expr::Lit(Lit::Str(text)) => {
                Some(JsValue::Text(text.value.to_atom_lossy().to_string()))
            }
            Expr::Lit(Lit::Num(number)) => Some(JsValue::Number(number.value)),
            Expr::Lit(Lit::Bool(flag)) => Some(JsValue::Bool(flag.value)),
            Expr::Lit(Lit::Null(_)) => Some(JsValue::Null),
            Expr::Ident(name) if &*name.sym == "undefined" => Some(JsValue::Undefined),
            Expr::Unary(UnaryExpr {
                op: UnaryOp::Minus,
                arg,
                ..
            }) => match self.literal(arg)? {
                JsValue::Number(number) => Some(JsValue::Number(-number)),
                _ => None,
            },
            Expr::Tpl(template) if template.exprs.is_empty() => template
                .quasis
                .first()
                .and_then(|quasi| quasi.cooked.as_ref())
                .map(|cooked| JsValue::Text(cooked.to_atom_lossy().to_string())),
            Expr::Ident(name) => self.constant(&name.sym).and_then(|init| {
                // One level: a constant naming another constant is not followed.
                matches!(strip(&init), Expr::Lit(_) | Expr::Unary(_))
                    .then(|| self.literal(&init))
                    .flatten()
            }),
            _ => None,
        }
    }

    /// The literals of an array literal (or of a module constant holding one).
    pub(crate) fn literal_list(&self, expr: &Expr) -> Option<Vec<JsValue>> {
        let array = match strip(expr) {
            Expr::Array(array) => array.clone(),
            Expr::Ident(name) => match self.constant(&name.sym)? {
                Expr::Array(array) => array,
                _ => return None,
            },
            _ => return None,
        };
        array
            .elems
            .iter()
            .map(|element| match element {
                Some(ExprOrSpread { spread: None, expr }) => self.literal(expr),
                _ => None,
            })
            .collect()
    }

    /// A module constant, or a handler constant bound to an expression, never reassigned.
    fn constant(&self, name: &str) -> Option<Expr> {
        if self.reassigned.contains(name) {
            return None;
        }
        match self.bound.get(name) {
            Some(Binding::Expr(init)) => Some(init.clone()),
            Some(_) => None,
            None => self.module_constants.get(name).cloned(),
        }
    }
}

/// Records every declaration and reassignment in a handler's body.
struct Declarations<'a> {
    names: &'a mut Names,
}

impl Visit for Declarations<'_> {
    fn visit_var_declarator(&mut self, declarator: &VarDeclarator) {
        if let Some(init) = &declarator.init {
            self.names.bind_pattern(&declarator.name, init);
        } else if let Pat::Ident(name) = &declarator.name {
            self.names
                .bound
                .insert(name.id.sym.to_string(), Binding::Ambiguous);
        }
        declarator.visit_children_with(self);
    }

    fn visit_assign_expr(&mut self, assign: &AssignExpr) {
        if let AssignTarget::Simple(SimpleAssignTarget::Ident(name)) = &assign.left {
            self.names.reassigned.insert(name.id.sym.to_string());
        }
        // Destructuring assignments (`({ a } = x)`) reassign too.
        if let AssignTarget::Pat(pattern) = &assign.left {
            let mut names = Vec::new();
            collect_pattern_names(pattern, &mut names);
            self.names.reassigned.extend(names);
        }
        assign.visit_children_with(self);
    }

    fn visit_update_expr(&mut self, update: &UpdateExpr) {
        if let Expr::Ident(name) = &*update.arg {
            self.names.reassigned.insert(name.sym.to_string());
        }
        update.visit_children_with(self);
    }

    fn visit_param(&mut self, param: &Param) {
        // A nested function's parameter shadows a handler name.
        if let Pat::Ident(name) = &param.pat {
            self.names
                .bound
                .insert(name.id.sym.to_string(), Binding::Ambiguous);
        }
    }
}

fn collect_pattern_names(pattern: &AssignTargetPat, out: &mut Vec<String>) {
    struct Finder<'a>(&'a mut Vec<String>);
    impl Visit for Finder<'_> {
        fn visit_binding_ident(&mut self, name: &BindingIdent) {
            self.0.push(name.id.sym.to_string());
        }
        fn visit_assign_pat_prop(&mut self, prop: &AssignPatProp) {
            self.0.push(prop.key.sym.to_string());
        }
    }
    pattern.visit_with(&mut Finder(out));
}

/// Every input a handler reads, in the order first read.
pub(crate) fn inputs_read(names: &Names, function: &HandlerFn) -> Vec<Input> {
    struct Reads<'a> {
        names: &'a Names,
        found: Vec<Input>,
    }
    impl Reads<'_> {
        fn note(&mut self, source: Option<Source>) {
            if let Some(Source::Value(value)) = source
                && !self.found.contains(&value.input)
            {
                self.found.push(value.input);
            }
        }
    }
    impl Visit for Reads<'_> {
        fn visit_member_expr(&mut self, member: &MemberExpr) {
            self.note(self.names.source(&Expr::Member(member.clone())));
            member.visit_children_with(self);
        }
        fn visit_opt_chain_expr(&mut self, chain: &OptChainExpr) {
            self.note(self.names.source(&Expr::OptChain(chain.clone())));
            chain.visit_children_with(self);
        }
        fn visit_ident(&mut self, name: &Ident) {
            self.note(self.names.source(&Expr::Ident(name.clone())));
        }
    }
    let mut reads = Reads {
        names,
        found: Vec::new(),
    };
    match function {
        HandlerFn::Function(function) => function.body.visit_with(&mut reads),
        HandlerFn::Arrow(arrow) => arrow.body.visit_with(&mut reads),
    }
    reads.found
}

fn with_fallback(source: Source, fallback: Fallback) -> Option<Source> {
    match source {
        Source::Value(value)
            if value.fallback == Fallback::None && value.transform == Transform::Itself =>
        {
            Some(Source::Value(Derived { fallback, ..value }))
        }
        _ => None,
    }
}

fn parsed(source: Source, parser: Parser) -> Option<Source> {
    match source {
        Source::Value(value) if value.transform == Transform::Itself => {
            Some(Source::Value(Derived {
                transform: Transform::Parse(parser),
                ..value
            }))
        }
        _ => None,
    }
}

/// `parseInt`'s radix argument: none (hexadecimal prefixes count) or 10.
fn parse_int(radix: Option<&ExprOrSpread>) -> Option<Parser> {
    match radix.map(|radix| strip(&radix.expr)) {
        None => Some(Parser::ParseInt { hex: true }),
        Some(Expr::Lit(Lit::Num(number))) if number.value == 10.0 => {
            Some(Parser::ParseInt { hex: false })
        }
        _ => None,
    }
}

fn member_key(prop: &MemberProp) -> Option<String> {
    match prop {
        MemberProp::Ident(name) => Some(name.sym.to_string()),
        MemberProp::Computed(ComputedPropName { expr, .. }) => match strip(expr) {
            Expr::Lit(Lit::Str(text)) => Some(text.value.to_atom_lossy().to_string()),
            _ => None,
        },
        MemberProp::PrivateName(_) => None,
    }
}

fn member_expr(of: &Expr, key: &str) -> Expr {
    Expr::Member(MemberExpr {
        span: Default::default(),
        obj: Box::new(of.clone()),
        prop: MemberProp::Computed(ComputedPropName {
            span: Default::default(),
            expr: Box::new(Expr::Lit(Lit::Str(Str {
                span: Default::default(),
                value: key.into(),
                raw: None,
            }))),
        }),
    })
}

fn is_empty_object(expr: &Expr) -> bool {
    matches!(strip(expr), Expr::Object(object) if object.props.is_empty())
}

/// A private name standing for the request (no JavaScript name can be `#request`).
fn request_marker() -> Expr {
    Expr::Ident(Ident::new_no_ctxt("#request".into(), Default::default()))
}

fn is_request_marker(expr: &Expr) -> bool {
    matches!(expr, Expr::Ident(name) if &*name.sym == "#request")
}
