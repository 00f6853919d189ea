//! What a TypeScript handler's type annotations declare, as JSON Schemas: the request body of
//! a typed request parameter and the responses of a declared return type.
//!
//! ```text
//! interface NewNote { title: string; tags?: string[] }
//! export function POST(req: Request<NewNote>): { status: 201; body: Note } {…}
//!   ──▶ ExportTypes { method: Some(POST),
//!                     request_body: Some({"type":"object","properties":{…},"required":["title"]}),
//!                     responses: [TypedResponse { status: 201, body: Json({"$ref":…/Note}) }] }
//! ```
//!
//! The JavaScript crate fills these in (it is the only crate that reads swc's AST); the
//! OpenAPI emitter and the enforcement pointer read them from here. A blueprint declaration of
//! the same thing wins over an annotation; an annotation wins over inference from the code.

use crate::{JsonSchema, Method};

/// The annotations of one handler module (empty for JavaScript).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct HandlerTypes {
    /// One entry per handler export that carries a usable annotation, in export order.
    pub exports: Vec<ExportTypes>,
}

/// What one export's annotations say.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportTypes {
    /// The per-method export's method, or `None` for the module's default handler.
    pub method: Option<Method>,
    /// The request body schema, from the type of the request parameter's `body` (or the `T`
    /// of `Request<T>`); `None` when the parameter is untyped or says nothing about the body.
    pub request_body: Option<JsonSchema>,
    /// Whether a request must carry that body: false when the type allows none
    /// (`body?: T`, `Request<T | undefined>`).
    pub request_body_required: bool,
    /// Responses from the return type, one per status in ascending order; empty when there is
    /// no return type or a status in it cannot be known (inference from the code applies then).
    pub responses: Vec<TypedResponse>,
}

/// One status a return type declares.
#[derive(Debug, Clone, PartialEq)]
pub struct TypedResponse {
    /// The HTTP status (a literal `status` in the type, else 200).
    pub status: u16,
    /// What is sent.
    pub body: TypedBody,
}

/// A declared response body.
#[derive(Debug, Clone, PartialEq)]
pub enum TypedBody {
    /// JSON of this schema.
    Json(JsonSchema),
    /// A string, sent as `text/plain`.
    Text,
    /// No body (`void`, `undefined`, `null`, or no `body` member).
    Empty,
}
