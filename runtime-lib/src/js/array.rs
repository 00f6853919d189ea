//! `Array.prototype` methods and `Array.isArray` / `Array.from` / `Array.of`.
//!
//! ```text
//! posts.filter((p) => p.published)   → rt::call_method(&posts, "filter", &[callback])?
//! [3, 1, 2].sort()                   → [1, 2, 3]   (stable, undefined last, string order without comparator)
//! ```
//!
//! Callbacks get `(element, index, array)`. Methods read the live array on every step (a callback
//! that pushes to the array it walks sees what JS would see for the indices visited).

use std::rc::Rc;

use super::access::call as invoke;
use super::convert::{to_number, to_string, truthy};
use super::error::Throw;
use super::iterator::{Yield, over_array};
use super::number::to_integer;
use super::operators::{same_value_zero, strict_eq};
use super::string::JsString;
use super::value::Value;

type Items = Rc<super::value::JsArray>;

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
    if let Err(error) = super::freeze::check_array_method(items, name, args) {
        return Some(Err(error));
    }
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
            let from = if name == "lastIndexOf" {
                0
            } else {
                relative_index(&arg(args, 1), snapshot.len(), 0)?
            };
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
                _ => {
                    let length = snapshot.len() as f64;
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
                    let end = if from < 0.0 { 0 } else { from as usize + 1 };
                    Value::Number(
                        snapshot[..end.min(snapshot.len())]
                            .iter()
                            .rposition(|item| strict_eq(item, &target))
                            .map_or(-1.0, |index| index as f64),
                    )
                }
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
            // The result has the original length even if the callback shrinks the array
            // (unvisited slots are holes, read as `undefined`).
            let mut mapped = vec![Value::Undefined; items.borrow().len()];
            walk(array, items, &arg(args, 0), |index, _, result| {
                mapped[index] = result;
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
        "findLast" | "findLastIndex" => (|| {
            let callback = arg(args, 0);
            require_callback(&callback)?;
            let length = items.borrow().len();
            for index in (0..length).rev() {
                let element = item_at(items, index).unwrap_or_default();
                let result = invoke(
                    &callback,
                    &[element.clone(), Value::from(index), array.clone()],
                )?;
                if truthy(&result) {
                    return Ok(if name == "findLast" {
                        element
                    } else {
                        Value::from(index)
                    });
                }
            }
            Ok(if name == "findLast" {
                Value::Undefined
            } else {
                Value::Number(-1.0)
            })
        })(),
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
        "sort" => sort(items, &arg(args, 0)).map(|()| array.clone()),
        "toSorted" => (|| {
            let copy = Value::array(items.borrow().clone());
            if let Value::Array(sorted) = &copy {
                sort(sorted, &arg(args, 0))?;
            }
            Ok(copy)
        })(),
        "toReversed" => {
            let mut copy = items.borrow().clone();
            copy.reverse();
            Ok(Value::array(copy))
        }
        "toSpliced" => (|| {
            let mut copy = items.borrow().clone();
            let length = copy.len();
            let start = relative_index(&arg(args, 0), length, 0)?;
            let skip = match args.len() {
                0 => 0,
                1 => length - start,
                _ => (to_integer(to_number(&args[1])?).max(0.0) as usize).min(length - start),
            };
            copy.splice(start..start + skip, args.iter().skip(2).cloned());
            Ok(Value::array(copy))
        })(),
        "with" => (|| {
            let mut copy = items.borrow().clone();
            let length = copy.len() as f64;
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
            copy[index as usize] = arg(args, 1);
            Ok(Value::array(copy))
        })(),
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
        "keys" => Ok(over_array(array, Yield::Keys)),
        "values" => Ok(over_array(array, Yield::Values)),
        "entries" => Ok(over_array(array, Yield::Entries)),
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

fn reduce(array: &Value, items: &Items, args: &[Value], from_right: bool) -> Result<Value, Throw> {
    let callback = arg(args, 0);
    require_callback(&callback)?;
    let length = items.borrow().len();
    let mut order: Box<dyn Iterator<Item = usize>> = if from_right {
        Box::new((0..length).rev())
    } else {
        Box::new(0..length)
    };
    let mut accumulator = if args.len() > 1 {
        args[1].clone()
    } else {
        let first = order
            .next()
            .ok_or_else(|| Throw::type_error("Reduce of empty array with no initial value"))?;
        item_at(items, first).unwrap_or_default()
    };
    for index in order {
        // A callback that shrinks the array ends the walk at the missing indices.
        let Some(element) = item_at(items, index) else {
            continue;
        };
        accumulator = invoke(
            &callback,
            &[accumulator, element, Value::from(index), array.clone()],
        )?;
    }
    Ok(accumulator)
}

/// `Array.prototype.sort` as V8 runs it: `undefined`s go last without calling the comparator;
/// the rest are sorted by V8's TimSort (runs found by `count_run`, short runs extended by
/// binary insertion to the minimum run length, runs merged stably). Without a comparator
/// elements compare by their strings in UTF-16 order; a comparator's result goes through
/// `ToNumber` and `NaN` counts as equal. Following V8's steps keeps the results of inconsistent
/// comparators (`(a, b) => a > b`, random ones) the same as Node's for arrays shorter than 64
/// elements, where the whole sort is one binary insertion.
fn sort(items: &Items, comparator: &Value) -> Result<(), Throw> {
    if !matches!(comparator, Value::Undefined | Value::Function(_)) {
        return Err(Throw::type_error(
            "The comparison function must be either a function or undefined",
        ));
    }
    let snapshot = items.borrow().clone();
    let (defined, undefined): (Vec<Value>, Vec<Value>) = snapshot
        .into_iter()
        .partition(|item| !matches!(item, Value::Undefined));
    let mut sorted = if let Value::Function(_) = comparator {
        let mut compare = |a: &Value, b: &Value| -> Result<f64, Throw> {
            let order = to_number(&invoke(comparator, &[a.clone(), b.clone()])?)?;
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
            Value::Array(pair) => pair.borrow()[0]
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
                Value::Array(pair) => pair.borrow()[1].clone(),
                other => other,
            })
            .collect()
    };
    sorted.extend(undefined);
    *items.borrow_mut() = sorted;
    Ok(())
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
fn tim_sort(work: &mut Vec<Value>, compare: &mut Compare) -> Result<(), Throw> {
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
                    let mut right_part = work[start + left..start + left + right].to_vec();
                    let mut left_part = work[start..start + left].to_vec();
                    let mut less_or_equal =
                        |a: &Value, b: &Value| -> Result<bool, Throw> { Ok(compare(b, a)? >= 0.0) };
                    left_part.append(&mut right_part);
                    merge_halves(&mut left_part, left, &mut less_or_equal)?;
                    work.splice(start..start + left + right, left_part);
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

/// Merges the sorted halves `items[..middle]` and `items[middle..]`, stably.
fn merge_halves(
    items: &mut Vec<Value>,
    middle: usize,
    less_or_equal: &mut dyn FnMut(&Value, &Value) -> Result<bool, Throw>,
) -> Result<(), Throw> {
    let right = items.split_off(middle);
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
