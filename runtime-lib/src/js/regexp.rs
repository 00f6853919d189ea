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
use std::sync::Arc;

use regress::Regex;

use super::convert::to_string;
use super::elements::JsArray;
use super::error::Throw;
use super::string::JsString;
use super::value::{ObjectKind, Value};

/// The hidden state of a RegExp object.
pub struct RegExpData {
    /// The compiled pattern.
    pub regex: Arc<Regex>,
    /// The pattern text, as written between the slashes.
    pub source: String,
    /// The flags, e.g. `gi`.
    pub flags: String,
    /// `lastIndex`, used by global and sticky regexps.
    pub last_index: Cell<usize>,
}

thread_local! {
    /// Compiled patterns by source and flags. The `Regex` is shared with every RegExp object made
    /// from it, and such an object may live in module state that another thread uses under an
    /// isolate lock while this thread clones the same entry: hence `Arc`, whose count is
    /// atomic (an `Rc` here would let two threads update one count at once).
    static CACHE: RefCell<HashMap<(String, String), Arc<Regex>>> = RefCell::new(HashMap::new());
}

/// `/source/flags` or `new RegExp(source, flags)` with a source already escaped.
pub fn regexp(source: &str, flags: &str) -> Result<Value, Throw> {
    let flags = canonical_flags(flags)?;
    let key = (source.to_string(), flags.clone());
    let cached = CACHE.with(|cache| cache.borrow().get(&key).cloned());
    let regex = match cached {
        Some(regex) => regex,
        None => {
            let engine_flags: String = flags.chars().filter(|c| "imsuv".contains(*c)).collect();
            let regex = Regex::with_flags(source, engine_flags.as_str()).map_err(|error| {
                Throw::syntax_error(format!(
                    "Invalid regular expression: /{source}/{flags}: {}",
                    v8_message(source, &error.to_string())
                ))
            })?;
            let regex = Arc::new(regex);
            CACHE.with(|cache| cache.borrow_mut().insert(key, regex.clone()));
            regex
        }
    };
    Ok(Value::object_of_kind(ObjectKind::RegExp(RegExpData {
        regex,
        source: source.to_string(),
        flags,
        last_index: Cell::new(0),
    })))
}

/// `new RegExp(pattern, flags)`: a RegExp pattern lends its source (and its flags when `flags`
/// is undefined); a string pattern is escaped as V8 shows it (`a/b` → `a\/b`, `""` → `(?:)`).
pub fn construct(pattern: &Value, flags: &Value) -> Result<Value, Throw> {
    let (source, own_flags) = match (data(pattern), pattern) {
        (Some(data), _) => (data.source.clone(), data.flags.clone()),
        (None, Value::Undefined) => (String::new(), String::new()),
        (None, other) => (escape_source(&to_string(other)?.to_rust()), String::new()),
    };
    let flags = match flags {
        Value::Undefined => own_flags,
        other => to_string(other)?.to_string(),
    };
    let source = if source.is_empty() {
        "(?:)".to_string()
    } else {
        source
    };
    regexp(&source, &flags)
}

/// EscapeRegExpPattern: `/` outside character classes and line terminators get escaped.
fn escape_source(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len());
    let mut in_class = false;
    let mut escaped = false;
    for c in pattern.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            '/' if !escaped && !in_class => out.push_str("\\/"),
            other => out.push(other),
        }
        if !escaped {
            match c {
                '[' => in_class = true,
                ']' => in_class = false,
                _ => {}
            }
        }
        escaped = c == '\\' && !escaped;
    }
    out
}

/// The flags in the order the `flags` getter lists them; unknown or repeated flags (or `u`
/// with `v`) are V8's SyntaxError.
fn canonical_flags(flags: &str) -> Result<String, Throw> {
    const ORDER: &str = "dgimsuvy";
    let invalid = flags.chars().any(|c| !ORDER.contains(c))
        || flags
            .chars()
            .enumerate()
            .any(|(index, c)| flags[index + 1..].contains(c))
        || (flags.contains('u') && flags.contains('v'));
    if invalid {
        return Err(Throw::syntax_error(format!(
            "Invalid flags supplied to RegExp constructor '{flags}'"
        )));
    }
    Ok(ORDER.chars().filter(|c| flags.contains(*c)).collect())
}

/// V8's wording for a pattern `regress` rejects (the cases people hit; others keep regress's
/// text).
fn v8_message(source: &str, error: &str) -> String {
    let message = match error {
        "Unbalanced parenthesis" => {
            if unclosed_groups(source) > 0 {
                "Unterminated group"
            } else {
                "Unmatched ')'"
            }
        }
        "Unbalanced bracket" => "Unterminated character class",
        "Invalid atom character" => "Nothing to repeat",
        "Invalid quantifier" => {
            if has_reversed_quantifier(source) {
                "numbers out of order in {} quantifier"
            } else {
                "Incomplete quantifier"
            }
        }
        "Incomplete escape" => "\\ at end of pattern",
        "Invalid unicode escape" => "Invalid Unicode escape",
        "Invalid character escape" => {
            if source.contains("\\c") {
                "Invalid Unicode escape"
            } else {
                "Invalid escape"
            }
        }
        "Invalid token at named capture group identifier" => {
            if source.contains("(?<") {
                "Invalid capture group name"
            } else {
                "Invalid group"
            }
        }
        other if other.starts_with("Backreference to invalid named capture group") => {
            "Invalid named capture referenced"
        }
        other if other.starts_with("Range values reversed") => {
            "Range out of order in character class"
        }
        other => other,
    };
    message.to_string()
}

/// How many groups `source` opens without closing (escapes and classes skipped).
fn unclosed_groups(source: &str) -> i32 {
    let mut depth = 0;
    let mut in_class = false;
    let mut chars = source.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                chars.next();
            }
            '[' => in_class = true,
            ']' => in_class = false,
            '(' if !in_class => depth += 1,
            ')' if !in_class => depth -= 1,
            _ => {}
        }
    }
    depth
}

/// Whether `source` has a `{n,m}` quantifier with `n > m`.
fn has_reversed_quantifier(source: &str) -> bool {
    source.split('{').skip(1).any(|rest| {
        let Some((inside, _)) = rest.split_once('}') else {
            return false;
        };
        match inside.split_once(',') {
            Some((low, high)) => matches!(
                (low.parse::<u64>(), high.parse::<u64>()),
                (Ok(low), Ok(high)) if low > high
            ),
            None => false,
        }
    })
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

/// A capture group's code-unit range, `None` if it did not participate.
type Group = Option<(usize, usize)>;

/// One match: the whole match and the capture groups, as code-unit ranges.
struct Found {
    start: usize,
    end: usize,
    groups: Vec<Group>,
    /// The named groups in pattern order (empty when the pattern names none).
    named: Vec<(String, Group)>,
}

impl Found {
    /// The `groups` object of a match: `undefined` without named groups.
    fn groups_object(&self, text: &JsString) -> Value {
        if self.named.is_empty() {
            return Value::Undefined;
        }
        Value::object(
            self.named
                .iter()
                .map(|(name, group)| (name.as_str(), group_value(text, *group))),
        )
    }
}

fn group_value(text: &JsString, group: Group) -> Value {
    match group {
        Some((start, end)) => Value::String(text.slice_units(start, end)),
        None => Value::Undefined,
    }
}

fn is_unicode(data: &RegExpData) -> bool {
    data.flags.contains('u') || data.flags.contains('v')
}

/// The first match starting at or after `start`; a sticky regexp (when `sticky` is honoured)
/// only matches exactly at `start`.
fn search_from(data: &RegExpData, units: &[u16], start: usize, sticky: bool) -> Option<Found> {
    if start > units.len() {
        return None;
    }
    let found = if is_unicode(data) {
        data.regex.find_from_utf16(units, start).next()
    } else {
        data.regex.find_from_ucs2(units, start).next()
    }?;
    if sticky && data.flags.contains('y') && found.range.start != start {
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
        named: found
            .named_groups()
            .map(|(name, range)| {
                (
                    name.to_string(),
                    range.map(|range| (range.start, range.end)),
                )
            })
            .collect(),
    })
}

fn find_at(data: &RegExpData, units: &[u16], start: usize) -> Option<Found> {
    search_from(data, units, start, true)
}

/// AdvanceStringIndex: one code unit, or a whole surrogate pair for unicode regexps.
fn advance(data: &RegExpData, units: &[u16], index: usize) -> usize {
    if is_unicode(data)
        && (0xd800..0xdc00).contains(&units.get(index).copied().unwrap_or(0))
        && (0xdc00..0xe000).contains(&units.get(index + 1).copied().unwrap_or(0))
    {
        index + 2
    } else {
        index + 1
    }
}

/// Whether `index` falls between the halves of a surrogate pair.
fn inside_pair(units: &[u16], index: usize) -> bool {
    index > 0
        && (0xd800..0xdc00).contains(&units[index - 1])
        && (0xdc00..0xe000).contains(&units.get(index).copied().unwrap_or(0))
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

/// The match array of `exec` / `match` / `matchAll`: the match and its groups as elements, and
/// the named properties `index`, `input`, `groups` (plus `indices` with the `d` flag), in V8's
/// order. JSON prints only the elements.
fn match_array(data: &RegExpData, text: &JsString, found: &Found) -> Value {
    let mut items = vec![Value::String(text.slice_units(found.start, found.end))];
    items.extend(found.groups.iter().map(|group| group_value(text, *group)));
    let array = JsArray::new(items);
    array.set_prop(JsString::new("index"), Value::from(found.start));
    array.set_prop(JsString::new("input"), Value::String(text.clone()));
    array.set_prop(JsString::new("groups"), found.groups_object(text));
    if data.flags.contains('d') {
        array.set_prop(JsString::new("indices"), indices_array(found));
    }
    Value::Array(Rc::new(array))
}

/// The `indices` of a `d`-flag match: a `[start, end]` pair per group (`undefined` for a group
/// that did not participate), with its own `groups` of pairs.
fn indices_array(found: &Found) -> Value {
    let pair = |group: Group| match group {
        Some((start, end)) => Value::array(vec![Value::from(start), Value::from(end)]),
        None => Value::Undefined,
    };
    let mut pairs = vec![pair(Some((found.start, found.end)))];
    pairs.extend(found.groups.iter().map(|group| pair(*group)));
    let indices = JsArray::new(pairs);
    let groups = if found.named.is_empty() {
        Value::Undefined
    } else {
        Value::object(
            found
                .named
                .iter()
                .map(|(name, group)| (name.as_str(), pair(*group))),
        )
    };
    indices.set_prop(JsString::new("groups"), groups);
    Value::Array(Rc::new(indices))
}

/// The properties a RegExp object answers besides its own: `lastIndex`, `source`, `flags` and
/// one boolean per flag. `None` for any other key.
pub fn property(value: &Value, key: &str) -> Option<Value> {
    let data = data(value)?;
    let flag = |letter: char| Some(Value::Bool(data.flags.contains(letter)));
    match key {
        "lastIndex" => Some(Value::from(data.last_index.get())),
        "source" => Some(Value::str(&data.source)),
        "flags" => Some(Value::str(&data.flags)),
        "global" => flag('g'),
        "ignoreCase" => flag('i'),
        "multiline" => flag('m'),
        "dotAll" => flag('s'),
        "unicode" => flag('u'),
        "unicodeSets" => flag('v'),
        "sticky" => flag('y'),
        "hasIndices" => flag('d'),
        _ => None,
    }
}

/// `regexp.lastIndex = value`; returns false when `value` is not a RegExp.
pub fn set_last_index(value: &Value, index: &Value) -> Result<bool, Throw> {
    let Some(data) = data(value) else {
        return Ok(false);
    };
    // ToLength.
    let index = super::number::to_integer(super::convert::to_number(index)?).max(0.0);
    data.last_index.set(index.min(usize::MAX as f64) as usize);
    Ok(true)
}

/// `text.matchAll(regexp)`: every match array of a global regexp (an array stands in for the
/// iterator).
pub fn match_all(text: &JsString, pattern: &Value) -> Result<Value, Throw> {
    if let Some(data) = data(pattern)
        && !data.flags.contains('g')
    {
        return Err(Throw::type_error(
            "String.prototype.matchAll called with a non-global RegExp argument",
        ));
    }
    let pattern = coerce_pattern(pattern, "g")?;
    let Some(data) = data(&pattern) else {
        return Ok(Value::array(Vec::new()));
    };
    let units = text.units();
    let mut matches = Vec::new();
    let mut search = data.last_index.get();
    while let Some(found) = find_at(data, &units, search) {
        search = if found.end == found.start {
            advance(data, &units, found.end)
        } else {
            found.end
        };
        matches.push(match_array(data, text, &found));
        if search > units.len() {
            break;
        }
    }
    Ok(Value::array(matches))
}

/// Dispatches `regexp.name(...args)`.
pub fn call(receiver: &Value, name: &str, args: &[Value]) -> Option<Result<Value, Throw>> {
    let data = data(receiver)?;
    let text = || to_string(&args.first().cloned().unwrap_or_default());
    Some(match name {
        "test" => text().map(|text| Value::Bool(exec_raw(data, &text).is_some())),
        "exec" => text().map(|text| match exec_raw(data, &text) {
            Some(found) => match_array(data, &text, &found),
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
        // Splitting ignores the `y` flag: the spec's splitter is sticky at every position.
        let Some(found) = search_from(data, &units, position, false) else {
            break;
        };
        if found.start >= size {
            break;
        }
        if is_unicode(data) && inside_pair(&units, found.start) {
            position = found.start + 1;
            continue;
        }
        let end = found.end.min(size);
        if end == last {
            position = advance(data, &units, found.start);
            continue;
        }
        parts.push(Value::String(text.slice_units(last, found.start)));
        if parts.len() == limit {
            return Ok(Value::array(parts));
        }
        for group in &found.groups {
            parts.push(group_value(text, *group));
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

/// Expands `$&`, `$1`…`$99`, `` $` ``, `$'`, `$$` and (when the pattern names groups)
/// `$<name>` in a replacement string (GetSubstitution).
pub fn expand_replacement(
    replacement: &JsString,
    text: &JsString,
    start: usize,
    end: usize,
    groups: &[Option<(usize, usize)>],
) -> JsString {
    expand_with_names(replacement, text, start, end, groups, &[])
}

fn expand_with_names(
    replacement: &JsString,
    text: &JsString,
    start: usize,
    end: usize,
    groups: &[Group],
    named: &[(String, Group)],
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
                out.extend_from_slice(&source[end.min(source.len())..]);
                index += 2;
            }
            b'<' if !named.is_empty() => {
                let close = pattern[index + 2..]
                    .iter()
                    .position(|unit| *unit == u16::from(b'>'));
                match close {
                    Some(length) => {
                        let name =
                            String::from_utf16_lossy(&pattern[index + 2..index + 2 + length]);
                        let group = named
                            .iter()
                            .find(|(candidate, _)| *candidate == name)
                            .and_then(|(_, group)| *group);
                        if let Some((group_start, group_end)) = group {
                            out.extend_from_slice(&source[group_start..group_end]);
                        }
                        index += length + 3;
                    }
                    None => {
                        out.push(unit);
                        index += 1;
                    }
                }
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
                call_args.extend(found.groups.iter().map(|group| group_value(text, *group)));
                call_args.push(Value::from(found.start));
                call_args.push(Value::String(text.clone()));
                if !found.named.is_empty() {
                    call_args.push(found.groups_object(text));
                }
                to_string(&super::access::call(replacement, &call_args)?)?
            }
            other => expand_with_names(
                &to_string(other)?,
                text,
                found.start,
                found.end,
                &found.groups,
                &found.named,
            ),
        };
        out.extend_from_slice(&substitution.units());
        position = found.end;
        if !global {
            break;
        }
        search = if found.end == found.start {
            advance(data, &units, found.end)
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

/// `pattern` itself if it is a RegExp, else `new RegExp(pattern)` (`undefined` → `/(?:)/`).
fn coerce_pattern(pattern: &Value, flags: &str) -> Result<Value, Throw> {
    Ok(match (data(pattern), pattern) {
        (Some(_), _) => pattern.clone(),
        (None, Value::Undefined) => regexp("(?:)", flags)?,
        (None, other) => regexp(&to_string(other)?.to_rust(), flags)?,
    })
}

/// `text.match(regexp)`.
pub fn string_match(text: &JsString, pattern: &Value) -> Result<Value, Throw> {
    let pattern = coerce_pattern(pattern, "")?;
    let Some(data) = data(&pattern) else {
        return Ok(Value::Null);
    };
    if !data.flags.contains('g') {
        data.last_index.set(0);
        return Ok(match exec_raw(data, text) {
            Some(found) => match_array(data, text, &found),
            None => Value::Null,
        });
    }
    let units = text.units();
    let mut matches = Vec::new();
    let mut search = 0;
    while let Some(found) = find_at(data, &units, search) {
        matches.push(Value::String(text.slice_units(found.start, found.end)));
        search = if found.end == found.start {
            advance(data, &units, found.end)
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
    let pattern = coerce_pattern(pattern, "")?;
    let Some(data) = data(&pattern) else {
        return Ok(Value::Number(-1.0));
    };
    Ok(Value::Number(
        find_at(data, &text.units(), 0).map_or(-1.0, |found| found.start as f64),
    ))
}
