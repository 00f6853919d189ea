//! `Array.prototype` methods and `Array.isArray` / `Array.from` / `Array.of`.
//!
//! ```text
//! posts.filter((p) => p.published)   → rt::call_method(&posts, "filter", &[callback])?
//! [3, 1, 2].sort()                   → [1, 2, 3]   (stable, undefined last, string order without comparator)
//! [1, , 3].map((x) => x * 2)         → [2, <hole>, 6]
//! ```
//!
//! Callbacks get `(element, index, array)`. Methods read the live array on every step (a callback
//! that pushes to the array it walks sees what JS would see for the indices visited). Holes
//! (`elements.rs`) follow the spec's `HasProperty` checks as V8 does: `forEach`, `map`, `filter`,
//! `reduce`, `some`, `every`, `flat`, `flatMap`, `indexOf` and `lastIndexOf` skip them (`map`
//! keeps them); `find`, `findIndex`, `includes`, `join`, `entries` and the ES2023 copies read
//! them as `undefined`; `sort` moves them to the end, after the `undefined`s; `slice`, `splice`,
//! `concat` and `reverse` carry them over.

use std::rc::Rc;

use super::access::call as invoke;
use super::convert::{to_number, to_string, truthy};
use super::elements::{JsArray, MAX_LENGTH, MAX_MATERIALIZED};
use super::error::Throw;
use super::iterator::{Yield, over_array};
use super::number::to_integer;
use super::operators::{same_value_zero, strict_eq};
use super::string::JsString;
use super::value::Value;

/// Every `Array.prototype` method [`call`] implements: `"push" in arr` and `arr.map` as a value
/// see them.
const METHODS: &[&str] = &[
    "at",
    "concat",
    "entries",
    "every",
    "fill",
    "filter",
    "find",
    "findIndex",
    "findLast",
    "findLastIndex",
    "flat",
    "flatMap",
    "forEach",
    "includes",
    "indexOf",
    "join",
    "keys",
    "lastIndexOf",
    "map",
    "pop",
    "push",
    "reduce",
    "reduceRight",
    "reverse",
    "shift",
    "slice",
    "some",
    "sort",
    "splice",
    "toReversed",
    "toSorted",
    "toSpliced",
    "toString",
    "unshift",
    "values",
    "with",
    "hasOwnProperty",
    "valueOf",
];

/// Whether arrays have a built-in method `name`.
pub fn is_method(name: &str) -> bool {
    METHODS.contains(&name)
}

/// `arr.name` read as a value: a function that runs the method on its `this`.
pub fn method_value(name: &str) -> Option<Value> {
    // The same function as `Array.prototype[name]`, callable on any array-like
    // (`[].slice.call(arguments)`).
    if let Some(method) = super::builtin_prototypes::member("Array", name)
        && name != "constructor"
    {
        return Some(method);
    }
    let name: &'static str = METHODS.iter().find(|method| **method == name)?;
    Some(Value::arrow_function(name, 1, move |this, args| {
        // Read through a proxy of an array: the generic algorithm over its traps.
        if super::proxy::proxy_of(this).is_some() {
            return super::proxy::array_method(this, name, args);
        }
        super::access::call_method(this, name, args)
    }))
}

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

fn require_callback(value: &Value) -> Result<(), Throw> {
    match value {
        Value::Function(_) => Ok(()),
        other => Err(Throw::type_error(format!(
            "{} is not a function",
            super::console::inspect(other)
        ))),
    }
}

/// The slots `start..end` (`None` for holes), bounded like every copy out of an array.
fn range_slots(array: &JsArray, start: usize, end: usize) -> Result<Vec<Option<Value>>, Throw> {
    if end.saturating_sub(start) > MAX_MATERIALIZED {
        return Err(Throw::range_error("Invalid array length"));
    }
    Ok((start..end).map(|index| array.get(index)).collect())
}

/// Fails like V8 when an operation would make the array longer than 2³² − 1.
fn check_growth(length: usize, added: usize) -> Result<(), Throw> {
    if length + added > MAX_LENGTH {
        return Err(Throw::range_error("Invalid array length"));
    }
    Ok(())
}

/// Calls a callback with `args`, then releases them (`Value::release`): per call, the argument
/// copies of numbers and booleans cost no drop glue.
#[inline(always)]
fn call_back<const N: usize>(callback: &Value, args: [Value; N]) -> Result<Value, Throw> {
    let result = invoke(callback, &args);
    for arg in args {
        arg.release();
    }
    result
}

/// Calls `callback(element, index, array)` for each element present below the length the walk
/// started with (holes skipped, as `HasProperty` does); stops when `visit` says so.
fn walk(
    array: &Value,
    items: &JsArray,
    callback: &Value,
    mut visit: impl FnMut(usize, Value, Value) -> Option<Value>,
) -> Result<Option<Value>, Throw> {
    require_callback(callback)?;
    let length = items.len();
    let mut next = 0;
    while let Some(index) = items.next_present(next) {
        if index >= length {
            break;
        }
        next = index + 1;
        let Some(element) = items.get(index) else {
            continue;
        };
        let result = call_back(
            callback,
            [element.clone(), Value::from(index), array.clone()],
        )?;
        if let Some(done) = visit(index, element, result) {
            return Ok(Some(done));
        }
    }
    Ok(None)
}

/// Calls `callback(element, index, array)` for every index below the starting length, holes
/// and missing elements read as `undefined` (`find`, `findIndex`, `findLast`, `findLastIndex`).
fn walk_every(
    array: &Value,
    items: &JsArray,
    callback: &Value,
    from_end: bool,
) -> Result<Option<(usize, Value)>, Throw> {
    require_callback(callback)?;
    let length = items.len();
    for step in 0..length {
        let index = if from_end { length - 1 - step } else { step };
        let element = items.read(index);
        let result = call_back(
            callback,
            [element.clone(), Value::from(index), array.clone()],
        )?;
        if truthy(&result) {
            return Ok(Some((index, element)));
        }
    }
    Ok(None)
}

/// Dispatches `array.name(...args)`; `None` if arrays have no such method.
pub fn call(array: &Value, name: &str, args: &[Value]) -> Option<Result<Value, Throw>> {
    let Value::Array(items) = array else {
        return None;
    };
    // An instance of a class extending `Array` builds `map`'s (…) result with its class.
    if let Some(class) = items.class()
        && let Some(result) = super::subclass::species_call(array, items, &class, name, args)
    {
        return Some(result);
    }
    call_builtin(array, items, name, args)
}

/// The `deleteCount` of `splice` / `toSpliced`.
fn delete_count(args: &[Value], length: usize, start: usize) -> Result<usize, Throw> {
    Ok(match args.len() {
        0 => 0,
        1 => length - start,
        _ => (to_integer(to_number(&args[1])?).max(0.0) as usize).min(length - start),
    })
}

/// `array.name(...args)` with plain arrays as results (no species constructor).
pub(super) fn call_builtin(
    array: &Value,
    items: &Rc<JsArray>,
    name: &str,
    args: &[Value],
) -> Option<Result<Value, Throw>> {
    if let Err(error) = super::freeze::check_array_method(items, name, args) {
        return Some(Err(error));
    }
    let result = match name {
        "push" => (|| {
            check_growth(items.len(), args.len())?;
            items.extend(args.iter().cloned())?;
            Ok(Value::from(items.len()))
        })(),
        "pop" => Ok(items.pop()),
        "shift" => (|| {
            if let Some(first) = items.with_packed(|items| {
                if items.is_empty() {
                    Value::Undefined
                } else {
                    items.remove(0)
                }
            }) {
                return Ok(first);
            }
            let mut slots = items.slots()?;
            if slots.is_empty() {
                return Ok(Value::Undefined);
            }
            let first = slots.remove(0);
            items.set_slots(slots);
            Ok(first.unwrap_or_default())
        })(),
        "unshift" => (|| {
            check_growth(items.len(), args.len())?;
            if items
                .with_packed(|items| {
                    items.splice(0..0, args.iter().cloned());
                })
                .is_none()
            {
                let mut slots = items.slots()?;
                slots.splice(0..0, args.iter().cloned().map(Some));
                items.set_slots(slots);
            }
            Ok(Value::from(items.len()))
        })(),
        "slice" => (|| {
            let length = items.len();
            let start = relative_index(&arg(args, 0), length, 0)?;
            let end = relative_index(&arg(args, 1), length, length)?;
            if items.is_packed() {
                let dense = items.dense();
                return Ok(Value::array(dense.get(start..end).unwrap_or(&[]).to_vec()));
            }
            Ok(Value::array_of_slots(range_slots(
                items,
                start,
                end.max(start),
            )?))
        })(),
        "splice" => (|| {
            let length = items.len();
            let start = relative_index(&arg(args, 0), length, 0)?;
            let delete_count = delete_count(args, length, start)?;
            let inserted = args.iter().skip(2).cloned();
            check_growth(length - delete_count, inserted.len())?;
            if let Some(removed) = items.with_packed(|items| {
                items
                    .splice(start..start + delete_count, inserted.clone())
                    .collect::<Vec<_>>()
            }) {
                return Ok(Value::array(removed));
            }
            let mut slots = items.slots()?;
            let removed: Vec<Option<Value>> = slots
                .splice(start..start + delete_count, inserted.map(Some))
                .collect();
            items.set_slots(slots);
            Ok(Value::array_of_slots(removed))
        })(),
        "concat" => (|| {
            let mut result = items.slots()?;
            for value in args {
                match value {
                    Value::Array(other) => result.extend(other.slots()?),
                    other => result.push(Some(other.clone())),
                }
                if result.len() > MAX_MATERIALIZED {
                    return Err(Throw::range_error("Invalid array length"));
                }
            }
            Ok(Value::array_of_slots(result))
        })(),
        "join" => (|| {
            let separator = match arg(args, 0) {
                Value::Undefined => JsString::new(","),
                other => to_string(&other)?,
            };
            join(items, &separator).map(Value::String)
        })(),
        "reverse" => (|| {
            if items.with_packed(|items| items.reverse()).is_none() {
                let mut slots = items.slots()?;
                slots.reverse();
                items.set_slots(slots);
            }
            Ok(array.clone())
        })(),
        "indexOf" => (|| {
            let target = arg(args, 0);
            let from = relative_index(&arg(args, 1), items.len(), 0)?;
            Ok(
                match first_present(items, from, |item| strict_eq(item, &target)) {
                    Some(index) => Value::from(index),
                    None => Value::Number(-1.0),
                },
            )
        })(),
        "lastIndexOf" => (|| {
            let target = arg(args, 0);
            let length = items.len() as f64;
            let from = match args.get(1) {
                None => length - 1.0,
                Some(value) => {
                    let from = to_integer(to_number(value)?);
                    if from < 0.0 {
                        length + from
                    } else {
                        from.min(length - 1.0)
                    }
                }
            };
            if from < 0.0 {
                return Ok(Value::Number(-1.0));
            }
            let mut before = from as usize + 1;
            while let Some(index) = items.previous_present(before) {
                if strict_eq(&items.read(index), &target) {
                    return Ok(Value::from(index));
                }
                before = index;
            }
            Ok(Value::Number(-1.0))
        })(),
        "includes" => (|| {
            let target = arg(args, 0);
            let length = items.len();
            let from = relative_index(&arg(args, 1), length, 0)?;
            if items.is_packed() {
                let dense = items.dense();
                return Ok(Value::Bool(
                    dense
                        .get(from..)
                        .unwrap_or(&[])
                        .iter()
                        .any(|item| same_value_zero(item, &target)),
                ));
            }
            // Holes read as `undefined`; only the elements present need comparing otherwise.
            if matches!(target, Value::Undefined) && items.has_hole_from(from) {
                return Ok(Value::Bool(true));
            }
            Ok(Value::Bool(
                first_present(items, from, |item| same_value_zero(item, &target)).is_some(),
            ))
        })(),
        "at" => (|| {
            let length = items.len() as f64;
            let index = to_integer(to_number(&arg(args, 0))?);
            let index = if index < 0.0 { length + index } else { index };
            Ok(if index < 0.0 || index >= length {
                Value::Undefined
            } else {
                items.read(index as usize)
            })
        })(),
        "map" => (|| {
            // The result has the original length and keeps the holes (and any index the
            // callback removed) as holes.
            let length = items.len();
            // Results go to a plain vector while the visited indices are 0, 1, 2, …; the
            // first skipped index switches to placing each result in a holey array.
            let mut mapped = Vec::with_capacity(if items.is_packed() { length } else { 0 });
            let mut placed: Option<JsArray> = None;
            walk(array, items, &arg(args, 0), |index, _, value| {
                match &placed {
                    None if index == mapped.len() => mapped.push(value),
                    Some(target) => target.set(index, value),
                    None => {
                        let target = JsArray::with_length(length);
                        for (earlier, item) in mapped.drain(..).enumerate() {
                            target.set(earlier, item);
                        }
                        target.set(index, value);
                        placed = Some(target);
                    }
                }
                None
            })?;
            Ok(match placed {
                Some(target) => Value::Array(Rc::new(target)),
                None if mapped.len() == length => Value::array(mapped),
                None => {
                    let target = JsArray::new(mapped);
                    target.set_len(length);
                    Value::Array(Rc::new(target))
                }
            })
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
        "find" => walk_every(array, items, &arg(args, 0), false)
            .map(|found| found.map(|(_, element)| element).unwrap_or_default()),
        "findIndex" => walk_every(array, items, &arg(args, 0), false)
            .map(|found| found.map_or(Value::Number(-1.0), |(index, _)| Value::from(index))),
        "findLast" => walk_every(array, items, &arg(args, 0), true)
            .map(|found| found.map(|(_, element)| element).unwrap_or_default()),
        "findLastIndex" => walk_every(array, items, &arg(args, 0), true)
            .map(|found| found.map_or(Value::Number(-1.0), |(index, _)| Value::from(index))),
        "some" => walk(array, items, &arg(args, 0), |_, _, result| {
            truthy(&result).then_some(Value::Bool(true))
        })
        .map(|found| found.unwrap_or(Value::Bool(false))),
        "every" => walk(array, items, &arg(args, 0), |_, _, result| {
            (!truthy(&result)).then_some(Value::Bool(false))
        })
        .map(|found| found.unwrap_or(Value::Bool(true))),
        "reduce" => reduce(array, items, args, false),
        "reduceRight" => reduce(array, items, args, true),
        "sort" => (|| {
            check_comparator(&arg(args, 0))?;
            let length = items.len();
            // Only the elements present are sorted; the holes end up after them.
            let present: Vec<Value> = if items.is_packed() {
                items.dense().clone()
            } else {
                items
                    .present_indices()
                    .into_iter()
                    .map(|index| items.read(index))
                    .collect()
            };
            let sorted = sort(present, &arg(args, 0))?;
            items.set_prefix(sorted, length);
            Ok(array.clone())
        })(),
        "toSorted" => (|| {
            check_comparator(&arg(args, 0))?;
            Ok(Value::array(sort(items.to_vec()?, &arg(args, 0))?))
        })(),
        "toReversed" => (|| {
            let mut copy = items.to_vec()?;
            copy.reverse();
            Ok(Value::array(copy))
        })(),
        "toSpliced" => (|| {
            let mut copy = items.to_vec()?;
            let length = copy.len();
            let start = relative_index(&arg(args, 0), length, 0)?;
            let skip = delete_count(args, length, start)?;
            copy.splice(start..start + skip, args.iter().skip(2).cloned());
            Ok(Value::array(copy))
        })(),
        "with" => (|| {
            let length = items.len() as f64;
            let relative = to_integer(to_number(&arg(args, 0))?);
            let index = if relative < 0.0 {
                length + relative
            } else {
                relative
            };
            if index < 0.0 || index >= length {
                return Err(Throw::range_error(format!(
                    "Invalid index : {}",
                    super::number::to_string(relative)
                )));
            }
            let mut copy = items.to_vec()?;
            if let Some(slot) = copy.get_mut(index as usize) {
                *slot = arg(args, 1);
            }
            Ok(Value::array(copy))
        })(),
        "flat" => (|| {
            let depth = match arg(args, 0) {
                Value::Undefined => 1.0,
                other => to_integer(to_number(&other)?),
            };
            let mut result = Vec::new();
            flatten(items, depth, &mut result)?;
            Ok(Value::array(result))
        })(),
        "flatMap" => (|| {
            let mut result = Vec::new();
            let mut failure = None;
            walk(array, items, &arg(args, 0), |_, _, mapped| {
                let flattened = match &mapped {
                    Value::Array(inner) => flatten(inner, 0.0, &mut result),
                    _ => {
                        result.push(mapped);
                        Ok(())
                    }
                };
                match flattened {
                    Ok(()) => None,
                    Err(error) => {
                        failure = Some(error);
                        Some(Value::Undefined)
                    }
                }
            })?;
            match failure {
                Some(error) => Err(error),
                None => Ok(Value::array(result)),
            }
        })(),
        "fill" => (|| {
            let length = items.len();
            let start = relative_index(&arg(args, 1), length, 0)?;
            let end = relative_index(&arg(args, 2), length, length)?;
            if end.saturating_sub(start) > MAX_MATERIALIZED {
                return Err(Throw::range_error("Invalid array length"));
            }
            let value = arg(args, 0);
            for index in start..end {
                items.set(index, value.clone());
            }
            Ok(array.clone())
        })(),
        "keys" => Ok(over_array(array, Yield::Keys)),
        "values" => Ok(over_array(array, Yield::Values)),
        "entries" => Ok(over_array(array, Yield::Entries)),
        "toString" => to_string(array).map(Value::String),
        _ => return None,
    };
    Some(result)
}

/// The first index at or after `from`, below the length, whose element is present (holes are
/// skipped) and satisfies `matches`.
fn first_present(items: &JsArray, from: usize, matches: impl Fn(&Value) -> bool) -> Option<usize> {
    let length = items.len();
    let mut next = from;
    while let Some(index) = items.next_present(next) {
        if index >= length {
            return None;
        }
        if matches(&items.read(index)) {
            return Some(index);
        }
        next = index + 1;
    }
    None
}

/// `array.join(separator)`: holes, `undefined` and `null` print as empty.
pub fn join(items: &JsArray, separator: &JsString) -> Result<JsString, Throw> {
    // V8's longest string is 2²⁹ − 24 code units; a huge sparse array fails before copying.
    if items
        .len()
        .saturating_sub(1)
        .saturating_mul(separator.len())
        > (1 << 29) - 24
    {
        return Err(Throw::range_error("Invalid string length"));
    }
    let values = items.to_vec()?;
    let mut parts = Vec::with_capacity(values.len());
    for item in &values {
        parts.push(if item.is_nullish() {
            JsString::empty()
        } else {
            to_string(item)?
        });
    }
    Ok(super::convert::join(&parts, separator))
}

/// Appends the elements of `items` to `out`, descending into arrays while `depth` ≥ 1; holes
/// are skipped at every level.
fn flatten(items: &JsArray, depth: f64, out: &mut Vec<Value>) -> Result<(), Throw> {
    let mut next = 0;
    while let Some(index) = items.next_present(next) {
        next = index + 1;
        match items.read(index) {
            Value::Array(inner) if depth >= 1.0 => flatten(&inner, depth - 1.0, out)?,
            other => out.push(other),
        }
        if out.len() > MAX_MATERIALIZED {
            return Err(Throw::range_error("Invalid array length"));
        }
    }
    Ok(())
}

fn reduce(
    array: &Value,
    items: &JsArray,
    args: &[Value],
    from_right: bool,
) -> Result<Value, Throw> {
    let callback = arg(args, 0);
    require_callback(&callback)?;
    let length = items.len();
    // The next index present in walking order, below the starting length.
    let step = |cursor: Option<usize>| -> Option<usize> {
        if from_right {
            items.previous_present(cursor.unwrap_or(length))
        } else {
            items
                .next_present(cursor.map_or(0, |index| index + 1))
                .filter(|&index| index < length)
        }
    };
    let mut cursor = None;
    let mut accumulator = if args.len() > 1 {
        args[1].clone()
    } else {
        let first = step(None)
            .ok_or_else(|| Throw::type_error("Reduce of empty array with no initial value"))?;
        cursor = Some(first);
        items.read(first)
    };
    while let Some(index) = step(cursor) {
        cursor = Some(index);
        // A callback that deletes an element ahead of the walk makes it a hole, skipped here.
        let Some(element) = items.get(index) else {
            continue;
        };
        accumulator = call_back(
            &callback,
            [accumulator, element, Value::from(index), array.clone()],
        )?;
    }
    Ok(accumulator)
}

fn check_comparator(comparator: &Value) -> Result<(), Throw> {
    if matches!(comparator, Value::Undefined | Value::Function(_)) {
        Ok(())
    } else {
        Err(Throw::type_error(
            "The comparison function must be either a function or undefined",
        ))
    }
}

/// `Array.prototype.sort` as V8 runs it: `undefined`s go last without calling the comparator;
/// the rest are sorted by V8's TimSort (runs found by `count_run`, short runs extended by
/// binary insertion to the minimum run length, runs merged stably). Without a comparator
/// elements compare by their strings in UTF-16 order; a comparator's result goes through
/// `ToNumber` and `NaN` counts as equal. Following V8's steps keeps the results of inconsistent
/// comparators (`(a, b) => a > b`, random ones) the same as Node's for arrays shorter than 64
/// elements, where the whole sort is one binary insertion.
fn sort(values: Vec<Value>, comparator: &Value) -> Result<Vec<Value>, Throw> {
    let (defined, undefined): (Vec<Value>, Vec<Value>) = values
        .into_iter()
        .partition(|item| !matches!(item, Value::Undefined));
    let mut sorted = if let Value::Function(_) = comparator {
        let mut compare = |a: &Value, b: &Value| -> Result<f64, Throw> {
            let result = call_back(comparator, [a.clone(), b.clone()])?;
            let order = to_number(&result);
            result.release();
            let order = order?;
            Ok(if order.is_nan() { 0.0 } else { order })
        };
        let mut work = defined;
        tim_sort(&mut work, &mut compare)?;
        work
    } else {
        // V8 converts every element to a string once, then sorts the pairs.
        let mut keyed = Vec::with_capacity(defined.len());
        for item in defined {
            keyed.push(Value::array(vec![Value::String(to_string(&item)?), item]));
        }
        let key = |pair: &Value| match pair {
            Value::Array(pair) => pair
                .read(0)
                .as_js_string()
                .cloned()
                .unwrap_or_else(JsString::empty),
            _ => JsString::empty(),
        };
        let mut compare = |a: &Value, b: &Value| -> Result<f64, Throw> {
            Ok(
                match key(a)
                    .partial_cmp(&key(b))
                    .unwrap_or(std::cmp::Ordering::Equal)
                {
                    std::cmp::Ordering::Less => -1.0,
                    std::cmp::Ordering::Equal => 0.0,
                    std::cmp::Ordering::Greater => 1.0,
                },
            )
        };
        tim_sort(&mut keyed, &mut compare)?;
        keyed
            .into_iter()
            .map(|pair| match pair {
                Value::Array(pair) => pair.read(1),
                other => other,
            })
            .collect()
    };
    sorted.extend(undefined);
    Ok(sorted)
}

type Compare<'a> = dyn FnMut(&Value, &Value) -> Result<f64, Throw> + 'a;

/// V8's `ComputeMinRunLength`.
fn min_run_length(mut n: usize) -> usize {
    let mut low_bit = 0;
    while n >= 64 {
        low_bit |= n & 1;
        n >>= 1;
    }
    n + low_bit
}

/// V8's `CountAndMakeRun`: the length of the run starting at `low`, reversed in place if it
/// is strictly descending.
fn count_run(
    work: &mut [Value],
    low: usize,
    high: usize,
    compare: &mut Compare,
) -> Result<usize, Throw> {
    if low + 1 == high {
        return Ok(1);
    }
    let mut run = 2;
    let descending = compare(&work[low + 1], &work[low])? < 0.0;
    let mut previous = low + 1;
    for index in low + 2..high {
        let order = compare(&work[index], &work[previous])?;
        if (descending && order >= 0.0) || (!descending && order < 0.0) {
            break;
        }
        previous = index;
        run += 1;
    }
    if descending {
        work[low..low + run].reverse();
    }
    Ok(run)
}

/// V8's `BinaryInsertionSort`: `work[low..start]` is sorted; inserts `work[start..high]`.
fn binary_insertion(
    work: &mut [Value],
    low: usize,
    start: usize,
    high: usize,
    compare: &mut Compare,
) -> Result<(), Throw> {
    let first = if low == start { start + 1 } else { start };
    for start in first..high {
        let pivot = work[start].clone();
        let (mut left, mut right) = (low, start);
        while left < right {
            let middle = left + ((right - left) >> 1);
            if compare(&pivot, &work[middle])? < 0.0 {
                right = middle;
            } else {
                left = middle + 1;
            }
        }
        work[left..=start].rotate_right(1);
    }
    Ok(())
}

/// Sorts `work` the way V8's TimSort does (see [`sort`]); merging is a plain stable merge,
/// which gives the same order as V8's galloping merge for any consistent comparator.
fn tim_sort(work: &mut [Value], compare: &mut Compare) -> Result<(), Throw> {
    let length = work.len();
    if length < 2 {
        return Ok(());
    }
    let min_run = min_run_length(length);
    let mut runs: Vec<(usize, usize)> = Vec::new();
    let mut low = 0;
    while low < length {
        let remaining = length - low;
        let mut run = count_run(work, low, length, compare)?;
        if run < min_run {
            let forced = min_run.min(remaining);
            binary_insertion(work, low, low + run, low + forced, compare)?;
            run = forced;
        }
        runs.push((low, run));
        low += run;
    }
    while runs.len() > 1 {
        let mut merged = Vec::with_capacity(runs.len().div_ceil(2));
        for pair in runs.chunks(2) {
            match pair {
                [(start, left), (_, right)] => {
                    let (start, left, right) = (*start, *left, *right);
                    merge_runs(&mut work[start..start + left + right], left, compare)?;
                    merged.push((start, left + right));
                }
                [single] => merged.push(*single),
                _ => {}
            }
        }
        runs = merged;
    }
    Ok(())
}

/// Merges the sorted runs `run[..middle]` and `run[middle..]` in place, stably: the left run
/// moves to a buffer and elements are swapped into their slots, so nothing is cloned or
/// dropped per step. A throwing comparator leaves `run` scrambled (holding `undefined`s), which
/// is harmless: `sort` works on a copy and writes it back only when it finishes.
fn merge_runs(run: &mut [Value], middle: usize, compare: &mut Compare) -> Result<(), Throw> {
    let mut left: Vec<Value> = run[..middle].iter_mut().map(std::mem::take).collect();
    let (mut from_left, mut from_right, mut out) = (0, middle, 0);
    while from_left < left.len() && from_right < run.len() {
        // Equal elements keep the left one first (stability).
        if compare(&run[from_right], &left[from_left])? < 0.0 {
            run.swap(out, from_right);
            from_right += 1;
        } else {
            std::mem::swap(&mut run[out], &mut left[from_left]);
            from_left += 1;
        }
        out += 1;
    }
    for item in &mut left[from_left..] {
        std::mem::swap(&mut run[out], item);
        out += 1;
    }
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
