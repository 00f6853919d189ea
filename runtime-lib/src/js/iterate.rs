//! The iteration protocol for `for…of`, spread and destructuring of built-in iterables.
//!
//! ```text
//! for (const post of posts) {…}   →   let mut iter = rt::ForOf::new(&posts)?;
//!                                     while let Some(post) = iter.next() {…}
//! [...new Set(words)]             →   rt::spread_into(&mut items, &set)?
//! ```
//!
//! Arrays are walked live (an element pushed during the loop is visited, as in JS); strings yield
//! code points; Sets and Maps yield a snapshot of their entries.

use std::rc::Rc;

use super::console::inspect;
use super::elements::JsArray;
use super::error::Throw;
use super::string::JsString;
use super::value::{ObjectKind, Value};

/// A running `for…of` loop.
pub enum ForOf {
    /// Reads the array at each step.
    Array(Rc<JsArray>, usize),
    /// A precomputed list (strings, sets, maps).
    List(std::vec::IntoIter<Value>),
}

impl ForOf {
    /// Starts iterating `value`, or throws `TypeError: x is not iterable`.
    pub fn new(value: &Value) -> Result<ForOf, Throw> {
        match value {
            Value::Array(items) => Ok(ForOf::Array(items.clone(), 0)),
            other => Ok(ForOf::List(collect(other)?.into_iter())),
        }
    }
}

impl Iterator for ForOf {
    type Item = Value;

    fn next(&mut self) -> Option<Value> {
        match self {
            ForOf::Array(items, index) => {
                // Holes read as `undefined`; the loop ends at the live length.
                let item = (*index < items.len()).then(|| items.read(*index));
                *index += 1;
                item
            }
            ForOf::List(items) => items.next(),
        }
    }
}

/// Whether `value` is iterable by the built-in protocol.
pub fn is_iterable(value: &Value) -> bool {
    match value {
        Value::Array(_) | Value::String(_) => true,
        Value::Object(object) => matches!(object.kind, ObjectKind::Set(_) | ObjectKind::Map(_)),
        _ => false,
    }
}

/// Every value `value` yields.
pub fn collect(value: &Value) -> Result<Vec<Value>, Throw> {
    match value {
        Value::Array(items) => items.to_vec(),
        Value::String(text) => Ok(code_points(text)),
        Value::Object(object) => match &object.kind {
            ObjectKind::Set(items) => Ok(items.borrow().clone()),
            ObjectKind::Map(entries) => Ok(entries
                .borrow()
                .iter()
                .map(|(key, value)| Value::array(vec![key.clone(), value.clone()]))
                .collect()),
            _ => Err(not_iterable(value)),
        },
        _ => Err(not_iterable(value)),
    }
}

fn not_iterable(value: &Value) -> Throw {
    let description = match value {
        Value::Object(_) => "object".to_string(),
        other => inspect(other),
    };
    Throw::type_error(format!("{description} is not iterable"))
}

/// A string's code points (surrogate pairs stay together).
fn code_points(text: &JsString) -> Vec<Value> {
    let units = text.units();
    let mut out = Vec::new();
    let mut index = 0;
    while index < units.len() {
        let pair = (0xd800..0xdc00).contains(&units[index])
            && units
                .get(index + 1)
                .is_some_and(|next| (0xdc00..0xe000).contains(next));
        let width = if pair { 2 } else { 1 };
        out.push(Value::String(JsString::from_units(
            &units[index..index + width],
        )));
        index += width;
    }
    out
}

/// `...value` inside an array literal or argument list.
pub fn spread_into(items: &mut Vec<Value>, value: &Value) -> Result<(), Throw> {
    items.extend(collect(value)?);
    Ok(())
}
