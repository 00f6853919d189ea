//! A YAML document as a tree of nodes that remember where they are.
//!
//! serde_yaml gives typed values but no positions; diagnostics need a `file:line:col` for every
//! key and value. This module replays yaml-rust2's marked events into a small tree:
//!
//! ```text
//! server:            Mapping [ (Scalar "server" @0..6,
//!   port: 80    ──▶            Mapping [ (Scalar "port" @10..14, Scalar "80" @16..18) ]) ]
//! ```

use std::ops::Range;

use yaml_rust2::parser::{Event, MarkedEventReceiver, Parser};
use yaml_rust2::scanner::{Marker, TScalarStyle};

/// One YAML node and the byte range it covers in the source.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// What the node holds.
    pub kind: NodeKind,
    /// Byte range in the document (for mappings and sequences, where they start).
    pub span: Range<usize>,
}

/// The three YAML node kinds (aliases are resolved to a placeholder scalar).
#[derive(Debug, Clone, PartialEq)]
pub enum NodeKind {
    /// A scalar with its text and whether it was written plain (unquoted, so `12` is a number).
    Scalar {
        /// The scalar's value after YAML unescaping and folding.
        text: String,
        /// How it was written.
        style: ScalarStyle,
    },
    /// `- a` items.
    Sequence(Vec<Node>),
    /// `key: value` pairs in document order.
    Mapping(Vec<(Node, Node)>),
}

/// How a scalar was written; it decides whether `12` is a number or a string.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScalarStyle {
    /// Unquoted.
    Plain,
    /// `'…'` or `"…"`.
    Quoted,
    /// `|` or `>` blocks.
    Block,
}

/// A resolved scalar type under YAML 1.2's core schema (the one serde_yaml applies).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScalarType {
    /// `null`, `~` or empty.
    Null,
    /// `true` / `false`.
    Boolean,
    /// Decimal, octal (`0o`) or hex (`0x`) integer.
    Integer,
    /// Floating point, including `.inf` and `.nan`.
    Number,
    /// Anything else.
    String,
}

impl Node {
    /// The scalar text, if this is a scalar.
    pub fn as_str(&self) -> Option<&str> {
        match &self.kind {
            NodeKind::Scalar { text, .. } => Some(text),
            _ => None,
        }
    }

    /// The value under `key`, if this is a mapping that has it.
    pub fn get(&self, key: &str) -> Option<&Node> {
        match &self.kind {
            NodeKind::Mapping(entries) => entries
                .iter()
                .find(|(k, _)| k.as_str() == Some(key))
                .map(|(_, value)| value),
            _ => None,
        }
    }

    /// The key node for `key`, if this is a mapping that has it.
    pub fn key(&self, key: &str) -> Option<&Node> {
        match &self.kind {
            NodeKind::Mapping(entries) => entries
                .iter()
                .find(|(k, _)| k.as_str() == Some(key))
                .map(|(k, _)| k),
            _ => None,
        }
    }

    /// The type a scalar resolves to; non-scalars answer `None`.
    pub fn scalar_type(&self) -> Option<ScalarType> {
        let NodeKind::Scalar { text, style } = &self.kind else {
            return None;
        };
        if *style != ScalarStyle::Plain {
            return Some(ScalarType::String);
        }
        Some(resolve_plain(text))
    }

    /// A short name of the node's type for messages: `a string`, `a mapping`, …
    pub fn describe(&self) -> &'static str {
        match (&self.kind, self.scalar_type()) {
            (NodeKind::Sequence(_), _) => "a list",
            (NodeKind::Mapping(_), _) => "a mapping",
            (_, Some(ScalarType::Null)) => "null",
            (_, Some(ScalarType::Boolean)) => "a boolean",
            (_, Some(ScalarType::Integer)) => "an integer",
            (_, Some(ScalarType::Number)) => "a number",
            _ => "a string",
        }
    }
}

/// Resolves a plain scalar as YAML 1.2's core schema does.
fn resolve_plain(text: &str) -> ScalarType {
    match text {
        "" | "~" | "null" | "Null" | "NULL" => return ScalarType::Null,
        "true" | "True" | "TRUE" | "false" | "False" | "FALSE" => return ScalarType::Boolean,
        ".inf" | ".Inf" | ".INF" | "+.inf" | "-.inf" | "+.Inf" | "-.Inf" | ".nan" | ".NaN"
        | ".NAN" => return ScalarType::Number,
        _ => {}
    }
    let unsigned = text.strip_prefix(['-', '+']).unwrap_or(text);
    let is_integer = (!unsigned.is_empty() && unsigned.bytes().all(|b| b.is_ascii_digit()))
        || text
            .strip_prefix("0x")
            .is_some_and(|hex| !hex.is_empty() && hex.bytes().all(|b| b.is_ascii_hexdigit()))
        || text
            .strip_prefix("0o")
            .is_some_and(|oct| !oct.is_empty() && oct.bytes().all(|b| (b'0'..=b'7').contains(&b)));
    if is_integer {
        return ScalarType::Integer;
    }
    let looks_numeric = unsigned
        .bytes()
        .next()
        .is_some_and(|b| b.is_ascii_digit() || b == b'.');
    if looks_numeric && unsigned.parse::<f64>().is_ok() {
        return ScalarType::Number;
    }
    ScalarType::String
}

/// A YAML syntax error with where it happened.
#[derive(Debug, Clone, PartialEq)]
pub struct SyntaxError {
    /// Byte offset of the problem.
    pub offset: usize,
    /// What the parser expected.
    pub message: String,
}

/// Parses the first document of `text` into a node tree.
pub fn parse(text: &str) -> Result<Node, SyntaxError> {
    let mut builder = TreeBuilder {
        text,
        stack: Vec::new(),
        root: None,
    };
    Parser::new_from_str(text)
        .load(&mut builder, false)
        .map_err(|error| SyntaxError {
            offset: char_to_byte(text, error.marker().index()),
            message: error.info().to_string(),
        })?;
    Ok(builder.root.unwrap_or(Node {
        kind: NodeKind::Mapping(Vec::new()),
        span: 0..0,
    }))
}

/// yaml-rust2 counts offsets in characters; diagnostics use bytes.
fn char_to_byte(text: &str, chars: usize) -> usize {
    text.char_indices()
        .nth(chars)
        .map_or(text.len(), |(offset, _)| offset)
}

/// A collection being filled while its events arrive.
enum Open {
    Sequence(usize, Vec<Node>),
    /// Entries so far and a key waiting for its value.
    Mapping(usize, Vec<(Node, Node)>, Option<Node>),
}

struct TreeBuilder<'a> {
    text: &'a str,
    stack: Vec<Open>,
    root: Option<Node>,
}

impl TreeBuilder<'_> {
    fn finish(&mut self, node: Node) {
        match self.stack.last_mut() {
            None => {
                if self.root.is_none() {
                    self.root = Some(node);
                }
            }
            Some(Open::Sequence(_, items)) => items.push(node),
            Some(Open::Mapping(_, entries, pending)) => match pending.take() {
                None => *pending = Some(node),
                Some(key) => entries.push((key, node)),
            },
        }
    }

    /// The byte range of a scalar that starts at `start`. Block scalars start at their `|` or `>`;
    /// their range covers the indicator line, which is what a caret should point at.
    fn scalar_span(&self, start: usize, text: &str, style: TScalarStyle) -> Range<usize> {
        let rest = &self.text[start.min(self.text.len())..];
        let line_end = rest.find('\n').unwrap_or(rest.len());
        let len = match style {
            TScalarStyle::Plain => text.len().min(line_end),
            TScalarStyle::SingleQuoted | TScalarStyle::DoubleQuoted => {
                let quote = rest.chars().next().unwrap_or('"');
                rest[1..]
                    .find(quote)
                    .map_or(line_end, |close| (close + 2).min(line_end.max(close + 2)))
            }
            TScalarStyle::Literal | TScalarStyle::Folded => line_end,
        };
        start..start + len
    }
}

impl MarkedEventReceiver for TreeBuilder<'_> {
    fn on_event(&mut self, event: Event, mark: Marker) {
        let start = char_to_byte(self.text, mark.index());
        match event {
            Event::Scalar(text, style, _, _) => {
                let span = self.scalar_span(start, &text, style);
                let style = match style {
                    TScalarStyle::Plain => ScalarStyle::Plain,
                    TScalarStyle::SingleQuoted | TScalarStyle::DoubleQuoted => ScalarStyle::Quoted,
                    TScalarStyle::Literal | TScalarStyle::Folded => ScalarStyle::Block,
                };
                self.finish(Node {
                    kind: NodeKind::Scalar { text, style },
                    span,
                });
            }
            Event::Alias(_) => self.finish(Node {
                kind: NodeKind::Scalar {
                    text: String::new(),
                    style: ScalarStyle::Plain,
                },
                span: start..start,
            }),
            Event::SequenceStart(..) => self.stack.push(Open::Sequence(start, Vec::new())),
            Event::MappingStart(..) => self.stack.push(Open::Mapping(start, Vec::new(), None)),
            Event::SequenceEnd | Event::MappingEnd => {
                let node = match self.stack.pop() {
                    Some(Open::Sequence(at, items)) => Node {
                        kind: NodeKind::Sequence(items),
                        span: at..at,
                    },
                    Some(Open::Mapping(at, entries, _)) => Node {
                        kind: NodeKind::Mapping(entries),
                        span: at..at,
                    },
                    None => return,
                };
                self.finish(node);
            }
            Event::Nothing
            | Event::StreamStart
            | Event::StreamEnd
            | Event::DocumentStart
            | Event::DocumentEnd => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nodes_know_their_byte_ranges() {
        let text = "name: café\nserver:\n  port: 80\n";
        let root = parse(text).unwrap();
        let port = root.get("server").unwrap().get("port").unwrap();
        assert_eq!(&text[port.span.clone()], "80");
        assert_eq!(port.scalar_type(), Some(ScalarType::Integer));
        let key = root.get("server").unwrap().key("port").unwrap();
        assert_eq!(&text[key.span.clone()], "port");
    }

    #[test]
    fn quoted_scalars_are_strings_and_span_their_quotes() {
        let text = "version: \"1.0\"\nother: 1.0\n";
        let root = parse(text).unwrap();
        let version = root.get("version").unwrap();
        assert_eq!(version.scalar_type(), Some(ScalarType::String));
        assert_eq!(&text[version.span.clone()], "\"1.0\"");
        assert_eq!(
            root.get("other").unwrap().scalar_type(),
            Some(ScalarType::Number)
        );
    }

    #[test]
    fn syntax_errors_carry_an_offset() {
        let error = parse("a: [1, 2\nb: 3\n").unwrap_err();
        assert!(error.offset > 0, "{error:?}");
    }
}
