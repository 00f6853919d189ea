//! Request inference: the parameters and body members each handler export reads, and what its
//! early refusals require of them, as JSON Schemas for the OpenAPI document of endpoints whose
//! blueprint and annotations leave them undescribed.
//!
//! ```text
//! export function POST(req) {                          POST:
//!   const { title, status } = req.body ?? {};            body (required): {"type":"object",
//!   if (!title) return { status: 400, … };                 "properties":{"title":{"not":{"enum":[null,false,0,""]}},
//!   if (!["open","done"].includes(status))                              "status":{"enum":["open","done"]}},
//!     return { status: 422, … };                           "required":["title","status"]}
//!   …
//! ```
//!
//! `reads.rs` follows the request through local names, `guards.rs` reads the refusals made
//! before anything else, `accepted.rs` turns them into schemas and `number_text.rs` writes the
//! patterns of numbers parsed from text. Everything it cannot read is left open: an inferred
//! schema never admits a value the handler refuses, and the handler's own refusal (documented
//! by response inference) stays the answer — the server does not enforce these.

mod accepted;
mod guards;
mod number_text;
mod reads;

use backworks_ir::{
    ExportInputs, HandlerInputs, InferredParameter, InferredRequestBody, Method, ParamLocation,
    Service,
};
use serde_json::{Map, Value, json};
use swc_core::ecma::ast::*;

use super::handlers::{HandlerFn, find_handlers};
use crate::{ExportKind, HandlerSource};
use accepted::{Accepted, Input};

/// Fills in the inferred inputs of every handler module of `service`; `handlers` are the
/// modules' sources, in the order of `service.handlers`.
pub fn infer_inputs(service: &mut Service, handlers: &[HandlerSource]) {
    for (module, source) in service.handlers.iter_mut().zip(handlers) {
        module.inputs = handler_inputs(source);
    }
}

/// Infers what each export of one handler module reads and requires. A module that does not
/// parse yields nothing.
pub fn handler_inputs(handler: &HandlerSource) -> HandlerInputs {
    let Ok(parsed) = crate::parse::parse(handler.source, &handler.text, handler.language) else {
        return HandlerInputs::default();
    };
    let module = &parsed.module;
    let exports = find_handlers(module)
        .into_iter()
        .map(|(kind, function)| export_inputs(module, kind, &function))
        .collect();
    HandlerInputs { exports }
}

fn export_inputs(module: &Module, kind: ExportKind, function: &HandlerFn) -> ExportInputs {
    let names = reads::Names::new(module, function);
    let read = reads::inputs_read(&names, function);
    let stmts: &[Stmt] = match function {
        HandlerFn::Function(function) => function.body.as_ref().map_or(&[], |body| &body.stmts),
        HandlerFn::Arrow(arrow) => match &*arrow.body {
            ArrowFunctionBody::FunctionBody(block) => &block.stmts,
            ArrowFunctionBody::Expr(_) => &[],
        },
    };
    let mut statuses = |stmt: &Stmt| super::statuses_of(module, function, stmt);
    let constraints = guards::early_refusals(&names, stmts, &mut statuses);
    let accepted_of = |input: &Input| {
        constraints
            .iter()
            .find(|(constrained, _)| constrained == input)
            .map(|(_, accepted)| accepted)
    };

    let mut parameters = Vec::new();
    let mut properties = Map::new();
    let mut required_members: Vec<String> = Vec::new();
    let mut body_read = false;
    for input in &read {
        let accepted = accepted_of(input);
        match input {
            Input::Path(name) | Input::Query(name) => {
                let location = match input {
                    Input::Path(_) => ParamLocation::Path,
                    _ => ParamLocation::Query,
                };
                parameters.push(InferredParameter {
                    name: name.clone(),
                    location,
                    required: location == ParamLocation::Path
                        || accepted.is_some_and(|accepted| !accepted.absent_accepted()),
                    schema: parameter_schema(input, accepted),
                });
            }
            Input::BodyField(name) => {
                body_read = true;
                let schema = accepted.map_or_else(|| json!({}), |found| found.schema(input));
                if accepted.is_some_and(|accepted| !accepted.absent_accepted()) {
                    required_members.push(name.clone());
                }
                properties.insert(name.clone(), schema);
            }
            Input::Body => {}
        }
    }

    // The body itself: its members, and what the handler requires of it as a whole.
    let whole = accepted_of(&Input::Body);
    let body = (body_read || whole.is_some()).then(|| {
        let mut schema = Map::new();
        // A missing member of a non-object body reads as `undefined` too (or throws): a body
        // with a required member is an object.
        if required_members.iter().any(|name| name != "length") {
            schema.insert("type".into(), json!("object"));
        }
        if !properties.is_empty() {
            schema.insert("properties".into(), Value::Object(properties));
        }
        if !required_members.is_empty() {
            schema.insert("required".into(), json!(required_members));
        }
        let mut parts = vec![Value::Object(schema)];
        if let Some(whole) = whole {
            parts.push(whole.schema(&Input::Body));
        }
        InferredRequestBody {
            schema: accepted::merge(parts),
            required: !required_members.is_empty()
                || whole.is_some_and(|whole| !whole.absent_accepted()),
        }
    });

    ExportInputs {
        method: match kind {
            ExportKind::Default => None,
            ExportKind::Method(name) => Method::parse(&name),
        },
        parameters,
        body,
    }
}

/// A parameter's schema: text, narrowed by what the handler accepts.
fn parameter_schema(input: &Input, accepted: Option<&Accepted>) -> Value {
    let mut schema = Map::new();
    schema.insert("type".into(), json!("string"));
    if let Some(Value::Object(narrowed)) = accepted.map(|accepted| accepted.schema(input)) {
        for (key, value) in narrowed {
            if key != "type" {
                schema.insert(key, value);
            }
        }
    }
    Value::Object(schema)
}

/// Whole numbers print without a fraction (`1`, not `1.0`).
pub(crate) fn json_number(value: f64) -> Value {
    if value.fract() == 0.0 && value.abs() < 9.0e15 {
        json!(value as i64)
    } else {
        json!(value)
    }
}
