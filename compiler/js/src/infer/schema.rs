//! JSON Schemas of JavaScript expressions, as far as they can be known without running them.
//!
//! ```text
//! { id, total: list.length, at: new Date().toISOString(), tags: ["a"], x: a.b }
//!   ──▶ {"type":"object","properties":{"id":{},"total":{"type":"integer","minimum":0},
//!        "at":{"type":"string","format":"date-time"},"tags":{"type":"array","items":{"type":"string"}},
//!        "x":{}},"required":["total","at","tags"]}
//! ```
//!
//! A property is `required` only when its value cannot be `undefined` (JSON.stringify drops
//! undefined members). Arithmetic is `number` or `null`, because NaN and Infinity serialize as
//! `null`. Anything unknown is `{}`.

use std::collections::HashMap;

use serde_json::{Map, Value, json};
use swc_core::ecma::ast::*;

use super::handlers::{HandlerFn, local_function};
use super::{InferredBody, strip};

/// Deeper than this, expressions are not followed (bindings referring to bindings…).
const MAX_DEPTH: usize = 12;

/// Inference state for one handler: the module and the bindings in scope.
pub(crate) struct Inference<'m> {
    module: &'m Module,
    /// `const`/`let` bindings initialised once, by name.
    bindings: HashMap<String, Expr>,
    /// The handler's first parameter (`req`), when it is a plain name.
    request: Option<String>,
}

/// A schema and whether the value may be `undefined`.
struct Typed {
    schema: Value,
    maybe_undefined: bool,
}

impl Typed {
    fn known(schema: Value) -> Typed {
        Typed {
            schema,
            maybe_undefined: false,
        }
    }

    fn unknown() -> Typed {
        Typed {
            schema: json!({}),
            maybe_undefined: true,
        }
    }
}

impl<'m> Inference<'m> {
    pub(crate) fn new(module: &'m Module) -> Self {
        let mut bindings = HashMap::new();
        for item in &module.body {
            if let ModuleItem::Stmt(Stmt::Decl(Decl::Var(var))) = item {
                collect_declarators(var, &mut bindings);
            }
        }
        Inference {
            module,
            bindings,
            request: None,
        }
    }

    /// Starts reading `function`: its first parameter is `req`, its bindings are in scope.
    pub(crate) fn enter(&mut self, function: &HandlerFn) {
        if self.request.is_none()
            && let Some(Pat::Ident(binding)) = function.params().first()
        {
            self.request = Some(binding.id.sym.to_string());
        }
        let stmts: &[Stmt] = match function {
            HandlerFn::Function(function) => function.body.as_ref().map_or(&[], |body| &body.stmts),
            HandlerFn::Arrow(arrow) => match &*arrow.body {
                ArrowFunctionBody::FunctionBody(block) => &block.stmts,
                ArrowFunctionBody::Expr(_) => &[],
            },
        };
        for stmt in stmts {
            if let Stmt::Decl(Decl::Var(var)) = stmt {
                collect_declarators(var, &mut self.bindings);
            }
        }
    }

    /// The module's own function a call targets (`notFound(id)`), if any.
    pub(crate) fn local_function(&self, call: &CallExpr) -> Option<HandlerFn> {
        let Callee::Expr(callee) = &call.callee else {
            return None;
        };
        let Expr::Ident(name) = strip(callee) else {
            return None;
        };
        local_function(self.module, &name.sym)
    }

    /// What a response body expression sends.
    pub(crate) fn body(&mut self, expr: &Expr) -> InferredBody {
        let typed = self.typed(expr, 0);
        match typed.schema.get("type").and_then(Value::as_str) {
            Some("string") if !typed.maybe_undefined => InferredBody::Text,
            Some("null") => InferredBody::Empty,
            _ if is_undefined(expr) => InferredBody::Empty,
            _ => InferredBody::Json(typed.schema),
        }
    }

    fn typed(&mut self, expr: &Expr, depth: usize) -> Typed {
        if depth > MAX_DEPTH {
            return Typed::unknown();
        }
        let next = depth + 1;
        match strip(expr) {
            Expr::Lit(Lit::Str(_)) | Expr::Tpl(_) => Typed::known(json!({ "type": "string" })),
            Expr::Lit(Lit::Num(number)) if number.value.fract() == 0.0 => {
                Typed::known(json!({ "type": "integer" }))
            }
            Expr::Lit(Lit::Num(_)) => Typed::known(json!({ "type": "number" })),
            Expr::Lit(Lit::Bool(_)) => Typed::known(json!({ "type": "boolean" })),
            Expr::Lit(Lit::Null(_)) => Typed::known(json!({ "type": "null" })),
            Expr::Ident(name) if name.sym == "undefined" => Typed::unknown(),
            Expr::Ident(name) => match self.bindings.get(&*name.sym).cloned() {
                Some(init) => self.typed(&init, next),
                None => Typed::unknown(),
            },
            Expr::Object(object) => Typed::known(self.object(object, next)),
            Expr::Array(array) => {
                let mut items: Option<Value> = None;
                for element in array.elems.iter().flatten() {
                    let schema = if element.spread.is_some() {
                        json!({})
                    } else {
                        self.typed(&element.expr, next).schema
                    };
                    items = Some(match items {
                        None => schema,
                        Some(previous) => any_of(&previous, &schema),
                    });
                }
                let mut schema = json!({ "type": "array" });
                if let Some(items) = items {
                    schema["items"] = items;
                }
                Typed::known(schema)
            }
            Expr::Unary(unary) => Typed::known(match unary.op {
                UnaryOp::Bang | UnaryOp::Delete => json!({ "type": "boolean" }),
                UnaryOp::TypeOf => json!({ "type": "string" }),
                UnaryOp::Void => return Typed::unknown(),
                UnaryOp::Minus | UnaryOp::Plus => arithmetic(),
                UnaryOp::Tilde => json!({ "type": "integer" }),
            }),
            Expr::Bin(binary) => self.binary(binary, next),
            Expr::Cond(cond) => {
                let cons = self.typed(&cond.cons, next);
                let alt = self.typed(&cond.alt, next);
                Typed {
                    schema: any_of(&cons.schema, &alt.schema),
                    maybe_undefined: cons.maybe_undefined || alt.maybe_undefined,
                }
            }
            Expr::Await(AwaitExpr { arg, .. }) => self.typed(arg, next),
            Expr::Member(member) => self.member(member, next),
            Expr::Call(call) => self.call(call, next),
            Expr::New(new) => match &*new.callee {
                Expr::Ident(name) if name.sym == "Date" => {
                    Typed::known(json!({ "type": "string", "format": "date-time" }))
                }
                _ => Typed::unknown(),
            },
            _ => Typed::unknown(),
        }
    }

    fn object(&mut self, object: &ObjectLit, depth: usize) -> Value {
        let mut properties = Map::new();
        let mut required: Vec<String> = Vec::new();
        let mut open = false;
        for prop in &object.props {
            let (name, typed) = match prop {
                PropOrSpread::Spread(_) => {
                    // Spread members are unknown: keep what is written, allow the rest.
                    open = true;
                    continue;
                }
                PropOrSpread::Prop(prop) => match &**prop {
                    Prop::KeyValue(KeyValueProp { key, value }) => match prop_name(key) {
                        Some(name) => (name, self.typed(value, depth)),
                        None => {
                            open = true;
                            continue;
                        }
                    },
                    Prop::Shorthand(name) => {
                        let typed = self.typed(&Expr::Ident(name.clone()), depth);
                        (name.sym.to_string(), typed)
                    }
                    // Methods are dropped by JSON.stringify.
                    _ => continue,
                },
            };
            required.retain(|existing| *existing != name);
            if !typed.maybe_undefined {
                required.push(name.clone());
            }
            properties.insert(name, typed.schema);
        }
        let mut schema = json!({ "type": "object", "properties": properties });
        // Members after a spread are certain; members before one could be replaced by
        // `undefined` from the spread, so they are only required without spreads.
        if !required.is_empty() && !open {
            schema["required"] = json!(required);
        }
        schema
    }

    fn binary(&mut self, binary: &BinExpr, depth: usize) -> Typed {
        use BinaryOp::*;
        match binary.op {
            EqEq | NotEq | EqEqEq | NotEqEq | Lt | LtEq | Gt | GtEq | In | InstanceOf => {
                Typed::known(json!({ "type": "boolean" }))
            }
            // Integers stay integers under + - * (no NaN can arise); anything else may be
            // NaN or Infinity, which serialize as null.
            Sub | Mul => {
                let left = self.typed(&binary.left, depth);
                let right = self.typed(&binary.right, depth);
                if is_integer(&left.schema) && is_integer(&right.schema) {
                    Typed::known(json!({ "type": "integer" }))
                } else {
                    Typed::known(arithmetic())
                }
            }
            Div | Mod | Exp => Typed::known(arithmetic()),
            BitAnd | BitOr | BitXor | LShift | RShift | ZeroFillRShift => {
                Typed::known(json!({ "type": "integer" }))
            }
            Add => {
                let left = self.typed(&binary.left, depth);
                let right = self.typed(&binary.right, depth);
                let is = |typed: &Typed, name: &str| {
                    typed.schema.get("type").and_then(Value::as_str) == Some(name)
                };
                if is(&left, "string") || is(&right, "string") {
                    Typed::known(json!({ "type": "string" }))
                } else if is_integer(&left.schema) && is_integer(&right.schema) {
                    Typed::known(json!({ "type": "integer" }))
                } else if (is(&left, "integer") || is(&left, "number"))
                    && (is(&right, "integer") || is(&right, "number"))
                {
                    Typed::known(arithmetic())
                } else {
                    Typed::known(json!({}))
                }
            }
            LogicalOr | LogicalAnd | NullishCoalescing => {
                let left = self.typed(&binary.left, depth);
                let right = self.typed(&binary.right, depth);
                Typed {
                    schema: any_of(&left.schema, &right.schema),
                    maybe_undefined: right.maybe_undefined
                        || (binary.op == LogicalAnd && left.maybe_undefined),
                }
            }
        }
    }

    fn member(&mut self, member: &MemberExpr, depth: usize) -> Typed {
        let MemberProp::Ident(prop) = &member.prop else {
            return Typed::unknown();
        };
        let name = &*prop.sym;
        if name == "length" {
            return Typed::known(json!({ "type": "integer", "minimum": 0 }));
        }
        // `req.method`, `req.path`, `req.query_params.x`, …
        if let Expr::Ident(object) = strip(&member.obj)
            && Some(&*object.sym) == self.request.as_deref()
        {
            return match name {
                "method" | "path" => Typed::known(json!({ "type": "string" })),
                _ => Typed::unknown(),
            };
        }
        if let Expr::Member(inner) = strip(&member.obj)
            && let (Expr::Ident(object), MemberProp::Ident(group)) =
                (strip(&inner.obj), &inner.prop)
            && Some(&*object.sym) == self.request.as_deref()
            && ["query_params", "path_params", "headers"].contains(&&*group.sym)
        {
            return Typed {
                schema: json!({ "type": "string" }),
                maybe_undefined: &*group.sym != "path_params",
            };
        }
        let _ = depth;
        Typed::unknown()
    }

    fn call(&mut self, call: &CallExpr, depth: usize) -> Typed {
        let Callee::Expr(callee) = &call.callee else {
            return Typed::unknown();
        };
        match strip(callee) {
            Expr::Ident(name) => match &*name.sym {
                "String" => Typed::known(json!({ "type": "string" })),
                "Boolean" | "isNaN" | "isFinite" => Typed::known(json!({ "type": "boolean" })),
                "Number" | "parseInt" | "parseFloat" => Typed::known(arithmetic()),
                "encodeURIComponent" | "encodeURI" | "decodeURIComponent" | "decodeURI" => {
                    Typed::known(json!({ "type": "string" }))
                }
                _ => Typed::unknown(),
            },
            Expr::Member(member) => {
                let MemberProp::Ident(method) = &member.prop else {
                    return Typed::unknown();
                };
                let receiver = strip(&member.obj);
                if let Expr::Ident(object) = receiver {
                    match (&*object.sym, &*method.sym) {
                        ("Math", _) => return Typed::known(arithmetic()),
                        ("JSON", "stringify") => return Typed::unknown(),
                        ("Date", "now") => return Typed::known(json!({ "type": "integer" })),
                        ("Object", "keys") => {
                            return Typed::known(
                                json!({ "type": "array", "items": { "type": "string" } }),
                            );
                        }
                        ("Array", "isArray")
                        | ("Number", "isInteger" | "isFinite" | "isNaN" | "isSafeInteger") => {
                            return Typed::known(json!({ "type": "boolean" }));
                        }
                        _ => {}
                    }
                }
                self.method_call(receiver, &method.sym, call, depth)
            }
            _ => Typed::unknown(),
        }
    }

    fn method_call(
        &mut self,
        receiver: &Expr,
        method: &str,
        call: &CallExpr,
        depth: usize,
    ) -> Typed {
        match method {
            "toISOString" | "toJSON" => {
                Typed::known(json!({ "type": "string", "format": "date-time" }))
            }
            "toUpperCase" | "toLowerCase" | "trim" | "trimStart" | "trimEnd" | "padStart"
            | "padEnd" | "repeat" | "replace" | "replaceAll" | "charAt" | "substring"
            | "toFixed" | "toPrecision" | "toString" | "join" | "normalize" => {
                Typed::known(json!({ "type": "string" }))
            }
            "includes" | "startsWith" | "endsWith" | "some" | "every" | "test" | "has" => {
                Typed::known(json!({ "type": "boolean" }))
            }
            "indexOf" | "lastIndexOf" | "findIndex" | "findLastIndex" | "push" | "unshift"
            | "localeCompare" | "getTime" | "charCodeAt" => {
                Typed::known(json!({ "type": "integer" }))
            }
            "split" => Typed::known(json!({ "type": "array", "items": { "type": "string" } })),
            "map" | "flatMap" => {
                let items = call
                    .args
                    .first()
                    .and_then(|argument| self.returned_by(&argument.expr, depth))
                    .unwrap_or_else(|| json!({}));
                let items = if method == "flatMap" {
                    json!({})
                } else {
                    items
                };
                Typed::known(json!({ "type": "array", "items": items }))
            }
            "filter" | "slice" | "sort" | "reverse" | "concat" | "toSorted" | "toReversed" => {
                let receiver = self.typed(receiver, depth);
                match receiver.schema.get("type").and_then(Value::as_str) {
                    Some("array") => Typed::known(receiver.schema),
                    Some("string") if method == "slice" || method == "concat" => {
                        Typed::known(json!({ "type": "string" }))
                    }
                    _ => Typed::unknown(),
                }
            }
            _ => Typed::unknown(),
        }
    }

    /// The schema of what a callback returns (`(x) => ({ … })`).
    fn returned_by(&mut self, callback: &Expr, depth: usize) -> Option<Value> {
        match strip(callback) {
            Expr::Arrow(arrow) => match &*arrow.body {
                ArrowFunctionBody::Expr(expr) => Some(self.typed(expr, depth).schema),
                ArrowFunctionBody::FunctionBody(block) => {
                    let returns: Vec<&Expr> = block
                        .stmts
                        .iter()
                        .filter_map(|stmt| match stmt {
                            Stmt::Return(ReturnStmt { arg: Some(arg), .. }) => Some(&**arg),
                            _ => None,
                        })
                        .collect();
                    // Only a body that is straight-line up to one final return is understood.
                    let [only] = returns.as_slice() else {
                        return None;
                    };
                    for stmt in &block.stmts {
                        if let Stmt::Decl(Decl::Var(var)) = stmt {
                            collect_declarators(var, &mut self.bindings);
                        }
                    }
                    Some(self.typed(only, depth).schema)
                }
            },
            _ => None,
        }
    }
}

/// Numbers from arithmetic: NaN and ±Infinity become `null` in JSON.
fn arithmetic() -> Value {
    json!({ "type": ["number", "null"] })
}

fn is_integer(schema: &Value) -> bool {
    schema.get("type").and_then(Value::as_str) == Some("integer")
}

fn is_undefined(expr: &Expr) -> bool {
    matches!(strip(expr), Expr::Ident(name) if name.sym == "undefined")
}

fn collect_declarators(var: &VarDecl, bindings: &mut HashMap<String, Expr>) {
    for declarator in &var.decls {
        if let (Pat::Ident(binding), Some(init)) = (&declarator.name, &declarator.init) {
            // A name bound twice (shadowing in another block) is not followed.
            if bindings
                .insert(binding.id.sym.to_string(), (**init).clone())
                .is_some()
            {
                bindings.insert(
                    binding.id.sym.to_string(),
                    Expr::Invalid(Invalid {
                        span: Default::default(),
                    }),
                );
            }
        }
    }
}

/// The name of a literal property key.
pub(crate) fn prop_name(name: &PropName) -> Option<String> {
    match name {
        PropName::Ident(ident) => Some(ident.sym.to_string()),
        PropName::Str(text) => Some(text.value.to_atom_lossy().to_string()),
        PropName::Num(number) => Some(number.value.to_string()),
        _ => None,
    }
}

/// A schema accepting what either accepts; an open schema absorbs everything.
pub(crate) fn any_of(a: &Value, b: &Value) -> Value {
    let open = |schema: &Value| schema.as_object().is_some_and(Map::is_empty);
    if a == b {
        return a.clone();
    }
    if open(a) || open(b) {
        return json!({});
    }
    let mut branches: Vec<Value> = Vec::new();
    for schema in [a, b] {
        match schema.get("anyOf").and_then(Value::as_array) {
            Some(inner) => branches.extend(inner.iter().cloned()),
            None => branches.push(schema.clone()),
        }
    }
    let mut unique: Vec<Value> = Vec::new();
    for branch in branches {
        if !unique.contains(&branch) {
            unique.push(branch);
        }
    }
    json!({ "anyOf": unique })
}

/// Whether a value of this schema might be an object with `status`, `headers` or `body`.
pub(crate) fn may_be_response(schema: &Value) -> bool {
    match schema.get("type").and_then(Value::as_str) {
        None => match schema.get("anyOf").and_then(Value::as_array) {
            Some(branches) => branches.iter().any(may_be_response),
            None => true,
        },
        Some("object") => schema
            .get("properties")
            .and_then(Value::as_object)
            .is_some_and(|properties| {
                ["status", "headers", "body"]
                    .iter()
                    .any(|key| properties.contains_key(*key))
            }),
        Some(_) => false,
    }
}
