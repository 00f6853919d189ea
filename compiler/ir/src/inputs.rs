//! What a handler's code shows it accepts: the parameters and body fields it reads, and the
//! constraints its early refusals (`if (!title) return { status: 400, … }`) put on them, as
//! JSON Schemas.
//!
//! ```text
//! export function GET(req) {
//!   const id = parseInt(req.path_params.id, 10);          ExportInputs { method: Some(GET),
//!   if (isNaN(id) || id < 1) return { status: 400, … };  ──▶ parameters: [id in path:
//!   …                                                           {"type":"string","pattern":"^…"}] }
//! }
//! ```
//!
//! The JavaScript crate fills these in; the OpenAPI emitter documents them where the blueprint
//! and the TypeScript annotations say nothing. They describe the handler rather than rules the
//! server enforces: the handler answers its own refusals.

use crate::{JsonSchema, Method, ParamLocation};

/// The inferred inputs of one handler module's exports.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct HandlerInputs {
    /// One entry per handler export inference could read, in export order.
    pub exports: Vec<ExportInputs>,
}

/// What one export reads and requires.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportInputs {
    /// The per-method export's method, or `None` for the module's default handler.
    pub method: Option<Method>,
    /// Path and query parameters it reads, in the order first read.
    pub parameters: Vec<InferredParameter>,
    /// The JSON body, when the handler reads members of it.
    pub body: Option<InferredRequestBody>,
}

/// A path or query parameter a handler reads.
#[derive(Debug, Clone, PartialEq)]
pub struct InferredParameter {
    /// The parameter's name.
    pub name: String,
    /// Where it is read from.
    pub location: ParamLocation,
    /// Whether the handler refuses a request without it.
    pub required: bool,
    /// The texts it accepts (always `"type": "string"`: parameters reach handlers as text).
    pub schema: JsonSchema,
}

/// The JSON body a handler reads members of.
#[derive(Debug, Clone, PartialEq)]
pub struct InferredRequestBody {
    /// The values it accepts.
    pub schema: JsonSchema,
    /// Whether the handler refuses a request without a body.
    pub required: bool,
}
