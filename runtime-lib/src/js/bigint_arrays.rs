//! `BigInt64Array` and `BigUint64Array`: typed arrays whose elements are BigInts, stored as
//! 64-bit two's complement in the shared bytes of `bytes.rs`.
//!
//! ```text
//! new BigInt64Array([1n, -1n])          → BigInt64Array(2) [ 1n, -1n ]
//! new BigUint64Array([-1n])[0]          → 18446744073709551615n     (modulo 2⁶⁴ on write)
//! new BigInt64Array([1])                → TypeError: Cannot convert 1 to a BigInt
//! big64.map((x) => x * 2n).join("-")    → "2--2"
//! ```
//!
//! The numeric typed arrays keep their `f64` methods (`typed_array_methods.rs`); these are the
//! same methods over element values, so a number never stands in for a BigInt element.

use super::access::call;
use super::bytes::{ByteView, ViewClass, integer, new_view, relative, view_over};
use super::convert::{to_string, truthy};
use super::error::Throw;
use super::operators::strict_eq;
use super::value::Value;

fn arg(args: &[Value], index: usize) -> Value {
    args.get(index).cloned().unwrap_or_default()
}

/// A new BigInt array of `class` holding `values`, each through ToBigInt.
fn of_values(values: &[Value], class: ViewClass) -> Result<Value, Throw> {
    let array = new_view(vec![0; values.len() * 8], class);
    if let Some(view) = super::bytes::view(&array) {
        for (index, value) in values.iter().enumerate() {
            view.set_element(index, value)?;
        }
    }
    Ok(array)
}

/// `new BigInt64Array(list)` from an array, an iterable, an array-like object or another view.
pub fn from_list(source: &Value, class: ViewClass) -> Result<Value, Throw> {
    of_values(&super::bytes::items_of_list(source)?, class)
}

/// The order of two BigInt elements (what `sort()` without a comparator uses).
fn order(a: &Value, b: &Value) -> std::cmp::Ordering {
    match (a, b) {
        (Value::BigInt(x), Value::BigInt(y)) => x.cmp(y),
        _ => std::cmp::Ordering::Equal,
    }
}

/// Calls a `%TypedArray%.prototype` method of a BigInt array.
pub fn call_method(
    receiver: &Value,
    view: &ByteView,
    name: &str,
    args: &[Value],
) -> Option<Result<Value, Throw>> {
    if !super::typed_array_methods::VIEW_METHODS.contains(&name) {
        return None;
    }
    let length = view.length;
    let callback = |index: usize, value: &Value| -> Result<Value, Throw> {
        call(
            &arg(args, 0),
            &[value.clone(), Value::from(index), receiver.clone()],
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
                view.element(index as usize).unwrap_or_default()
            } else {
                Value::Undefined
            })
        }
        "subarray" => {
            let start = relative(&arg(args, 0), length, 0)?;
            let end = relative(&arg(args, 1), length, length)?.max(start);
            Ok(view_over(
                &view.buffer_object(),
                view.offset + start * 8,
                end - start,
                view.class,
            ))
        }
        "slice" => {
            let start = relative(&arg(args, 0), length, 0)?;
            let end = relative(&arg(args, 1), length, length)?.max(start);
            of_values(&view.values()[start..end], view.class)
        }
        "set" => {
            let source = super::bytes::items_of_list(&arg(args, 0))?;
            let offset = integer(&arg(args, 1))?;
            if offset < 0.0 || offset + source.len() as f64 > length as f64 {
                return Err(Throw::range_error("offset is out of bounds"));
            }
            for (index, value) in source.iter().enumerate() {
                view.set_element(offset as usize + index, value)?;
            }
            Ok(Value::Undefined)
        }
        "fill" => {
            let value = super::bigint::value(super::bigint_global::to_bigint(&arg(args, 0))?);
            let start = relative(&arg(args, 1), length, 0)?;
            let end = relative(&arg(args, 2), length, length)?;
            for index in start..end.max(start) {
                view.set_element(index, &value)?;
            }
            Ok(receiver.clone())
        }
        "indexOf" | "includes" | "lastIndexOf" => {
            let target = arg(args, 0);
            let values = view.values();
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
                    .find(|index| strict_eq(&values[*index], &target))
            } else {
                let from = relative(&arg(args, 1), length, 0)?;
                (from..length).find(|index| strict_eq(&values[*index], &target))
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
            let texts: Vec<String> = view
                .values()
                .iter()
                .map(|value| to_string(value).map(|text| text.to_string()))
                .collect::<Result<_, _>>()?;
            Ok(Value::from(texts.join(&separator)))
        }
        "forEach" => {
            for (index, value) in view.values().iter().enumerate() {
                callback(index, value)?;
            }
            Ok(Value::Undefined)
        }
        "map" => {
            let mut out = Vec::with_capacity(length);
            for (index, value) in view.values().iter().enumerate() {
                out.push(callback(index, value)?);
            }
            of_values(&out, view.class)
        }
        "filter" => {
            let mut out = Vec::new();
            for (index, value) in view.values().into_iter().enumerate() {
                if truthy(&callback(index, &value)?) {
                    out.push(value);
                }
            }
            of_values(&out, view.class)
        }
        "every" | "some" => {
            let every = name == "every";
            for (index, value) in view.values().iter().enumerate() {
                if truthy(&callback(index, value)?) != every {
                    return Ok(Value::Bool(!every));
                }
            }
            Ok(Value::Bool(every))
        }
        "find" | "findIndex" | "findLast" | "findLastIndex" => {
            let mut items: Vec<(usize, Value)> = view.values().into_iter().enumerate().collect();
            if name.starts_with("findLast") {
                items.reverse();
            }
            let wants_value = name == "find" || name == "findLast";
            for (index, value) in items {
                if truthy(&callback(index, &value)?) {
                    return Ok(if wants_value {
                        value
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
            let mut items = view.values().into_iter().enumerate();
            let mut accumulator = match args.get(1) {
                Some(initial) => initial.clone(),
                None => match items.next() {
                    Some((_, value)) => value,
                    None => {
                        return Err(Throw::type_error(
                            "Reduce of empty array with no initial value",
                        ));
                    }
                },
            };
            for (index, value) in items {
                accumulator = call(
                    &arg(args, 0),
                    &[accumulator, value, Value::from(index), receiver.clone()],
                )?;
            }
            Ok(accumulator)
        }
        "reverse" => {
            let mut values = view.values();
            values.reverse();
            for (index, value) in values.iter().enumerate() {
                view.set_element(index, value)?;
            }
            Ok(receiver.clone())
        }
        "sort" => {
            let mut sorted = view.values();
            match arg(args, 0) {
                Value::Undefined => sorted.sort_by(order),
                compare => {
                    super::typed_array_methods::sort_with(&mut sorted, &compare, Value::clone)?
                }
            }
            for (index, value) in sorted.iter().enumerate() {
                view.set_element(index, value)?;
            }
            Ok(receiver.clone())
        }
        "values" | "keys" | "entries" => {
            let items: Vec<Value> = view
                .values()
                .into_iter()
                .enumerate()
                .map(|(index, value)| match name {
                    "values" => value,
                    "keys" => Value::from(index),
                    _ => Value::array(vec![Value::from(index), value]),
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
