//! The methods every typed array has (`%TypedArray%.prototype`), and `ArrayBuffer`'s `slice`.
//!
//! ```text
//! new Int16Array([1, -2]).map((x) => x * 40000)   → Int16Array [ -25536, 14464 ]  (converted on write)
//! new Float64Array([3, NaN, 1]).sort()            → [ 1, 3, NaN ]                 (numeric, NaN last)
//! u8.subarray(1)                                  → shares the store; `slice` copies
//! ```
//!
//! Elements are read as numbers and written back through the view's element conversion
//! (`bytes.rs`); callbacks see `(value, index, array)` as in V8.

use std::cell::RefCell;
use std::rc::Rc;

use super::access::call;
use super::bytes::{ViewClass, array_buffer, integer, relative, view, view_of_numbers, view_over};
use super::convert::{to_number, to_string, truthy};
use super::error::Throw;
use super::value::{ObjectKind, Value};

fn arg(args: &[Value], index: usize) -> Value {
    args.get(index).cloned().unwrap_or_default()
}

/// The methods of `%TypedArray%.prototype` that are supported.
pub const VIEW_METHODS: &[&str] = &[
    "at",
    "every",
    "fill",
    "filter",
    "find",
    "findIndex",
    "findLast",
    "findLastIndex",
    "forEach",
    "includes",
    "indexOf",
    "join",
    "lastIndexOf",
    "map",
    "reduce",
    "reverse",
    "set",
    "slice",
    "some",
    "sort",
    "subarray",
    "toString",
    "values",
    "keys",
    "entries",
];

/// Numeric order for `sort()` without a comparator: NaN last, -0 before +0.
fn numeric_order(a: &f64, b: &f64) -> std::cmp::Ordering {
    match (a.is_nan(), b.is_nan()) {
        (true, true) => std::cmp::Ordering::Equal,
        (true, false) => std::cmp::Ordering::Greater,
        (false, true) => std::cmp::Ordering::Less,
        _ => a.total_cmp(b),
    }
}

/// Calls a method of a typed array or an ArrayBuffer; `None` if it has no such method.
pub fn call_method(receiver: &Value, name: &str, args: &[Value]) -> Option<Result<Value, Throw>> {
    if let Some(store) = array_buffer(receiver) {
        return (name == "slice").then(|| {
            let bytes = store.borrow();
            let start = relative(&arg(args, 0), bytes.len(), 0)?;
            let end = relative(&arg(args, 1), bytes.len(), bytes.len())?.max(start);
            Ok(Value::object_of_kind(ObjectKind::ArrayBuffer(Rc::new(
                RefCell::new(bytes[start..end].to_vec()),
            ))))
        });
    }
    let view = view(receiver)?;
    if view.class == ViewClass::Buffer
        && let Some(result) = super::node::buffer::call_method(receiver, view, name, args)
    {
        return Some(result);
    }
    if view.class.is_bigint() {
        return super::bigint_arrays::call_method(receiver, view, name, args);
    }
    if !VIEW_METHODS.contains(&name) {
        return None;
    }
    let numbers = || view.numbers();
    let length = view.length;
    let width = view.class.width();
    let callback = |index: usize, number: f64| -> Result<Value, Throw> {
        call(
            &arg(args, 0),
            &[Value::Number(number), Value::from(index), receiver.clone()],
        )
    };
    Some((|| match name {
        "at" => {
            let index = integer(&arg(args, 0))?;
            let index = if index < 0.0 {
                length as f64 + index
            } else {
                index
            };
            Ok(if index >= 0.0 {
                view.get(index as usize)
                    .map(Value::Number)
                    .unwrap_or_default()
            } else {
                Value::Undefined
            })
        }
        "subarray" => {
            let start = relative(&arg(args, 0), length, 0)?;
            let end = relative(&arg(args, 1), length, length)?.max(start);
            Ok(view_over(
                &view.buffer_object(),
                view.offset + start * width,
                end - start,
                view.class,
            ))
        }
        "slice" => {
            let start = relative(&arg(args, 0), length, 0)?;
            let end = relative(&arg(args, 1), length, length)?.max(start);
            Ok(view_of_numbers(&numbers()[start..end], view.class))
        }
        "set" => {
            let source = super::bytes::numbers_of_list(&arg(args, 0))?;
            let offset = integer(&arg(args, 1))?;
            if offset < 0.0 || offset + source.len() as f64 > length as f64 {
                return Err(Throw::range_error("offset is out of bounds"));
            }
            for (index, number) in source.into_iter().enumerate() {
                view.set(offset as usize + index, number);
            }
            Ok(Value::Undefined)
        }
        "fill" => {
            let number = to_number(&arg(args, 0))?;
            let start = relative(&arg(args, 1), length, 0)?;
            let end = relative(&arg(args, 2), length, length)?;
            for index in start..end.max(start) {
                view.set(index, number);
            }
            Ok(receiver.clone())
        }
        "indexOf" | "includes" | "lastIndexOf" => {
            let Value::Number(target) = arg(args, 0) else {
                return Ok(if name == "includes" {
                    Value::Bool(false)
                } else {
                    Value::from(-1)
                });
            };
            let numbers = numbers();
            // `includes` is SameValueZero (finds NaN); the others are strict equality.
            let matches = |number: f64| {
                number == target || (name == "includes" && number.is_nan() && target.is_nan())
            };
            let found = if name == "lastIndexOf" {
                let from = match arg(args, 1) {
                    Value::Undefined => length as f64 - 1.0,
                    other => {
                        let from = integer(&other)?;
                        if from < 0.0 {
                            length as f64 + from
                        } else {
                            from.min(length as f64 - 1.0)
                        }
                    }
                };
                (0..(from + 1.0).max(0.0) as usize)
                    .rev()
                    .find(|index| matches(numbers[*index]))
            } else {
                let from = relative(&arg(args, 1), length, 0)?;
                (from..length).find(|index| matches(numbers[*index]))
            };
            Ok(match (name, found) {
                ("includes", found) => Value::Bool(found.is_some()),
                (_, Some(index)) => Value::from(index),
                (_, None) => Value::from(-1),
            })
        }
        "join" | "toString" => {
            let separator = match (name, arg(args, 0)) {
                ("join", Value::Undefined) | ("toString", _) => ",".to_string(),
                (_, other) => to_string(&other)?.to_string(),
            };
            Ok(Value::from(
                numbers()
                    .into_iter()
                    .map(super::number::to_string)
                    .collect::<Vec<_>>()
                    .join(&separator),
            ))
        }
        "forEach" => {
            for (index, number) in numbers().into_iter().enumerate() {
                callback(index, number)?;
            }
            Ok(Value::Undefined)
        }
        "map" => {
            let mut out = Vec::with_capacity(length);
            for (index, number) in numbers().into_iter().enumerate() {
                out.push(to_number(&callback(index, number)?)?);
            }
            Ok(view_of_numbers(&out, view.class))
        }
        "filter" => {
            let mut out = Vec::new();
            for (index, number) in numbers().into_iter().enumerate() {
                if truthy(&callback(index, number)?) {
                    out.push(number);
                }
            }
            Ok(view_of_numbers(&out, view.class))
        }
        "every" | "some" => {
            let every = name == "every";
            for (index, number) in numbers().into_iter().enumerate() {
                if truthy(&callback(index, number)?) != every {
                    return Ok(Value::Bool(!every));
                }
            }
            Ok(Value::Bool(every))
        }
        "find" | "findIndex" | "findLast" | "findLastIndex" => {
            let mut items: Vec<(usize, f64)> = numbers().into_iter().enumerate().collect();
            if name.starts_with("findLast") {
                items.reverse();
            }
            let wants_value = name == "find" || name == "findLast";
            for (index, number) in items {
                if truthy(&callback(index, number)?) {
                    return Ok(if wants_value {
                        Value::Number(number)
                    } else {
                        Value::from(index)
                    });
                }
            }
            Ok(if wants_value {
                Value::Undefined
            } else {
                Value::from(-1)
            })
        }
        "reduce" => {
            let mut items = numbers().into_iter().enumerate();
            let mut accumulator = match args.get(1) {
                Some(initial) => initial.clone(),
                None => match items.next() {
                    Some((_, number)) => Value::Number(number),
                    None => {
                        return Err(Throw::type_error(
                            "Reduce of empty array with no initial value",
                        ));
                    }
                },
            };
            for (index, number) in items {
                accumulator = call(
                    &arg(args, 0),
                    &[
                        accumulator,
                        Value::Number(number),
                        Value::from(index),
                        receiver.clone(),
                    ],
                )?;
            }
            Ok(accumulator)
        }
        "reverse" => {
            let mut numbers = numbers();
            numbers.reverse();
            for (index, number) in numbers.into_iter().enumerate() {
                view.set(index, number);
            }
            Ok(receiver.clone())
        }
        "sort" => {
            let mut sorted = numbers();
            match arg(args, 0) {
                Value::Undefined => sorted.sort_by(numeric_order),
                compare => sort_with(&mut sorted, &compare, |number| Value::Number(*number))?,
            }
            for (index, number) in sorted.into_iter().enumerate() {
                view.set(index, number);
            }
            Ok(receiver.clone())
        }
        "values" | "keys" | "entries" => {
            let items: Vec<Value> = numbers()
                .into_iter()
                .enumerate()
                .map(|(index, number)| match name {
                    "values" => Value::Number(number),
                    "keys" => Value::from(index),
                    _ => Value::array(vec![Value::from(index), Value::Number(number)]),
                })
                .collect();
            Ok(super::iterator::over_array(
                &Value::array(items),
                super::iterator::Yield::Values,
            ))
        }
        _ => Err(Throw::type_error(format!("{name} is not a function"))),
    })())
}

/// Sorts `items` with a user comparator (`(a, b) => …`, each item given as `value(item)`): its
/// first throw stops the sort and is the result, as in V8, where the elements stay unwritten.
pub(crate) fn sort_with<T>(
    items: &mut [T],
    compare: &Value,
    value: impl Fn(&T) -> Value,
) -> Result<(), Throw> {
    let mut failure = None;
    items.sort_by(|a, b| {
        if failure.is_some() {
            return std::cmp::Ordering::Equal;
        }
        match call(compare, &[value(a), value(b)]).and_then(|order| to_number(&order)) {
            Ok(order) if order < 0.0 => std::cmp::Ordering::Less,
            Ok(order) if order > 0.0 => std::cmp::Ordering::Greater,
            Ok(_) => std::cmp::Ordering::Equal,
            Err(thrown) => {
                failure = Some(thrown);
                std::cmp::Ordering::Equal
            }
        }
    });
    failure.map_or(Ok(()), Err)
}
