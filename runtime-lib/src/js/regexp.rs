//! Regular expressions with ECMAScript semantics, through the `regress` crate, matching over
//! UTF-16 code units so indices agree with JS.
//!
//! ```text
//! /\s+/                       → rt::regexp(r"\s+", "")?        (compiled once per thread, then cached)
//! /^[a-z]+$/i.test(author)    → rt::call_method(&rt::regexp("^[a-z]+$", "i")?, "test", &[author])?
//! "a  b".split(/\s+/)         → ["a", "b"]
//! ```

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;

use regress::Regex;

use super::convert::to_string;
use super::error::Throw;
use super::string::JsString;
use super::value::{ObjectKind, Value};

/// The hidden state of a RegExp object.
pub struct RegExpData {
    /// The compiled pattern.
    pub regex: Rc<Regex>,
    /// The pattern text, as written between the slashes.
    pub source: String,
    /// The flags, e.g. `gi`.
    pub flags: String,
    /// `lastIndex`, used by global and sticky regexps.
    pub last_index: Cell<usize>,
}

thread_local! {
    static CACHE: RefCell<HashMap<(String, String), Rc<Regex>>> = RefCell::new(HashMap::new());
}

/// `/source/flags` or `new RegExp(source, flags)`.
pub fn regexp(source: &str, flags: &str) -> Result<Value, Throw> {
    let key = (source.to_string(), flags.to_string());
    let cached = CACHE.with(|cache| cache.borrow().get(&key).cloned());
    let regex = match cached {
        Some(regex) => regex,
        None => {
            if let Some(bad) = flags.chars().find(|c| !"dgimsuyv".contains(*c)) {
                return Err(Throw::syntax_error(format!(
                    "Invalid flags supplied to RegExp constructor '{flags}' ('{bad}')"
                )));
            }
            let engine_flags: String = flags.chars().filter(|c| "imsuv".contains(*c)).collect();
            let regex = Regex::with_flags(source, engine_flags.as_str()).map_err(|error| {
                Throw::syntax_error(format!(
                    "Invalid regular expression: /{source}/{flags}: {error}"
                ))
            })?;
            let regex = Rc::new(regex);
            CACHE.with(|cache| cache.borrow_mut().insert(key, regex.clone()));
            regex
        }
    };
    Ok(Value::object_of_kind(ObjectKind::RegExp(RegExpData {
        regex,
        source: source.to_string(),
        flags: flags.to_string(),
        last_index: Cell::new(0),
    })))
}

fn data(value: &Value) -> Option<&RegExpData> {
    match value {
        Value::Object(object) => match &object.kind {
            ObjectKind::RegExp(data) => Some(data),
            _ => None,
        },
        _ => None,
    }
}

/// One match: the whole match and the capture groups, as code-unit ranges.
struct Found {
    start: usize,
    end: usize,
    groups: Vec<Option<(usize, usize)>>,
}

fn find_at(data: &RegExpData, units: &[u16], start: usize) -> Option<Found> {
    if start > units.len() {
        return None;
    }
    let found = if data.flags.contains('u') || data.flags.contains('v') {
        data.regex.find_from_utf16(units, start).next()
    } else {
        data.regex.find_from_ucs2(units, start).next()
    }?;
    if data.flags.contains('y') && found.range.start != start {
        return None;
    }
    Some(Found {
        start: found.range.start,
        end: found.range.end,
        groups: found
            .captures
            .iter()
            .map(|group| group.as_ref().map(|range| (range.start, range.end)))
            .collect(),
    })
}

/// Runs the regexp once honouring `lastIndex` for global/sticky ones (RegExpBuiltinExec).
fn exec_raw(data: &RegExpData, text: &JsString) -> Option<Found> {
    let stateful = data.flags.contains('g') || data.flags.contains('y');
    let start = if stateful { data.last_index.get() } else { 0 };
    let units = text.units();
    match find_at(data, &units, start) {
        Some(found) => {
            if stateful {
                data.last_index.set(found.end);
            }
            Some(found)
        }
        None => {
            if stateful {
                data.last_index.set(0);
            }
            None
        }
    }
}

fn match_array(text: &JsString, found: &Found) -> Value {
    let mut items = vec![Value::String(text.slice_units(found.start, found.end))];
    items.extend(found.groups.iter().map(|group| match group {
        Some((start, end)) => Value::String(text.slice_units(*start, *end)),
        None => Value::Undefined,
    }));
    // `index`, `input` and `groups` are not modelled on match arrays yet.
    Value::array(items)
}

/// Dispatches `regexp.name(...args)`.
pub fn call(receiver: &Value, name: &str, args: &[Value]) -> Option<Result<Value, Throw>> {
    let data = data(receiver)?;
    let text = || to_string(&args.first().cloned().unwrap_or_default());
    Some(match name {
        "test" => text().map(|text| Value::Bool(exec_raw(data, &text).is_some())),
        "exec" => text().map(|text| match exec_raw(data, &text) {
            Some(found) => match_array(&text, &found),
            None => Value::Null,
        }),
        "toString" => Ok(Value::str(&format!("/{}/{}", data.source, data.flags))),
        _ => return None,
    })
}

/// `text.split(regexp, limit)`.
pub fn split(text: &JsString, separator: &Value, limit: usize) -> Result<Value, Throw> {
    let Some(data) = data(separator) else {
        return Ok(Value::Undefined);
    };
    let units = text.units();
    let mut parts = Vec::new();
    if limit == 0 {
        return Ok(Value::array(parts));
    }
    if units.is_empty() {
        if find_at(data, &units, 0).is_none() {
            parts.push(Value::String(text.clone()));
        }
        return Ok(Value::array(parts));
    }
    // The spec's @@split loop, with a forward search in place of the sticky attempt at each q.
    let size = units.len();
    let mut last = 0;
    let mut position = 0;
    while position < size {
        let Some(found) = find_at(data, &units, position) else {
            break;
        };
        if found.start >= size {
            break;
        }
        let end = found.end.min(size);
        if end == last {
            position = found.start + 1;
            continue;
        }
        parts.push(Value::String(text.slice_units(last, found.start)));
        if parts.len() == limit {
            return Ok(Value::array(parts));
        }
        for group in &found.groups {
            parts.push(match group {
                Some((start, end)) => Value::String(text.slice_units(*start, *end)),
                None => Value::Undefined,
            });
            if parts.len() == limit {
                return Ok(Value::array(parts));
            }
        }
        last = end;
        position = last;
    }
    parts.push(Value::String(text.slice_units(last, units.len())));
    Ok(Value::array(parts))
}

/// Expands `$&`, `$1`…`$99`, `` $` ``, `$'` and `$$` in a replacement string.
pub fn expand_replacement(
    replacement: &JsString,
    text: &JsString,
    start: usize,
    end: usize,
    groups: &[Option<(usize, usize)>],
) -> JsString {
    let pattern = replacement.units();
    if !pattern.contains(&u16::from(b'$')) {
        return replacement.clone();
    }
    let source = text.units();
    let mut out: Vec<u16> = Vec::new();
    let mut index = 0;
    while index < pattern.len() {
        let unit = pattern[index];
        let next = pattern.get(index + 1).copied();
        if unit != u16::from(b'$') || next.is_none() {
            out.push(unit);
            index += 1;
            continue;
        }
        let next = next.unwrap_or(0);
        match u8::try_from(next).unwrap_or(0) {
            b'$' => {
                out.push(u16::from(b'$'));
                index += 2;
            }
            b'&' => {
                out.extend_from_slice(&source[start..end]);
                index += 2;
            }
            b'`' => {
                out.extend_from_slice(&source[..start]);
                index += 2;
            }
            b'\'' => {
                out.extend_from_slice(&source[end..]);
                index += 2;
            }
            digit @ b'0'..=b'9' => {
                let one = usize::from(digit - b'0');
                let two = pattern
                    .get(index + 2)
                    .and_then(|unit| u8::try_from(*unit).ok())
                    .filter(u8::is_ascii_digit)
                    .map(|second| one * 10 + usize::from(second - b'0'));
                let (group, used) = match two {
                    Some(number) if number >= 1 && number <= groups.len() => (number, 3),
                    _ => (one, 2),
                };
                if group >= 1 && group <= groups.len() {
                    if let Some((group_start, group_end)) = groups[group - 1] {
                        out.extend_from_slice(&source[group_start..group_end]);
                    }
                    index += used;
                } else {
                    out.push(unit);
                    index += 1;
                }
            }
            _ => {
                out.push(unit);
                index += 1;
            }
        }
    }
    JsString::from_units(&out)
}

/// `text.replace(regexp, replacement)` / `replaceAll`.
pub fn replace(
    text: &JsString,
    pattern: &Value,
    replacement: &Value,
    replace_all: bool,
) -> Result<Value, Throw> {
    let Some(data) = data(pattern) else {
        return Ok(Value::String(text.clone()));
    };
    let global = data.flags.contains('g');
    if replace_all && !global {
        return Err(Throw::type_error(
            "replaceAll must be called with a global RegExp",
        ));
    }
    let units = text.units();
    let mut out: Vec<u16> = Vec::new();
    let mut position = 0;
    let mut search = if global {
        0
    } else {
        data.last_index.get() * usize::from(data.flags.contains('y'))
    };
    while let Some(found) = find_at(data, &units, search) {
        out.extend_from_slice(&units[position..found.start]);
        let substitution = match replacement {
            Value::Function(_) => {
                let mut call_args = vec![Value::String(text.slice_units(found.start, found.end))];
                for group in &found.groups {
                    call_args.push(match group {
                        Some((start, end)) => Value::String(text.slice_units(*start, *end)),
                        None => Value::Undefined,
                    });
                }
                call_args.push(Value::from(found.start));
                call_args.push(Value::String(text.clone()));
                to_string(&super::access::call(replacement, &call_args)?)?
            }
            other => expand_replacement(
                &to_string(other)?,
                text,
                found.start,
                found.end,
                &found.groups,
            ),
        };
        out.extend_from_slice(&substitution.units());
        position = found.end;
        if !global {
            break;
        }
        search = if found.end == found.start {
            found.end + 1
        } else {
            found.end
        };
        if search > units.len() {
            break;
        }
    }
    if global {
        data.last_index.set(0);
    }
    out.extend_from_slice(&units[position.min(units.len())..]);
    Ok(Value::String(JsString::from_units(&out)))
}

/// `text.match(regexp)`.
pub fn string_match(text: &JsString, pattern: &Value) -> Result<Value, Throw> {
    let pattern = match data(pattern) {
        Some(_) => pattern.clone(),
        None => regexp(&to_string(pattern)?.to_rust(), "")?,
    };
    let Some(data) = data(&pattern) else {
        return Ok(Value::Null);
    };
    if !data.flags.contains('g') {
        data.last_index.set(0);
        return Ok(match exec_raw(data, text) {
            Some(found) => match_array(text, &found),
            None => Value::Null,
        });
    }
    let units = text.units();
    let mut matches = Vec::new();
    let mut search = 0;
    while let Some(found) = find_at(data, &units, search) {
        matches.push(Value::String(text.slice_units(found.start, found.end)));
        search = if found.end == found.start {
            found.end + 1
        } else {
            found.end
        };
        if search > units.len() {
            break;
        }
    }
    data.last_index.set(0);
    Ok(if matches.is_empty() {
        Value::Null
    } else {
        Value::array(matches)
    })
}

/// `text.search(regexp)`.
pub fn search(text: &JsString, pattern: &Value) -> Result<Value, Throw> {
    let pattern = match data(pattern) {
        Some(_) => pattern.clone(),
        None => regexp(&to_string(pattern)?.to_rust(), "")?,
    };
    let Some(data) = data(&pattern) else {
        return Ok(Value::Number(-1.0));
    };
    Ok(Value::Number(
        find_at(data, &text.units(), 0).map_or(-1.0, |found| found.start as f64),
    ))
}
