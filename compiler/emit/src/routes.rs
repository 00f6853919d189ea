//! Binds each operation of the IR to the compiled handler export that serves it.
//!
//! ```text
//! GET /tasks/{id}  + module tasks exports [GET, POST, Default?]  ──▶  js::tasks::GET entry
//! POST /stats      + module stats exports [Default]              ──▶  js::stats::<default entry>
//! ```

use backworks_diagnostics::Diagnostic;
use backworks_ir::{Access, Method, Operation, ParamLocation, ParamType, RateLimit, Service};
use backworks_js::{CompiledProgram, ExportKind};

/// One route table row of the generated server.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BoundOperation {
    /// HTTP method.
    pub method: Method,
    /// The path in axum syntax.
    pub path: String,
    /// The blueprint endpoint's name.
    pub endpoint: String,
    /// The handler's time budget.
    pub timeout_ms: u64,
    /// Rust module of the handler under `crate::js`.
    pub module: String,
    /// Rust function of the entry point in that module.
    pub entry: String,
    /// JSON pointer to the operation in the OpenAPI document, when it declares anything the
    /// server must enforce before calling the handler.
    pub enforced_operation: Option<String>,
    /// Declared integer, number and boolean parameters the handler receives converted
    /// (`typed_params: true`); empty otherwise.
    pub typed_params: Vec<(ParamLocation, String, ParamType)>,
    /// Who may call it.
    pub access: Access,
    /// The endpoint's own rate limit.
    pub rate_limit: Option<RateLimit>,
}

/// Finds the export serving every operation; an operation whose module exports neither its
/// method nor a default handler is a diagnostic at the endpoint.
pub fn bind(
    service: &Service,
    program: &CompiledProgram,
) -> Result<Vec<BoundOperation>, Vec<Diagnostic>> {
    let mut bound = Vec::new();
    let mut errors = Vec::new();
    for route in &service.routes {
        for operation in &route.operations {
            let module_source = service
                .handlers
                .get(operation.handler.0)
                .map(|module| module.source);
            match bind_operation(operation, module_source, program) {
                Ok((module, entry)) => bound.push(BoundOperation {
                    typed_params: typed_params(operation),
                    access: operation.access.clone(),
                    rate_limit: operation.rate_limit,
                    method: operation.method,
                    path: route.path.to_string(),
                    endpoint: operation.endpoint.clone(),
                    timeout_ms: operation.timeout_ms,
                    module,
                    entry,
                    enforced_operation: declares_rules(service, operation).then(|| {
                        format!(
                            "/paths/{}/{}",
                            route.path.to_string().replace('~', "~0").replace('/', "~1"),
                            operation.method.as_str().to_ascii_lowercase()
                        )
                    }),
                }),
                Err(error) => errors.push(error),
            }
        }
    }
    if errors.is_empty() {
        Ok(bound)
    } else {
        Err(errors)
    }
}

/// The parameters that reach the handler as numbers or booleans: the non-string ones an
/// operation with `typed_params: true` declares.
fn typed_params(operation: &Operation) -> Vec<(ParamLocation, String, ParamType)> {
    if !operation.typed_params {
        return Vec::new();
    }
    operation
        .parameters
        .iter()
        .filter(|parameter| parameter.kind != ParamType::String)
        .map(|parameter| (parameter.location, parameter.name.clone(), parameter.kind))
        .collect()
}

/// Whether the server has anything to check before the handler runs: a body schema (declared
/// or from a TypeScript annotation), a query parameter, or a path parameter with more than
/// "any text".
pub(crate) fn declares_rules(service: &Service, operation: &Operation) -> bool {
    crate::openapi::request_body(service, operation).is_some()
        || operation.parameters.iter().any(|parameter| {
            parameter.location == ParamLocation::Query
                || parameter.kind != ParamType::String
                || parameter.pattern.is_some()
                || parameter.minimum.is_some()
                || parameter.maximum.is_some()
                || !parameter.allowed.is_empty()
        })
}

fn bind_operation(
    operation: &Operation,
    module_source: Option<backworks_diagnostics::SourceId>,
    program: &CompiledProgram,
) -> Result<(String, String), Diagnostic> {
    let module = program
        .entries
        .get(operation.handler.0)
        .and_then(|&index| program.modules.get(index))
        .ok_or_else(|| {
            Diagnostic::error("internal-binding", "handler module was not compiled")
                .with_label(operation.span, "this endpoint")
        })?;
    let method = operation.method.as_str();
    let export = module
        .exports
        .iter()
        .find(|export| export.kind == ExportKind::Method(method.to_string()))
        .or_else(|| {
            module
                .exports
                .iter()
                .find(|export| export.kind == ExportKind::Default)
        });
    match export {
        Some(export) => Ok((module.rust_name.clone(), export.entry.clone())),
        None => {
            let exported: Vec<String> = module
                .exports
                .iter()
                .map(|export| match &export.kind {
                    ExportKind::Default => "a default handler".to_string(),
                    ExportKind::Method(method) => method.clone(),
                })
                .collect();
            let found = if exported.is_empty() {
                "it exports no handler".to_string()
            } else {
                format!("it exports {}", exported.join(", "))
            };
            let mut diagnostic = Diagnostic::error(
                "missing-export",
                format!("the handler module has no handler for {method}"),
            )
            .with_label(
                operation.span,
                format!("{method} is served by this handler module, but {found}"),
            );
            if let Some(source) = module_source {
                diagnostic = diagnostic
                    .with_label(backworks_diagnostics::Span::new(source, 0, 0), "the module");
            }
            Err(diagnostic.with_help(format!(
                "add `export function {method}(req) {{ … }}`, or a default handler (`module.exports = …` / `function handler`)"
            )))
        }
    }
}
