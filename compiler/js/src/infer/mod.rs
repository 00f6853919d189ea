//! Response inference: what each exported handler can answer, read from its `return`
//! statements, for the OpenAPI document of endpoints that declare no responses.
//!
//! ```text
//! export function GET(req) {                              GET:
//!   if (!post) return { status: 404, body: { error: "not_found", message: `…` } };
//!   return { body: { id: post.id, total: list.length } };   404 → {error: string, message: string}
//! }                                                        200 → {id: {}, total: integer ≥ 0}
//! ```
//!
//! Inference is honest rather than clever: a value it cannot know is an open schema (`{}`), and
//! a `return` whose status it cannot know makes the export [`ExportResponses::complete`] false.

pub(crate) mod handlers;
pub(crate) mod requests;
pub(crate) mod schema;

use serde_json::Value;
use swc_core::ecma::ast::*;

use crate::{ExportKind, HandlerSource};
use handlers::{HandlerFn, find_handlers};
use schema::Inference;

pub(crate) use schema::any_of;

/// What one export of a handler module can answer.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportResponses {
    /// The export (default handler or per-method).
    pub kind: ExportKind,
    /// Every response found, one per status (bodies of the same status merged with `anyOf`).
    pub responses: Vec<InferredResponse>,
    /// False when some `return` has a status that could not be determined.
    pub complete: bool,
}

/// One status a handler can answer, and its body.
#[derive(Debug, Clone, PartialEq)]
pub struct InferredResponse {
    /// The HTTP status.
    pub status: u16,
    /// The body.
    pub body: InferredBody,
}

/// A response body's kind.
#[derive(Debug, Clone, PartialEq)]
pub enum InferredBody {
    /// JSON, with the JSON Schema inferred for it.
    Json(Value),
    /// A string body (sent as `text/plain`).
    Text,
    /// No body.
    Empty,
    /// Either a string (as `text/plain`) or JSON of the schema, depending on the path taken.
    TextOrJson(Value),
}

/// Infers the responses of every handler `handler` exports. A module that does not parse
/// yields nothing (its diagnostics come from compiling it).
pub fn infer_responses(handler: &HandlerSource) -> Vec<ExportResponses> {
    let Ok(parsed) = crate::parse::parse(handler.source, &handler.text, handler.language) else {
        return Vec::new();
    };
    let module = &parsed.module;
    find_handlers(module)
        .into_iter()
        .map(|(kind, function)| {
            let mut inference = Inference::new(module);
            let mut collected = Collected::default();
            collect_function(&mut inference, &function, &mut collected, 0);
            let complete = collected.complete;
            ExportResponses {
                kind,
                responses: collected.merged(),
                complete,
            }
        })
        .collect()
}

/// Every status a statement can answer, read as its responses are; `None` when a `return`'s
/// status cannot be known. `function` is the handler the statement belongs to.
pub(crate) fn statuses_of(module: &Module, function: &HandlerFn, stmt: &Stmt) -> Option<Vec<u16>> {
    let mut inference = Inference::new(module);
    inference.enter(function);
    let mut collected = Collected::default();
    collect_stmt(&mut inference, stmt, &mut collected, 0);
    collected.complete.then(|| {
        collected
            .responses
            .iter()
            .map(|(status, _)| *status)
            .collect()
    })
}

/// Responses gathered from `return`s before merging.
struct Collected {
    responses: Vec<(u16, InferredBody)>,
    complete: bool,
}

impl Default for Collected {
    fn default() -> Self {
        Collected {
            responses: Vec::new(),
            complete: true,
        }
    }
}

impl Collected {
    fn merged(self) -> Vec<InferredResponse> {
        let mut merged: Vec<InferredResponse> = Vec::new();
        for (status, body) in self.responses {
            match merged.iter_mut().find(|response| response.status == status) {
                None => merged.push(InferredResponse { status, body }),
                Some(existing) => existing.body = merge_bodies(&existing.body, &body),
            }
        }
        merged.sort_by_key(|response| response.status);
        merged
    }
}

fn merge_bodies(a: &InferredBody, b: &InferredBody) -> InferredBody {
    use InferredBody::*;
    match (a, b) {
        (x, y) if x == y => x.clone(),
        (Json(x), Json(y)) => Json(schema::any_of(x, y)),
        (Text, Json(schema)) | (Json(schema), Text) => TextOrJson(schema.clone()),
        (TextOrJson(x), Json(y)) | (Json(x), TextOrJson(y)) | (TextOrJson(x), TextOrJson(y)) => {
            TextOrJson(schema::any_of(x, y))
        }
        (TextOrJson(schema), Text) | (Text, TextOrJson(schema)) => TextOrJson(schema.clone()),
        // A body on one path and none on another: describe the body and leave it optional.
        (Empty, other) | (other, Empty) => other.clone(),
        (Text, Text) => Text,
    }
}

/// How deep calls to the module's own helpers are followed (`return notFound(id)`).
const MAX_CALL_DEPTH: usize = 4;

fn collect_function(
    inference: &mut Inference,
    function: &HandlerFn,
    out: &mut Collected,
    depth: usize,
) {
    inference.enter(function);
    match function {
        HandlerFn::Function(function) => {
            if let Some(body) = &function.body {
                collect_stmts(inference, &body.stmts, out, depth);
            }
        }
        HandlerFn::Arrow(arrow) => match &*arrow.body {
            ArrowFunctionBody::FunctionBody(block) => {
                collect_stmts(inference, &block.stmts, out, depth)
            }
            ArrowFunctionBody::Expr(expr) => collect_returned(inference, expr, out, depth),
        },
    }
}

fn collect_stmts(inference: &mut Inference, stmts: &[Stmt], out: &mut Collected, depth: usize) {
    for stmt in stmts {
        collect_stmt(inference, stmt, out, depth);
    }
}

/// Finds `return`s in a statement, not descending into nested functions.
fn collect_stmt(inference: &mut Inference, stmt: &Stmt, out: &mut Collected, depth: usize) {
    match stmt {
        Stmt::Return(ReturnStmt { arg, .. }) => match arg {
            Some(expr) => collect_returned(inference, expr, out, depth),
            None => out.responses.push((200, InferredBody::Empty)),
        },
        Stmt::Block(block) => collect_stmts(inference, &block.stmts, out, depth),
        Stmt::If(stmt) => {
            collect_stmt(inference, &stmt.cons, out, depth);
            if let Some(alt) = &stmt.alt {
                collect_stmt(inference, alt, out, depth);
            }
        }
        Stmt::For(ForStmt { body, .. })
        | Stmt::ForOf(ForOfStmt { body, .. })
        | Stmt::ForIn(ForInStmt { body, .. })
        | Stmt::While(WhileStmt { body, .. })
        | Stmt::DoWhile(DoWhileStmt { body, .. })
        | Stmt::Labeled(LabeledStmt { body, .. }) => collect_stmt(inference, body, out, depth),
        Stmt::Switch(switch) => {
            for case in &switch.cases {
                collect_stmts(inference, &case.cons, out, depth);
            }
        }
        Stmt::Try(stmt) => {
            collect_stmts(inference, &stmt.block.stmts, out, depth);
            if let Some(handler) = &stmt.handler {
                collect_stmts(inference, &handler.body.stmts, out, depth);
            }
            if let Some(finalizer) = &stmt.finalizer {
                collect_stmts(inference, &finalizer.stmts, out, depth);
            }
        }
        _ => {}
    }
}

/// Interprets a returned expression as a response.
fn collect_returned(inference: &mut Inference, expr: &Expr, out: &mut Collected, depth: usize) {
    match strip(expr) {
        Expr::Cond(cond) => {
            collect_returned(inference, &cond.cons, out, depth);
            collect_returned(inference, &cond.alt, out, depth);
        }
        Expr::Await(AwaitExpr { arg, .. }) => collect_returned(inference, arg, out, depth),
        Expr::Object(object) if is_response_literal(object) => {
            let status = match object_field(object, "status") {
                None => Some(200),
                Some(value) => literal_status(value),
            };
            let Some(status) = status else {
                out.complete = false;
                return;
            };
            let body = match object_field(object, "body") {
                None => InferredBody::Empty,
                Some(value) => inference.body(value),
            };
            out.responses.push((status, body));
        }
        Expr::Call(call) if depth < MAX_CALL_DEPTH => match inference.local_function(call) {
            Some(function) => collect_function(inference, &function, out, depth + 1),
            None => collect_value(inference, expr, out),
        },
        _ => collect_value(inference, expr, out),
    }
}

/// A returned value that is not a response literal: the body of a 200 — unless it might itself
/// be a response object, which inference cannot tell.
fn collect_value(inference: &mut Inference, expr: &Expr, out: &mut Collected) {
    match inference.body(expr) {
        InferredBody::Json(schema) if schema::may_be_response(&schema) => out.complete = false,
        body => out.responses.push((200, body)),
    }
}

/// An object literal with a `status`, `headers` or `body` key is a response, as the bridge
/// decides at run time.
fn is_response_literal(object: &ObjectLit) -> bool {
    ["status", "headers", "body"]
        .iter()
        .any(|key| object_field(object, key).is_some())
        || object.props.iter().any(|prop| match prop {
            PropOrSpread::Prop(prop) => matches!(&**prop, Prop::Shorthand(name) if ["status", "headers", "body"].contains(&&*name.sym)),
            PropOrSpread::Spread(_) => false,
        })
}

/// The value written for `key` in an object literal (`key: value` or shorthand `key`).
fn object_field<'a>(object: &'a ObjectLit, key: &str) -> Option<&'a Expr> {
    object.props.iter().rev().find_map(|prop| match prop {
        PropOrSpread::Prop(prop) => match &**prop {
            Prop::KeyValue(KeyValueProp { key: name, value })
                if schema::prop_name(name).as_deref() == Some(key) =>
            {
                Some(&**value)
            }
            _ => None,
        },
        PropOrSpread::Spread(_) => None,
    })
}

fn literal_status(expr: &Expr) -> Option<u16> {
    match strip(expr) {
        Expr::Lit(Lit::Num(number))
            if number.value.fract() == 0.0 && (100.0..=599.0).contains(&number.value) =>
        {
            Some(number.value as u16)
        }
        _ => None,
    }
}

/// Looks through parentheses and TypeScript-only wrappers.
pub(crate) fn strip(expr: &Expr) -> &Expr {
    match expr {
        Expr::Paren(ParenExpr { expr, .. }) => strip(expr),
        Expr::TsAs(TsAsExpr { expr, .. })
        | Expr::TsNonNull(TsNonNullExpr { expr, .. })
        | Expr::TsConstAssertion(TsConstAssertion { expr, .. })
        | Expr::TsSatisfies(TsSatisfiesExpr { expr, .. }) => strip(expr),
        other => other,
    }
}
