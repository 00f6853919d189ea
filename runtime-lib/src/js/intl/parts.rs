//! Formatted text as a list of typed parts, for `formatToParts`: ICU4X formatters write
//! annotated text (`writeable`'s parts); this sink records where each annotation lies.
//!
//! ```text
//! "-1,234.5"  →  [minusSign "-", integer "1", group ",", integer "234", decimal ".", fraction "5"]
//! ```

use std::fmt;

use writeable::{Part, PartsWrite, Writeable};

use super::super::value::Value;

/// Text written by a formatter, with the byte range of each annotated part.
#[derive(Default)]
pub struct Annotated {
    pub text: String,
    /// `(start, end, part)`, innermost parts first.
    pub spans: Vec<(usize, usize, Part)>,
}

impl fmt::Write for Annotated {
    fn write_str(&mut self, text: &str) -> fmt::Result {
        self.text.push_str(text);
        Ok(())
    }
}

impl PartsWrite for Annotated {
    type SubPartsWrite = Annotated;

    fn with_part(
        &mut self,
        part: Part,
        mut write: impl FnMut(&mut Self::SubPartsWrite) -> fmt::Result,
    ) -> fmt::Result {
        let start = self.text.len();
        write(self)?;
        self.spans.push((start, self.text.len(), part));
        Ok(())
    }
}

/// Writes `formatted` with its parts.
pub fn annotate(formatted: &impl Writeable) -> Annotated {
    let mut sink = Annotated::default();
    // Writing to a `String` cannot fail.
    let _ = formatted.write_to_parts(&mut sink);
    sink
}

/// A typed piece of formatted text: `{ type, value }` in `formatToParts`.
#[derive(Clone, Debug, PartialEq)]
pub struct Piece {
    pub kind: &'static str,
    pub value: String,
}

impl Piece {
    pub fn new(kind: &'static str, value: impl Into<String>) -> Piece {
        Piece {
            kind,
            value: value.into(),
        }
    }
}

/// The pieces joined: what `format` answers.
pub fn joined(pieces: &[Piece]) -> String {
    pieces.iter().map(|piece| piece.value.as_str()).collect()
}

/// The pieces as `formatToParts`'s array of `{ type, value }` objects.
pub fn to_js(pieces: &[Piece]) -> Value {
    Value::array(
        pieces
            .iter()
            .map(|piece| {
                Value::object([
                    ("type", Value::str(piece.kind)),
                    ("value", Value::str(&piece.value)),
                ])
            })
            .collect(),
    )
}

/// Splits `annotated` into pieces: each byte takes the innermost part that covers it whose
/// name `classify` maps to a type, and the rest is `literal`. Adjacent bytes of one type
/// merge.
pub fn pieces(
    annotated: &Annotated,
    classify: impl Fn(&Part) -> Option<&'static str>,
) -> Vec<Piece> {
    let text = &annotated.text;
    let mut kinds: Vec<&'static str> = vec!["literal"; text.len()];
    let mut decided = vec![false; text.len()];
    // Inner parts are pushed before the parts that enclose them.
    for (start, end, part) in &annotated.spans {
        if let Some(kind) = classify(part) {
            for index in *start..*end {
                if !decided[index] {
                    kinds[index] = kind;
                    decided[index] = true;
                }
            }
        }
    }
    let mut pieces: Vec<Piece> = Vec::new();
    let mut index = 0;
    while index < text.len() {
        let kind = kinds[index];
        let mut end = index + 1;
        while end < text.len() && kinds[end] == kind {
            end += 1;
        }
        while end < text.len() && !text.is_char_boundary(end) {
            end += 1;
        }
        pieces.push(Piece::new(kind, &text[index..end]));
        index = end;
    }
    pieces
}
