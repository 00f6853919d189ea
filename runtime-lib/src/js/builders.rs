//! Small helpers the generated code calls to build values and bind variables.
//!
//! ```text
//! { id, ...post }        → { let o = rt::object([("id", id)]); rt::spread_object(&o, &post)?; o }
//! `Hello, ${name}!`      → rt::template(&[Value::from("Hello, "), name, Value::from("!")])?
//! const { a } = v        → let a = rt::destructure(&v, "a")?;
//! let n captured+mutated → let n = rt::Var::new(Value::Number(1.0));  n.get() / n.set(…)
//! ```

use std::cell::RefCell;
use std::rc::Rc;

use super::convert::to_string;
use super::error::Throw;
use super::string::JsString;
use super::value::Value;

/// A variable shared between a function and the closures that capture and assign it.
#[derive(Clone, Default)]
pub struct Var(Rc<RefCell<Value>>);

impl Var {
    /// A new variable holding `value`.
    pub fn new(value: Value) -> Var {
        Var(Rc::new(RefCell::new(value)))
    }

    /// Reads the variable (the borrow ends at once, so user code never runs while it is held).
    pub fn get(&self) -> Value {
        self.0.borrow().clone()
    }

    /// Assigns the variable.
    pub fn set(&self, value: Value) {
        *self.0.borrow_mut() = value;
    }
}

/// An object literal without spreads or computed keys (its keys are literals of the compiled
/// code, converted once per thread: `static_keys.rs`).
pub fn object<const N: usize>(entries: [(&'static str, Value); N]) -> Value {
    Value::object(entries.map(|(key, value)| (super::static_keys::static_key(key), value)))
}

/// An array literal.
pub fn array(items: Vec<Value>) -> Value {
    Value::array(items)
}

/// An array literal with elisions (`[1, , 3]`): the slots at `holes` are holes.
pub fn array_with_holes(items: Vec<Value>, holes: &[usize]) -> Value {
    Value::Array(Rc::new(super::elements::JsArray::with_holes(items, holes)))
}

/// `{ ...source }` inside an object literal being built into `target`.
pub fn spread_object(target: &Value, source: &Value) -> Result<(), Throw> {
    match source {
        Value::String(text) => {
            for index in 0..text.len() {
                super::access::set_key(
                    target,
                    JsString::new(&index.to_string()),
                    Value::String(text.slice_units(index, index + 1)),
                )?;
            }
            Ok(())
        }
        Value::Object(_) | Value::Array(_) => {
            super::object_methods::spread_properties(target, source)
        }
        _ => Ok(()),
    }
}

/// A template literal: the parts' strings concatenated.
pub fn template(parts: &[Value]) -> Result<Value, Throw> {
    let mut result = JsString::empty();
    for part in parts {
        result = result.concat(&to_string(part)?);
    }
    Ok(Value::String(result))
}

/// `null` or `undefined`, as V8's destructuring messages name a nullish value.
fn nullish_name(value: &Value) -> &'static str {
    if matches!(value, Value::Null) {
        "null"
    } else {
        "undefined"
    }
}

/// Reads `key` of `value` for an object destructuring pattern (throws V8's message on
/// `undefined`/`null`).
pub fn destructure(value: &Value, key: &str) -> Result<Value, Throw> {
    destructure_named(value, key, nullish_name(value))
}

/// `const { key } = value` where V8 names the value by its source text (`obj.missing`).
pub fn destructure_named(value: &Value, key: &str, shown: &str) -> Result<Value, Throw> {
    if value.is_nullish() {
        let what = nullish_name(value);
        return Err(Throw::type_error(format!(
            "Cannot destructure property '{key}' of '{shown}' as it is {what}."
        )));
    }
    super::access::get(value, key)
}

/// Checks that an object pattern without properties (`const {} = v`) may destructure `value`.
pub fn destructure_any(value: &Value) -> Result<(), Throw> {
    if value.is_nullish() {
        let shown = nullish_name(value);
        return Err(Throw::type_error(format!(
            "Cannot destructure '{shown}' as it is {shown}."
        )));
    }
    Ok(())
}

/// `{ a, ...rest } = value`: the own enumerable properties except `taken`.
pub fn object_rest(value: &Value, taken: &[&str]) -> Result<Value, Throw> {
    let rest = Value::object(Vec::<(JsString, Value)>::new());
    for (key, item) in super::object_methods::own_entries(value)? {
        if !taken.iter().any(|name| JsString::new(name) == key) {
            super::access::define_key(&rest, key, item)?;
        }
    }
    Ok(rest)
}

/// The items an array pattern destructures (`[a, b] = value`, a parameter, a nested pattern).
/// V8 describes a value it cannot name by source as `number 1` or `object`.
pub fn pattern_items(value: &Value) -> Result<Vec<Value>, Throw> {
    if super::iterate::is_iterable(value) {
        return super::iterate::collect(value);
    }
    let described = match value {
        Value::Undefined | Value::Null => super::console::inspect(value),
        Value::Object(_) | Value::Array(_) => "object".to_string(),
        Value::Function(_) => "function".to_string(),
        other => format!(
            "{} {}",
            super::convert::type_of(other),
            super::console::inspect(other)
        ),
    };
    Err(Throw::type_error(format!(
        "{described} is not iterable (cannot read property Symbol(Symbol.iterator))"
    )))
}

/// `const [a, b] = value` where V8 names the value by its source text: `obj is not iterable`.
pub fn pattern_items_named(value: &Value, shown: &str) -> Result<Vec<Value>, Throw> {
    if super::iterate::is_iterable(value) {
        return super::iterate::collect(value);
    }
    Err(Throw::type_error(format!("{shown} is not iterable")))
}

/// `const [a, b] = value` (no rest element): only the values the pattern binds are taken,
/// and a user iterator is closed after them (`iterate::take`).
pub fn pattern_take(value: &Value, count: usize) -> Result<Vec<Value>, Throw> {
    if super::iterate::is_iterable(value) {
        return super::iterate::take(value, count);
    }
    pattern_items(value)
}

/// [`pattern_take`] where V8 names the value by its source text.
pub fn pattern_take_named(value: &Value, shown: &str, count: usize) -> Result<Vec<Value>, Throw> {
    if super::iterate::is_iterable(value) {
        return super::iterate::take(value, count);
    }
    pattern_items_named(value, shown)
}

/// Item `index` of a destructured list (`undefined` past the end).
pub fn item(items: &[Value], index: usize) -> Value {
    items.get(index).cloned().unwrap_or_default()
}

/// `[a, ...rest]`: the items from `start` on, as a new array.
pub fn rest_items(items: &[Value], start: usize) -> Value {
    Value::array(items.get(start..).unwrap_or(&[]).to_vec())
}

/// Argument `index` of a call, borrowed (`undefined` if not passed): parameters the compiled
/// function never reassigns read their argument in place.
#[inline(always)]
pub fn arg_ref(args: &[Value], index: usize) -> &Value {
    const UNDEFINED: &Value = &Value::Undefined;
    args.get(index).unwrap_or(UNDEFINED)
}

/// Argument `index` of a call (`undefined` if not passed).
#[inline]
pub fn arg(args: &[Value], index: usize) -> Value {
    args.get(index).cloned().unwrap_or_default()
}

/// `...rest` parameters from `start` on.
pub fn rest_args(args: &[Value], start: usize) -> Value {
    rest_items(args, start)
}

/// `x++` / `++x` on a value: its numeric value plus `delta`, and the old numeric value.
pub fn increment(value: &Value, delta: f64) -> Result<(Value, Value), Throw> {
    if let Value::Number(old) = value {
        return Ok((Value::Number(*old), Value::Number(old + delta)));
    }
    super::operators::step(value, delta)
}

/// A function value from compiled code.
pub fn func(
    name: &str,
    length: u32,
    body: impl Fn(&Value, &[Value]) -> Result<Value, Throw> + 'static,
) -> Value {
    Value::function(name, length, body)
}

/// `throw value`.
pub fn throw(value: Value) -> Throw {
    Throw::new(value)
}

/// Gives a compiled function its source text (`String(f)`, `f.toString()`).
pub fn with_source(function: Value, source: &'static str) -> Value {
    if let Value::Function(inner) = &function {
        inner.source.set(Some(source));
    }
    function
}

/// The first argument of a tagged template: the cooked strings, with the raw ones as `raw`.
pub fn template_strings(cooked: Vec<Value>, raw: Vec<Value>) -> Value {
    let strings = Value::array(cooked);
    if let Value::Array(array) = &strings {
        array.set_prop(JsString::new("raw"), Value::array(raw));
    }
    strings
}
