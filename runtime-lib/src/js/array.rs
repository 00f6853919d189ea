//! `Array.prototype` methods and `Array.isArray` / `Array.from` / `Array.of`.
//!
//! ```text
//! posts.filter((p) => p.published)   → rt::call_method(&posts, "filter", &[callback])?
//! [3, 1, 2].sort()                   → [1, 2, 3]   (stable, undefined last, string order without comparator)
//! ```
//!
//! Callbacks get `(element, index, array)`. Methods read the live array on every step (a callback
//! that pushes to the array it walks sees what JS would see for the indices visited).

use std::cell::RefCell;
use std::rc::Rc;

use super::access::call as invoke;
use super::convert::{to_number, to_string, truthy};
use super::error::Throw;
use super::number::to_integer;
use super::operators::{same_value_zero, strict_eq};
use super::string::JsString;
use super::value::Value;

type Items = Rc<RefCell<Vec<Value>>>;

fn arg(args: &[Value], index: usize) -> Value {
    args.get(index).cloned().unwrap_or_default()
}

/// Resolves a relative index argument (negative counts from the end) against `length`.
pub fn relative_index(value: &Value, length: usize, default: usize) -> Result<usize, Throw> {
    if matches!(value, Value::Undefined) {
        return Ok(default);
    }
    let index = to_integer(to_number(value)?);
    let length = length as f64;
    Ok(if index < 0.0 {
        (length + index).max(0.0) as usize
    } else {
        index.min(length) as usize
    })
}

fn item_at(items: &Items, index: usize) -> Option<Value> {
    items.borrow().get(index).cloned()
}

fn require_callback(value: &Value) -> Result<(), Throw> {
    match value {
        Value::Function(_) => Ok(()),
        other => Err(Throw::type_error(format!(
            "{} is not a function",
            super::console::inspect(other)
        ))),
    }
}

/// Calls `callback(element, index, array)` for each element; stops when `visit` says so.
fn walk(
    array: &Value,
    items: &Items,
    callback: &Value,
    mut visit: impl FnMut(usize, Value, Value) -> Option<Value>,
) -> Result<Option<Value>, Throw> {
    require_callback(callback)?;
    let length = items.borrow().len();
    for index in 0..length {
        let Some(element) = item_at(items, index) else {
            break;
        };
        let result = invoke(
            callback,
            &[element.clone(), Value::from(index), array.clone()],
        )?;
        if let Some(done) = visit(index, element, result) {
            return Ok(Some(done));
        }
    }
    Ok(None)
}

/// Dispatches `array.name(...args)`; `None` if arrays have no such method.
pub fn call(array: &Value, name: &str, args: &[Value]) -> Option<Result<Value, Throw>> {
    let Value::Array(items) = array else {
        return None;
    };
    call_on(array, items, name, args)
}

fn call_on(
    array: &Value,
    items: &Items,
    name: &str,
    args: &[Value],
) -> Option<Result<Value, Throw>> {
    let result = match name {
        "push" => {
            let mut items = items.borrow_mut();
            items.extend(args.iter().cloned());
            Ok(Value::from(items.len()))
        }
        "pop" => Ok(items.borrow_mut().pop().unwrap_or_default()),
        "shift" => {
            let mut items = items.borrow_mut();
            Ok(if items.is_empty() {
                Value::Undefined
            } else {
                items.remove(0)
            })
        }
        "unshift" => {
            let mut items = items.borrow_mut();
            for (offset, value) in args.iter().enumerate() {
                items.insert(offset, value.clone());
            }
            Ok(Value::from(items.len()))
        }
        "slice" => (|| {
            let snapshot = items.borrow().clone();
            let start = relative_index(&arg(args, 0), snapshot.len(), 0)?;
            let end = relative_index(&arg(args, 1), snapshot.len(), snapshot.len())?;
            Ok(Value::array(if start < end {
                snapshot[start..end].to_vec()
            } else {
                Vec::new()
            }))
        })(),
        "splice" => (|| {
            let length = items.borrow().len();
            let start = relative_index(&arg(args, 0), length, 0)?;
            let delete_count = match args.len() {
                0 => 0,
                1 => length - start,
                _ => (to_integer(to_number(&args[1])?).max(0.0) as usize).min(length - start),
            };
            let inserted: Vec<Value> = args.iter().skip(2).cloned().collect();
            let removed: Vec<Value> = items
                .borrow_mut()
                .splice(start..start + delete_count, inserted)
                .collect();
            Ok(Value::array(removed))
        })(),
        "concat" => (|| {
            let mut result = items.borrow().clone();
            for value in args {
                match value {
                    Value::Array(other) => result.extend(other.borrow().iter().cloned()),
                    other => result.push(other.clone()),
                }
            }
            Ok(Value::array(result))
        })(),
        "join" => (|| {
            let separator = match arg(args, 0) {
                Value::Undefined => JsString::new(","),
                other => to_string(&other)?,
            };
            let snapshot = items.borrow().clone();
            let mut parts = Vec::with_capacity(snapshot.len());
            for item in &snapshot {
                parts.push(if item.is_nullish() {
                    JsString::empty()
                } else {
                    to_string(item)?
                });
            }
            Ok(Value::String(super::convert::join(&parts, &separator)))
        })(),
        "reverse" => {
            items.borrow_mut().reverse();
            Ok(array.clone())
        }
        "indexOf" | "lastIndexOf" | "includes" => (|| {
            let target = arg(args, 0);
            let snapshot = items.borrow().clone();
            let from = relative_index(&arg(args, 1), snapshot.len(), 0)?;
            Ok(match name {
                "includes" => Value::Bool(
                    snapshot[from.min(snapshot.len())..]
                        .iter()
                        .any(|item| same_value_zero(item, &target)),
                ),
                "indexOf" => Value::Number(
                    snapshot
                        .iter()
                        .enumerate()
                        .skip(from)
                        .find(|(_, item)| strict_eq(item, &target))
                        .map_or(-1.0, |(index, _)| index as f64),
                ),
                _ => Value::Number(
                    snapshot
                        .iter()
                        .rposition(|item| strict_eq(item, &target))
                        .map_or(-1.0, |index| index as f64),
                ),
            })
        })(),
        "at" => (|| {
            let length = items.borrow().len() as f64;
            let index = to_integer(to_number(&arg(args, 0))?);
            let index = if index < 0.0 { length + index } else { index };
            Ok(if index < 0.0 || index >= length {
                Value::Undefined
            } else {
                item_at(items, index as usize).unwrap_or_default()
            })
        })(),
        "map" => (|| {
            let mut mapped = Vec::new();
            walk(array, items, &arg(args, 0), |_, _, result| {
                mapped.push(result);
                None
            })?;
            Ok(Value::array(mapped))
        })(),
        "filter" => (|| {
            let mut kept = Vec::new();
            walk(array, items, &arg(args, 0), |_, element, result| {
                if truthy(&result) {
                    kept.push(element);
                }
                None
            })?;
            Ok(Value::array(kept))
        })(),
        "forEach" => walk(array, items, &arg(args, 0), |_, _, _| None).map(|_| Value::Undefined),
        "find" => walk(array, items, &arg(args, 0), |_, element, result| {
            truthy(&result).then_some(element)
        })
        .map(Option::unwrap_or_default),
        "findIndex" => walk(array, items, &arg(args, 0), |index, _, result| {
            truthy(&result).then(|| Value::from(index))
        })
        .map(|found| found.unwrap_or(Value::Number(-1.0))),
        "some" => walk(array, items, &arg(args, 0), |_, _, result| {
            truthy(&result).then_some(Value::Bool(true))
        })
        .map(|found| found.unwrap_or(Value::Bool(false))),
        "every" => walk(array, items, &arg(args, 0), |_, _, result| {
            (!truthy(&result)).then_some(Value::Bool(false))
        })
        .map(|found| found.unwrap_or(Value::Bool(true))),
        "reduce" => reduce(array, items, args),
        "sort" => sort(items, &arg(args, 0)).map(|()| array.clone()),
        "flat" => (|| {
            let depth = match arg(args, 0) {
                Value::Undefined => 1.0,
                other => to_integer(to_number(&other)?),
            };
            let mut result = Vec::new();
            flatten(&items.borrow(), depth, &mut result);
            Ok(Value::array(result))
        })(),
        "flatMap" => (|| {
            let mut mapped = Vec::new();
            walk(array, items, &arg(args, 0), |_, _, result| {
                mapped.push(result);
                None
            })?;
            let mut result = Vec::new();
            flatten(&mapped, 1.0, &mut result);
            Ok(Value::array(result))
        })(),
        "fill" => (|| {
            let length = items.borrow().len();
            let start = relative_index(&arg(args, 1), length, 0)?;
            let end = relative_index(&arg(args, 2), length, length)?;
            let value = arg(args, 0);
            for slot in items.borrow_mut().iter_mut().take(end).skip(start) {
                *slot = value.clone();
            }
            Ok(array.clone())
        })(),
        "keys" => Ok(Value::array(
            (0..items.borrow().len()).map(Value::from).collect(),
        )),
        "values" => Ok(Value::array(items.borrow().clone())),
        "entries" => Ok(Value::array(
            items
                .borrow()
                .iter()
                .enumerate()
                .map(|(index, item)| Value::array(vec![Value::from(index), item.clone()]))
                .collect(),
        )),
        "toString" => to_string(array).map(Value::String),
        _ => return None,
    };
    Some(result)
}

fn flatten(items: &[Value], depth: f64, out: &mut Vec<Value>) {
    for item in items {
        match item {
            Value::Array(inner) if depth >= 1.0 => flatten(&inner.borrow(), depth - 1.0, out),
            other => out.push(other.clone()),
        }
    }
}

fn reduce(array: &Value, items: &Items, args: &[Value]) -> Result<Value, Throw> {
    let callback = arg(args, 0);
    require_callback(&callback)?;
    let length = items.borrow().len();
    let mut index = 0;
    let mut accumulator = if args.len() > 1 {
        args[1].clone()
    } else {
        index = 1;
        item_at(items, 0)
            .ok_or_else(|| Throw::type_error("Reduce of empty array with no initial value"))?
    };
    while index < length {
        let Some(element) = item_at(items, index) else {
            break;
        };
        accumulator = invoke(
            &callback,
            &[accumulator, element, Value::from(index), array.clone()],
        )?;
        index += 1;
    }
    Ok(accumulator)
}

/// `Array.prototype.sort`: stable merge sort; `undefined` sorts last without calling the
/// comparator; without a comparator elements compare by their strings in UTF-16 order.
fn sort(items: &Items, comparator: &Value) -> Result<(), Throw> {
    if !matches!(comparator, Value::Undefined | Value::Function(_)) {
        return Err(Throw::type_error(
            "The comparison function must be either a function or undefined",
        ));
    }
    let snapshot = items.borrow().clone();
    let (mut defined, undefined): (Vec<Value>, Vec<Value>) = snapshot
        .into_iter()
        .partition(|item| !matches!(item, Value::Undefined));
    let mut less_or_equal = |a: &Value, b: &Value| -> Result<bool, Throw> {
        if let Value::Function(_) = comparator {
            let order = to_number(&invoke(comparator, &[a.clone(), b.clone()])?)?;
            Ok(order <= 0.0 || order.is_nan())
        } else {
            Ok(to_string(a)? <= to_string(b)?)
        }
    };
    merge_sort(&mut defined, &mut less_or_equal)?;
    defined.extend(undefined);
    *items.borrow_mut() = defined;
    Ok(())
}

/// A stable merge sort whose comparison may throw.
pub fn merge_sort(
    items: &mut Vec<Value>,
    less_or_equal: &mut dyn FnMut(&Value, &Value) -> Result<bool, Throw>,
) -> Result<(), Throw> {
    if items.len() <= 1 {
        return Ok(());
    }
    let mut right = items.split_off(items.len() / 2);
    merge_sort(items, less_or_equal)?;
    merge_sort(&mut right, less_or_equal)?;
    let left = std::mem::take(items);
    let mut merged = Vec::with_capacity(left.len() + right.len());
    let mut left = left.into_iter().peekable();
    let mut right = right.into_iter().peekable();
    while let (Some(a), Some(b)) = (left.peek(), right.peek()) {
        if less_or_equal(a, b)? {
            merged.extend(left.next());
        } else {
            merged.extend(right.next());
        }
    }
    merged.extend(left);
    merged.extend(right);
    *items = merged;
    Ok(())
}

/// `Array.isArray(value)`.
pub fn is_array(value: &Value) -> bool {
    matches!(value, Value::Array(_))
}

/// `Array.from(iterable, mapFn?)`.
pub fn from(args: &[Value]) -> Result<Value, Throw> {
    let source = arg(args, 0);
    let items = match &source {
        Value::Object(object) if !super::iterate::is_iterable(&source) => {
            let length = object
                .props
                .borrow()
                .get(&JsString::new("length"))
                .cloned()
                .unwrap_or_default();
            let length = to_integer(to_number(&length)?).max(0.0) as usize;
            (0..length)
                .map(|index| super::access::get(&source, &index.to_string()))
                .collect::<Result<Vec<_>, _>>()?
        }
        other if other.is_nullish() => {
            return Err(Throw::type_error(format!(
                "{} is not iterable",
                super::console::inspect(other)
            )));
        }
        other => super::iterate::collect(other)?,
    };
    match arg(args, 1) {
        Value::Undefined => Ok(Value::array(items)),
        map => {
            let mut mapped = Vec::with_capacity(items.len());
            for (index, item) in items.into_iter().enumerate() {
                mapped.push(invoke(&map, &[item, Value::from(index)])?);
            }
            Ok(Value::array(mapped))
        }
    }
}
