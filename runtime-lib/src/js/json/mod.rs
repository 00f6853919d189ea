//! `JSON.stringify` and `JSON.parse`, byte-identical to V8 (results and error messages).
//!
//! ```text
//! JSON.stringify({ a: [1, undefined], b: undefined, c: NaN })   → {"a":[1,null],"c":null}
//! JSON.parse("{\"a\":}")  → SyntaxError: Unexpected token '}', "{"a":}" is not valid JSON
//! ```
//!
//! `parse.rs` reads text (as bytes or UTF-16 code units) without recursion; `stringify.rs`
//! writes a value into one string.

mod parse;
mod stringify;

pub use parse::{parse, parse_str, parse_value};
pub use stringify::{quote, stringify, stringify_value, stringify_with};
