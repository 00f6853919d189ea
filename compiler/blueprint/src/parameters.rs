//! An endpoint's `parameters:` → IR [`Parameter`]s, plus an implicit string parameter for
//! every path parameter not declared.
//!
//! ```text
//! path: /posts/{id}                      [Parameter { id, path, integer, required, minimum: 1 },
//! parameters:                      ──▶    Parameter { tag, query, string, optional, enum: [a, b] }]
//!   - { name: id, type: integer, minimum: 1 }
//!   - { name: tag, in: query, enum: [a, b] }
//! ```

use backworks_diagnostics::{Diagnostic, SourceId, Span, closest};
use backworks_ir::{ParamLocation, ParamType, Parameter, RoutePath};

use crate::config::ParameterConfig;
use crate::yaml::Node;

/// Lowers the declared parameters of an endpoint whose path is `path`. `nodes` are the YAML
/// items of `parameters:`, in the same order as `declared`.
pub fn lower_parameters(
    source: SourceId,
    path: &RoutePath,
    declared: &[ParameterConfig],
    nodes: &[Node],
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<Parameter> {
    let path_params: Vec<&str> = path.params().collect();
    let mut parameters: Vec<Parameter> = Vec::new();
    for (config, node) in declared.iter().zip(nodes) {
        let field = |key: &str| node.get(key).unwrap_or(node);
        let span = |key: &str| {
            let at = field(key);
            Span::new(source, at.span.start, at.span.end)
        };
        let location = match config.location.as_deref() {
            None if path_params.contains(&config.name.as_str()) => ParamLocation::Path,
            None | Some("query") => ParamLocation::Query,
            Some("path") => ParamLocation::Path,
            Some(other) => {
                diagnostics.push(
                    Diagnostic::error(
                        "invalid-parameter",
                        format!("unknown parameter location `{other}`"),
                    )
                    .with_label(span("in"), "not a parameter location")
                    .with_help(
                        "use `in: path` or `in: query` (headers and cookies are not supported yet)",
                    ),
                );
                continue;
            }
        };
        if location == ParamLocation::Path && !path_params.contains(&config.name.as_str()) {
            let help = match closest(&config.name, path_params.iter().copied()) {
                Some(suggestion) => format!("did you mean `{suggestion}`?"),
                None => format!("the path `{path}` has no `{{{}}}` segment", config.name),
            };
            diagnostics.push(
                Diagnostic::error(
                    "invalid-parameter",
                    format!("path parameter `{}` is not in the path", config.name),
                )
                .with_label(span("name"), "not a parameter of this path")
                .with_help(help),
            );
            continue;
        }
        let kind = match config.kind.as_deref().unwrap_or("string") {
            "string" => ParamType::String,
            "integer" => ParamType::Integer,
            "number" => ParamType::Number,
            "boolean" => ParamType::Boolean,
            other => {
                let help = match closest(other, ["string", "integer", "number", "boolean"]) {
                    Some(suggestion) => format!("did you mean `{suggestion}`?"),
                    None => "use string, integer, number or boolean".to_string(),
                };
                diagnostics.push(
                    Diagnostic::error(
                        "invalid-parameter",
                        format!("unknown parameter type `{other}`"),
                    )
                    .with_label(span("type"), "not a parameter type")
                    .with_help(help),
                );
                continue;
            }
        };
        if let Some(pattern) = &config.pattern
            && let Err(error) = regress::Regex::new(pattern)
        {
            diagnostics.push(
                Diagnostic::error(
                    "invalid-parameter",
                    format!("invalid regular expression: {error}"),
                )
                .with_label(span("pattern"), "not an ECMAScript regular expression")
                .with_help("patterns use JavaScript's regular expression syntax"),
            );
        }
        if parameters
            .iter()
            .any(|seen| seen.name == config.name && seen.location == location)
        {
            diagnostics.push(
                Diagnostic::error(
                    "invalid-parameter",
                    format!("parameter `{}` is declared twice", config.name),
                )
                .with_label(span("name"), "declared again here")
                .with_help("declare each parameter once"),
            );
            continue;
        }
        if location == ParamLocation::Path && config.required == Some(false) {
            diagnostics.push(
                Diagnostic::error(
                    "invalid-parameter",
                    format!("path parameter `{}` cannot be optional", config.name),
                )
                .with_label(span("required"), "a path parameter is always present")
                .with_help("remove `required: false`, or make it a query parameter"),
            );
        }
        parameters.push(Parameter {
            name: config.name.clone(),
            location,
            kind,
            required: location == ParamLocation::Path || config.required.unwrap_or(false),
            minimum: config.minimum,
            maximum: config.maximum,
            pattern: config.pattern.clone(),
            allowed: config.allowed.clone().unwrap_or_default(),
            description: config.description.clone(),
        });
    }
    for name in path_params {
        let declared = parameters
            .iter()
            .any(|parameter| parameter.location == ParamLocation::Path && parameter.name == name);
        if !declared {
            parameters.push(Parameter {
                name: name.to_string(),
                location: ParamLocation::Path,
                kind: ParamType::String,
                required: true,
                minimum: None,
                maximum: None,
                pattern: None,
                allowed: Vec::new(),
                description: None,
            });
        }
    }
    parameters
}
