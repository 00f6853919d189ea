//! Route paths as people write them (`/posts/{id}`, `/posts/:id`) → [`RoutePath`].
//!
//! ```text
//! "/posts/:id/comments"  ──▶  [Literal("posts"), Param("id"), Literal("comments")]
//! "/posts/{id"           ──▶  error[invalid-path]: unbalanced braces
//! ```

use std::ops::Range;

use backworks_diagnostics::{Diagnostic, SourceId};
use backworks_ir::{RoutePath, Segment};

use crate::diagnostics;

/// Parses `path`, whose text sits at `range` in the blueprint. Reports every problem it finds.
pub fn parse_route_path(
    source: SourceId,
    range: Range<usize>,
    path: &str,
) -> Result<RoutePath, Vec<Diagnostic>> {
    let mut errors = Vec::new();
    if !path.starts_with('/') {
        errors.push(diagnostics::path_without_slash(source, range.clone(), path));
    }
    if path.starts_with("/_backworks/") || path == "/_backworks" {
        errors.push(diagnostics::reserved_path(source, range.clone(), path));
    }
    if path.matches('{').count() != path.matches('}').count() || braces_misnested(path) {
        errors.push(diagnostics::unbalanced_braces(source, range.clone(), path));
        return Err(errors);
    }

    let mut segments = Vec::new();
    let body = path.strip_prefix('/').unwrap_or(path);
    for piece in body.split('/').filter(|piece| !piece.is_empty()) {
        let name = piece.strip_prefix(':').or_else(|| {
            piece
                .strip_prefix('{')
                .and_then(|rest| rest.strip_suffix('}'))
        });
        match name {
            Some(name) if is_param_name(name) => {
                if segments.contains(&Segment::Param(name.to_string())) {
                    errors.push(diagnostics::duplicate_param(source, range.clone(), name));
                }
                segments.push(Segment::Param(name.to_string()));
            }
            Some(_) => errors.push(diagnostics::invalid_param(source, range.clone(), piece)),
            None if piece.contains(['{', '}']) => {
                errors.push(diagnostics::invalid_param(source, range.clone(), piece));
            }
            None => segments.push(Segment::Literal(piece.to_string())),
        }
    }
    if errors.is_empty() {
        Ok(RoutePath { segments })
    } else {
        Err(errors)
    }
}

/// `}{` or nested `{{` — counts alone would accept them.
fn braces_misnested(path: &str) -> bool {
    let mut open = false;
    for c in path.chars() {
        match (c, open) {
            ('{', false) => open = true,
            ('}', true) => open = false,
            ('{', true) | ('}', false) => return true,
            _ => {}
        }
    }
    open
}

fn is_param_name(name: &str) -> bool {
    let mut chars = name.chars();
    chars
        .next()
        .is_some_and(|first| first.is_ascii_alphabetic() || first == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// The path with parameter names erased: two paths with the same shape match the same requests.
pub fn shape(path: &RoutePath) -> String {
    path.segments
        .iter()
        .map(|segment| match segment {
            Segment::Literal(text) => format!("/{text}"),
            Segment::Param(_) => "/{}".to_string(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use backworks_diagnostics::Sources;

    fn parse(path: &str) -> Result<String, Vec<&'static str>> {
        let mut sources = Sources::new();
        let source = sources.add("b.yaml", path);
        parse_route_path(source, 0..path.len(), path)
            .map(|parsed| parsed.to_string())
            .map_err(|errors| errors.iter().map(|error| error.code).collect())
    }

    #[test]
    fn both_parameter_styles_normalize_to_braces() {
        assert_eq!(
            parse("/posts/:id/comments"),
            Ok("/posts/{id}/comments".into())
        );
        assert_eq!(parse("/posts/{id}"), Ok("/posts/{id}".into()));
        assert_eq!(parse("/"), Ok("/".into()));
    }

    #[test]
    fn malformed_paths_are_rejected() {
        assert_eq!(parse("/posts/{id"), Err(vec!["invalid-path"]));
        assert_eq!(parse("/posts/}id{"), Err(vec!["invalid-path"]));
        assert_eq!(parse("/a/{x}/b/{x}"), Err(vec!["duplicate-param"]));
        assert_eq!(parse("/files/{name}.json"), Err(vec!["invalid-path"]));
        assert_eq!(parse("posts"), Err(vec!["invalid-path"]));
        assert_eq!(parse("/_backworks/health"), Err(vec!["reserved-path"]));
    }
}
