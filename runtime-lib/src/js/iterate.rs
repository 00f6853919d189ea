//! The iteration protocol for `for…of`, spread and destructuring of built-in iterables.
//!
//! ```text
//! for (const post of posts) {…}   →   let mut iter = rt::ForOf::new(&posts)?;
//!                                     while let Some(post) = iter.step()? {…}
//!                                     iter.finish()?;   (after a `break`: the iterator's `return()`)
//! [...new Set(words)]             →   rt::spread_into(&mut items, &set)?
//! ```
//!
//! Arrays, Sets, Maps and iterator objects are walked live (an element added during the loop is
//! visited, a deleted one is not, as in JS); strings yield code points. Spread and
//! destructuring take every value at once. Any other object goes through the protocol of
//! `protocol.rs` (its `[Symbol.iterator]()`, generators included).

use std::rc::Rc;

use super::console::inspect;
use super::elements::JsArray;
use super::error::Throw;
use super::iterator::{Yield, drain, over_collection, step};
use super::protocol::UserIterator;
use super::string::JsString;
use super::value::{ObjectKind, Value};

/// A running `for…of` loop.
pub enum ForOf {
    /// Reads the array at each step.
    Array(Rc<JsArray>, usize),
    /// Steps an iterator object: a Set or Map is walked through a fresh iterator of its values
    /// or entries, so the loop sees what its body adds and deletes.
    Iterator(Value),
    /// A precomputed list (strings).
    List(std::vec::IntoIter<Value>),
    /// A user iterable or a generator: `next()` may throw, and leaving early calls `return()`.
    User(UserIterator),
}

impl ForOf {
    /// Starts iterating `value`, or throws `TypeError: x is not iterable`.
    pub fn new(value: &Value) -> Result<ForOf, Throw> {
        match value {
            Value::Array(items) => Ok(ForOf::Array(items.clone(), 0)),
            Value::Object(object) => match &object.kind {
                ObjectKind::Set(_) => Ok(ForOf::Iterator(over_collection(value, Yield::Values))),
                ObjectKind::Map(_) => Ok(ForOf::Iterator(over_collection(value, Yield::Entries))),
                ObjectKind::Iterator(_) => Ok(ForOf::Iterator(value.clone())),
                ObjectKind::Bytes(_) | ObjectKind::Host(_) if is_iterable(value) => {
                    Ok(ForOf::List(collect(value)?.into_iter()))
                }
                _ => match UserIterator::open(value)? {
                    Some(iterator) => Ok(ForOf::User(iterator)),
                    None => Err(not_iterable(value)),
                },
            },
            Value::Function(_) => match UserIterator::open(value)? {
                Some(iterator) => Ok(ForOf::User(iterator)),
                None => Err(not_iterable(value)),
            },
            other => Ok(ForOf::List(collect(other)?.into_iter())),
        }
    }

    /// Starts iterating `value`, or throws `TypeError: <message>` (V8 words it from the
    /// loop's source text: `items is not iterable`, `f is not a function or its return value
    /// is not iterable`).
    pub fn new_described(value: &Value, message: &str) -> Result<ForOf, Throw> {
        if !is_iterable(value) && !matches!(value, Value::String(_)) {
            return Err(Throw::type_error(message));
        }
        ForOf::new(value)
    }

    /// The next value of the loop, or `None` when it ends (a user iterator's `next()` may
    /// throw).
    #[inline]
    pub fn step(&mut self) -> Result<Option<Value>, Throw> {
        match self {
            ForOf::User(iterator) => iterator.step(),
            other => Ok(other.next()),
        }
    }

    /// After the loop: a loop left by `break` closes a user iterator (`return()`), whose
    /// throw is the loop's. A loop left by `return` or a throw closes it when dropped.
    #[inline]
    pub fn finish(&mut self) -> Result<(), Throw> {
        match self {
            ForOf::User(iterator) => iterator.close(),
            _ => Ok(()),
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
            ForOf::Iterator(Value::Object(object)) => match &object.kind {
                ObjectKind::Iterator(data) => step(data),
                _ => None,
            },
            ForOf::Iterator(_) => None,
            ForOf::List(items) => items.next(),
            ForOf::User(iterator) => iterator.step().ok().flatten(),
        }
    }
}

/// Whether `value` is iterable by the built-in protocol.
pub fn is_iterable(value: &Value) -> bool {
    match value {
        Value::Array(_) | Value::String(_) => true,
        Value::Object(object) => {
            matches!(
                object.kind,
                ObjectKind::Set(_)
                    | ObjectKind::Map(_)
                    | ObjectKind::Iterator(_)
                    | ObjectKind::Bytes(_)
            ) || super::node::url::params_entries(value).is_some()
                || super::generator::is_sync_generator(value)
                || super::protocol::is_user_iterable(value)
        }
        Value::Function(_) => super::protocol::is_user_iterable(value),
        _ => false,
    }
}

/// Every value the iterable argument of a built-in constructor yields (`new Map(x)`,
/// `new Set(x)`): V8 describes a value that is not iterable by its type there.
pub fn collect_argument(value: &Value) -> Result<Vec<Value>, Throw> {
    if is_iterable(value) {
        return collect(value);
    }
    Err(not_iterable_typed(value))
}

/// V8's TypeError for a value that is not iterable where it describes the value by its type
/// (`new Map(5)`, `yield* {}`).
pub fn not_iterable_typed(value: &Value) -> Throw {
    let description = match value {
        Value::Object(_) | Value::Array(_) => "object".to_string(),
        Value::Function(_) => "function".to_string(),
        other => format!("{} {}", super::convert::type_of(other), inspect(other)),
    };
    Throw::type_error(format!(
        "{description} is not iterable (cannot read property Symbol(Symbol.iterator))"
    ))
}

/// Every value `value` yields.
pub fn collect(value: &Value) -> Result<Vec<Value>, Throw> {
    match value {
        Value::Array(items) => items.to_vec(),
        Value::String(text) => Ok(code_points(text)),
        Value::Object(object) => match &object.kind {
            ObjectKind::Set(table) => Ok(table
                .borrow()
                .entries()
                .map(|(key, _)| key.clone())
                .collect()),
            ObjectKind::Map(table) => Ok(table
                .borrow()
                .entries()
                .map(|(key, value)| Value::array(vec![key.clone(), value.clone()]))
                .collect()),
            ObjectKind::Iterator(data) => Ok(drain(data)),
            ObjectKind::Bytes(view) => Ok(super::bytes::elements(view)),
            ObjectKind::Host(_) if let Some(entries) = super::node::url::params_entries(value) => {
                Ok(entries)
            }
            _ => collect_user(value),
        },
        Value::Function(_) => collect_user(value),
        _ => Err(not_iterable(value)),
    }
}

fn collect_user(value: &Value) -> Result<Vec<Value>, Throw> {
    match UserIterator::open(value)? {
        Some(mut iterator) => super::protocol::collect(&mut iterator),
        None => Err(not_iterable(value)),
    }
}

/// The first `count` values of an iterable for a destructuring pattern without a rest
/// element: a user iterator is stepped `count` times and then closed (`return()`), so an
/// infinite generator can be destructured.
pub fn take(value: &Value, count: usize) -> Result<Vec<Value>, Throw> {
    let user = match value {
        Value::Object(object) => !matches!(
            object.kind,
            ObjectKind::Set(_) | ObjectKind::Map(_) | ObjectKind::Iterator(_)
        ),
        Value::Function(_) => true,
        _ => false,
    };
    if user && let Some(mut iterator) = UserIterator::open(value)? {
        return super::protocol::take(&mut iterator, count);
    }
    // A built-in iterator object keeps what the pattern did not take.
    if let Value::Object(object) = value
        && let ObjectKind::Iterator(data) = &object.kind
    {
        return Ok(std::iter::from_fn(|| step(data)).take(count).collect());
    }
    let mut items = collect(value)?;
    items.truncate(count);
    Ok(items)
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
