//! Node's `util.inspect` (the part values need: depth, Node's line breaking at 80 columns with
//! three levels per line, grouped array columns, and the `compact`, `breakLength` and `sorted`
//! options), which `util.inspect`, `util.format` and `console.log` share, and the `console`
//! methods.
//!
//! ```text
//! console.log("n =", 1, { a: "x", b: [1, 2] })   →   n = 1 { a: 'x', b: [ 1, 2 ] }
//! util.inspect([1, 2, 3, 4, 5, 6, 7])             →   "[\n  1, 2, 3, 4,\n  5, 6, 7\n]"
//! ```
//!
//! Not modelled: hidden properties
//! (`showHidden`, `%o`), getters, long strings split over lines. Console output goes to
//! `tracing` (target `handler`), one event per call.

use super::convert::to_string;
use super::number;
use super::value::{ObjectKind, Value};

/// How Node's `util.inspect` shows a value (depth 2; top-level strings unquoted, as
/// `console.log` prints them).
pub fn inspect(value: &Value) -> String {
    inspect_at(value, 0, false)
}

/// How Node's `ERR_INVALID_ARG_TYPE` messages describe a wrong argument (its
/// `determineSpecificType`): `undefined`, `null`, `function f` (`function ` when anonymous),
/// `an instance of Array`/`Map`/`Foo` (by the constructor's name), or `type string ('text')`
/// (a string longer than 28 characters cut to 25 and `...`).
pub fn received(value: &Value) -> String {
    match value {
        Value::Undefined | Value::Null => inspect(value),
        Value::Function(_) => {
            let name = match super::access::get(value, "name") {
                Ok(Value::String(name)) => name.to_rust().into_owned(),
                _ => String::new(),
            };
            format!("function {name}")
        }
        Value::Array(_) | Value::Object(_) => {
            let constructor = super::access::get(value, "constructor")
                .ok()
                .and_then(|constructor| super::access::get(&constructor, "name").ok());
            match constructor {
                Some(Value::String(name)) if !name.is_empty() => {
                    format!("an instance of {name}")
                }
                _ => inspect_at(value, 3, true),
            }
        }
        Value::String(text) if text.len() > 28 => {
            let units = text.units();
            let cut = super::string::JsString::from_units(&units[..25]);
            format!("type string ({})", quote(&format!("{cut}...")))
        }
        other => format!(
            "type {} ({})",
            super::convert::type_of(other),
            inspect_at(other, 0, true)
        ),
    }
}

/// A short description for error messages (`[object Array]`-like, no contents).
pub fn inspect_short(value: &Value) -> String {
    match value {
        Value::Array(_) => "[object Array]".to_string(),
        Value::Object(_) => "#<Object>".to_string(),
        Value::String(text) => format!("\"{text}\""),
        other => inspect(other),
    }
}

fn quote(text: &str) -> String {
    if !text.contains('\'') {
        format!("'{}'", text.replace('\\', "\\\\").replace('\n', "\\n"))
    } else if !text.contains('"') {
        format!("\"{}\"", text.replace('\\', "\\\\").replace('\n', "\\n"))
    } else {
        format!("`{}`", text.replace('\\', "\\\\").replace('`', "\\`"))
    }
}

fn key_text(key: &str) -> String {
    let identifier = key
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_' || c == '$')
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$');
    if identifier {
        key.to_string()
    } else {
        quote(key)
    }
}

/// `util.inspect(value, { depth })`: strings quoted, objects nested deeper than `depth` shown
/// as `[Object]`/`[Array]` (`None` for no limit).
pub fn inspect_to_depth(value: &Value, depth: Option<u32>) -> String {
    inspect_with(value, &InspectOptions::with_depth(depth))
}

/// The options of `util.inspect` this inspector honours.
#[derive(Debug, Clone)]
pub struct InspectOptions {
    /// Levels shown before `[Object]` (`None`: all).
    pub depth: Option<u32>,
    /// How many innermost levels may share a line (`compact: 3`); `None` for `compact: false`
    /// (every container with entries over several lines).
    pub compact: Option<usize>,
    /// The width past which a container breaks over lines (`Infinity` allowed).
    pub break_length: f64,
    /// Whether object keys and Map/Set entries are sorted.
    pub sorted: bool,
}

impl InspectOptions {
    /// Node's defaults with `depth`.
    pub fn with_depth(depth: Option<u32>) -> Self {
        InspectOptions {
            depth,
            compact: Some(COMPACT),
            break_length: BREAK_LENGTH as f64,
            sorted: false,
        }
    }
}

/// `util.inspect(value, options)`.
pub fn inspect_with(value: &Value, options: &InspectOptions) -> String {
    let mut inspector = Inspector::new(options.depth.map(|depth| depth as usize));
    inspector.compact = options.compact;
    inspector.break_length = options.break_length;
    inspector.sorted = options.sorted;
    inspector.value(value, 0, true)
}

/// How `inspect_at` callers that count levels from an offset see depth: `depth` levels already
/// entered, with Node's default limit of 2.
fn inspect_at(value: &Value, depth: i64, nested: bool) -> String {
    let mut inspector = Inspector::new(Some(2));
    inspector.value(value, depth.max(0) as usize, nested)
}

/// Node's `util.inspect` state while it formats one value (`formatValue` in Node's
/// `lib/internal/util/inspect.js`): the depth limit, the indentation of the entries being
/// formatted, and the level of the last container whose entries were formatted, which decides
/// (`compact: 3`) whether a container fits on one line. Lines break at 80 columns.
struct Inspector {
    limit: Option<usize>,
    indentation: usize,
    current_depth: usize,
    compact: Option<usize>,
    break_length: f64,
    sorted: bool,
}

/// Node's `breakLength` default.
const BREAK_LENGTH: usize = 80;
/// Node's `compact` default: the innermost three levels may share a line.
const COMPACT: usize = 3;

impl Inspector {
    fn new(limit: Option<usize>) -> Self {
        Inspector {
            limit,
            indentation: 0,
            current_depth: 0,
            compact: Some(COMPACT),
            break_length: BREAK_LENGTH as f64,
            sorted: false,
        }
    }

    fn too_deep(&self, level: usize) -> bool {
        self.limit.is_some_and(|limit| level > limit)
    }

    /// One entry of a container at `level`, indented two more columns.
    fn entry(&mut self, value: &Value, level: usize) -> String {
        self.indentation += 2;
        let text = self.value(value, level + 1, true);
        self.indentation -= 2;
        text
    }

    /// Node's `reduceToSingleString`: the entries on one line when the container holds at most
    /// `compact` levels and the line fits, else one entry per line (arrays of more than six
    /// short entries grouped in columns first).
    fn join(
        &self,
        mut output: Vec<String>,
        open: &str,
        close: &str,
        level: usize,
        numbers: Option<bool>,
    ) -> String {
        let entries = output.len();
        if let Some(compact) = self.compact {
            if let Some(all_numbers) = numbers
                && entries > 6
            {
                output = self.group(output, all_numbers);
            }
            if self.current_depth.saturating_sub(level) < compact && entries == output.len() {
                let start = output.len() + self.indentation + open.len() + 10;
                if self.below_break_length(&output, start) {
                    let joined = output.join(", ");
                    if !joined.contains('\n') {
                        return format!("{open} {joined} {close}");
                    }
                }
            }
        }
        let indentation = format!("\n{}", " ".repeat(self.indentation));
        format!(
            "{open}{indentation}  {}{indentation}{close}",
            output.join(&format!(",{indentation}  "))
        )
    }

    fn below_break_length(&self, output: &[String], start: usize) -> bool {
        let mut total = output.len() + start;
        if (total + output.len()) as f64 > self.break_length {
            return false;
        }
        for entry in output {
            total += entry.chars().count();
            if total as f64 > self.break_length {
                return false;
            }
        }
        true
    }

    /// Node's `groupArrayElements`: short entries in aligned columns (numbers padded at the
    /// start, anything else at the end).
    fn group(&self, output: Vec<String>, all_numbers: bool) -> Vec<String> {
        let more = output.last().is_some_and(|last| {
            last.starts_with("... ") && last.ends_with(" more items")
                || last.ends_with(" more item")
        });
        let count = if more { output.len() - 1 } else { output.len() };
        let separator = 2;
        let lengths: Vec<usize> = output[..count]
            .iter()
            .map(|entry| entry.chars().count())
            .collect();
        let total: usize = lengths.iter().map(|length| length + separator).sum();
        let max = lengths.iter().copied().max().unwrap_or(0);
        let actual_max = max + separator;
        if !(((actual_max * 3 + self.indentation) as f64) < self.break_length
            && (total as f64 / actual_max as f64 > 5.0 || max <= 6))
        {
            return output;
        }
        let average_bias = (actual_max as f64 - total as f64 / output.len() as f64).sqrt();
        let biased_max = (actual_max as f64 - 3.0 - average_bias).max(1.0);
        let columns = ((2.5 * biased_max * count as f64).sqrt() / biased_max)
            .round()
            .min(((self.break_length - self.indentation as f64) / actual_max as f64).floor())
            .min((self.compact.unwrap_or(COMPACT) * 4) as f64)
            .min(15.0) as usize;
        if columns <= 1 {
            return output;
        }
        let widths: Vec<usize> = (0..columns)
            .map(|column| {
                (column..count)
                    .step_by(columns)
                    .map(|index| lengths[index])
                    .max()
                    .unwrap_or(0)
                    + separator
            })
            .collect();
        let mut rows = Vec::new();
        let mut row_start = 0;
        while row_start < count {
            let row_end = (row_start + columns).min(count);
            let mut row = String::new();
            for index in row_start..row_end {
                let width = widths[index - row_start];
                let last = index == row_end - 1;
                let cell = if last {
                    output[index].clone()
                } else {
                    format!("{}, ", output[index])
                };
                let cell_width = if last && all_numbers {
                    width - separator
                } else {
                    width
                };
                let pad = cell_width.saturating_sub(cell.chars().count());
                if all_numbers {
                    row.push_str(&" ".repeat(pad));
                    row.push_str(&cell);
                } else if last {
                    row.push_str(&cell);
                } else {
                    row.push_str(&cell);
                    row.push_str(&" ".repeat(pad));
                }
            }
            rows.push(row);
            row_start = row_end;
        }
        if more {
            rows.push(output[count].clone());
        }
        rows
    }

    fn value(&mut self, value: &Value, level: usize, nested: bool) -> String {
        match value {
            Value::Undefined => "undefined".to_string(),
            Value::Null => "null".to_string(),
            Value::Bool(flag) => flag.to_string(),
            Value::Number(n) => {
                if *n == 0.0 && n.is_sign_negative() {
                    "-0".to_string()
                } else {
                    number::to_string(*n)
                }
            }
            Value::String(text) => {
                if nested {
                    quote(&text.to_rust())
                } else {
                    text.to_string()
                }
            }
            Value::Symbol(symbol) => super::symbol::descriptive_string(symbol),
            Value::BigInt(big) => format!("{big}n"),
            Value::Function(function) => {
                if function.name.is_empty() {
                    "[Function (anonymous)]".to_string()
                } else {
                    format!("[Function: {}]", function.name)
                }
            }
            Value::Array(items) => {
                let length = items.len();
                // An instance of a class extending `Array` is shown as `Stack(2) [ 1, 2 ]`.
                let class = super::subclass::class_name(value);
                let prefix = match &class {
                    Some(name) => format!("{name}({length}) "),
                    None => String::new(),
                };
                if length == 0 && !items.has_props() {
                    return format!("{prefix}[]");
                }
                if self.too_deep(level) {
                    return format!(
                        "[{}]",
                        class.map_or("Array".to_string(), |name| name.to_string())
                    );
                }
                self.current_depth = level;
                // Node shows a run of holes as `<n empty items>` and at most 100 entries.
                let mut parts = Vec::new();
                let mut all_numbers = true;
                let mut index = 0;
                while index < length && parts.len() < 100 {
                    match items.next_present(index).filter(|&next| next < length) {
                        Some(next) if next == index => {
                            let item = items.read(index);
                            all_numbers &= matches!(item, Value::Number(_));
                            parts.push(self.entry(&item, level));
                            index += 1;
                        }
                        found => {
                            all_numbers = false;
                            let end = found.unwrap_or(length);
                            let count = end - index;
                            let plural = if count == 1 { "" } else { "s" };
                            parts.push(format!("<{count} empty item{plural}>"));
                            index = end;
                        }
                    }
                }
                if index < length {
                    let rest = length - index;
                    let plural = if rest == 1 { "" } else { "s" };
                    parts.push(format!("... {rest} more item{plural}"));
                }
                let grouped = !items.has_props();
                for (key, item) in items.props() {
                    let text = self.entry(&item, level);
                    parts.push(format!("{}: {text}", key_text(&key.to_rust())));
                }
                self.join(
                    parts,
                    &format!("{prefix}["),
                    "]",
                    level,
                    grouped.then_some(all_numbers),
                )
            }
            Value::Object(object) => match &object.kind {
                ObjectKind::Error(_) => super::error::stack_string(value),
                ObjectKind::Generator(data) if data.is_async() => {
                    "Object [AsyncGenerator] {}".to_string()
                }
                ObjectKind::Generator(_) => "Object [Generator] {}".to_string(),
                ObjectKind::Date(time) => {
                    if time.get().is_finite() {
                        super::date::to_iso_string(time.get())
                    } else {
                        "Invalid Date".to_string()
                    }
                }
                ObjectKind::RegExp(regexp) => format!("/{}/{}", regexp.source, regexp.flags),
                // Node shows a proxy as its target.
                ObjectKind::Proxy(_) => match super::proxy::innermost_target(value) {
                    Some(target) => self.entry(&target, level),
                    None => "<Revoked Proxy>".to_string(),
                },
                ObjectKind::Promise(_) => {
                    let inner = std::cell::RefCell::new(&mut *self);
                    super::promise::inspect_state(value, |item| {
                        inner.borrow_mut().entry(item, level)
                    })
                }
                ObjectKind::Iterator(iterator) if iterator.tag == "Array Iterator" => {
                    "Object [Array Iterator] {}".to_string()
                }
                ObjectKind::Iterator(iterator) => {
                    // Node names a Map's entries iterator `[Map Entries]`, the others by their tag.
                    let label = match (iterator.tag, iterator.yields) {
                        ("Map Iterator", super::iterator::Yield::Entries) => "Map Entries",
                        ("Set Iterator", super::iterator::Yield::Entries) => "Set Entries",
                        (tag, _) => tag,
                    };
                    let parts: Vec<String> = super::iterator::preview(iterator)
                        .iter()
                        .map(|item| self.entry(item, level))
                        .collect();
                    if parts.is_empty() {
                        format!("[{label}] {{  }}")
                    } else {
                        format!("[{label}] {{ {} }}", parts.join(", "))
                    }
                }
                ObjectKind::Set(items) => {
                    let items: Vec<Value> = items
                        .borrow()
                        .entries()
                        .map(|(item, _)| item.clone())
                        .collect();
                    let head = collection_head(value, "Set", items.len());
                    if items.is_empty() {
                        return format!("{head} {{}}");
                    }
                    if self.too_deep(level) {
                        return "[Set]".to_string();
                    }
                    self.current_depth = level;
                    let mut parts: Vec<String> =
                        items.iter().map(|item| self.entry(item, level)).collect();
                    if self.sorted {
                        parts.sort();
                    }
                    self.join(parts, &format!("{head} {{"), "}", level, None)
                }
                ObjectKind::Map(entries) => {
                    let entries: Vec<(Value, Value)> = entries
                        .borrow()
                        .entries()
                        .map(|(key, item)| (key.clone(), item.clone()))
                        .collect();
                    let head = collection_head(value, "Map", entries.len());
                    if entries.is_empty() {
                        return format!("{head} {{}}");
                    }
                    if self.too_deep(level) {
                        return "[Map]".to_string();
                    }
                    self.current_depth = level;
                    let mut parts: Vec<String> = entries
                        .iter()
                        .map(|(key, item)| {
                            let key = self.entry(key, level);
                            format!("{key} => {}", self.entry(item, level))
                        })
                        .collect();
                    if self.sorted {
                        parts.sort();
                    }
                    self.join(parts, &format!("{head} {{"), "}", level, None)
                }
                ObjectKind::WeakMap(_) => "WeakMap { <items unknown> }".to_string(),
                ObjectKind::Bytes(view) => super::bytes::inspect(view),
                ObjectKind::ArrayBuffer(store) => {
                    let bytes = store.borrow();
                    let shown: Vec<String> =
                        bytes.iter().take(50).map(|b| format!("{b:02x}")).collect();
                    format!(
                        "ArrayBuffer {{ [Uint8Contents]: <{}>, byteLength: {} }}",
                        shown.join(" "),
                        bytes.len()
                    )
                }
                ObjectKind::Host(host) => host.inspect(value),
                ObjectKind::WeakSet(_) => "WeakSet { <items unknown> }".to_string(),
                ObjectKind::Primitive(inner) => {
                    let class = match inner {
                        Value::Number(_) => "Number",
                        Value::String(_) => "String",
                        _ => "Boolean",
                    };
                    format!("[{class}: {}]", self.entry(inner, level))
                }
                ObjectKind::Prototype(name) => format!("[Object: {name}.prototype]"),
                ObjectKind::Plain | ObjectKind::Arguments => {
                    let props: Vec<(String, Value)> = object
                        .props
                        .borrow()
                        .iter()
                        .map(|(key, item)| (key.to_rust().into_owned(), item.clone()))
                        .collect();
                    // Node lists enumerable symbol keys after the string keys, as `[Symbol(x)]`.
                    let symbols: Vec<(String, Option<Value>)> = object
                        .props
                        .borrow()
                        .symbols()
                        .iter()
                        .filter(|property| property.attributes.enumerable)
                        .map(|property| {
                            let key = super::symbol::descriptive_string(&property.key.0);
                            let item = match property.attributes.accessor {
                                Some(_) => None,
                                None => Some(property.value.clone()),
                            };
                            (format!("[{key}]"), item)
                        })
                        .collect();
                    // An instance shows its class (`Point { x: 1 }`), an object without
                    // prototype says so.
                    let class = object
                        .class
                        .as_ref()
                        .map(|class| class.name.to_rust().into_owned())
                        .filter(|name| !name.is_empty() && name != "Object");
                    let arguments = matches!(object.kind, ObjectKind::Arguments);
                    let open = match &class {
                        None if arguments => "[Arguments] {".to_string(),
                        Some(name) => format!("{name} {{"),
                        None if super::prototype::has_null_prototype(object) => {
                            "[Object: null prototype] {".to_string()
                        }
                        None => "{".to_string(),
                    };
                    if props.is_empty() && symbols.is_empty() {
                        return format!("{open}}}");
                    }
                    if self.too_deep(level) {
                        return match class {
                            None if arguments => "[Arguments]".to_string(),
                            Some(name) => format!("[{name}]"),
                            None if super::prototype::has_null_prototype(object) => {
                                "[Object: null prototype]".to_string()
                            }
                            None => "[Object]".to_string(),
                        };
                    }
                    self.current_depth = level;
                    let mut parts: Vec<String> = props
                        .iter()
                        .map(|(key, item)| {
                            format!("{}: {}", key_text(key), self.entry(item, level))
                        })
                        .collect();
                    for (key, item) in &symbols {
                        let shown = match item {
                            Some(item) => self.entry(item, level),
                            None => "[Getter]".to_string(),
                        };
                        parts.push(format!("{key}: {shown}"));
                    }
                    if self.sorted {
                        parts.sort();
                    }
                    self.join(parts, &open, "}", level, None)
                }
            },
        }
    }
}

/// `Set(2)`; an instance of a subclass is `Tags(2) [Set]`.
fn collection_head(value: &Value, kind: &str, size: usize) -> String {
    match super::subclass::class_name(value) {
        Some(name) => format!("{name}({size}) [{kind}]"),
        None => format!("{kind}({size})"),
    }
}

/// The line `console.log(...args)` prints: `util.format` of its arguments (`node/format.rs`).
pub fn format_args(args: &[Value]) -> String {
    super::node::format::format(args).unwrap_or_else(|thrown| {
        format!(
            "<{}>",
            to_string(&thrown.value)
                .map(|s| s.to_string())
                .unwrap_or_default()
        )
    })
}

/// `console.log/info/debug/warn/error(...)`.
pub fn log(level: &str, args: &[Value]) -> Value {
    let line = format_args(args);
    let emit = || match level {
        "error" => tracing::error!(target: "handler", "{line}"),
        "warn" => tracing::warn!(target: "handler", "{line}"),
        "debug" => tracing::debug!(target: "handler", "{line}"),
        _ => tracing::info!(target: "handler", "{line}"),
    };
    // On an event-loop thread the request is the one whose code runs, not one the HTTP layer
    // marked on this thread.
    match super::request_task::current() {
        Some(task) => {
            tracing::error_span!("handler", request_id = task.request_id()).in_scope(emit);
            if let Some(recording) = task.recording() {
                recording.log(level, &line);
            }
        }
        None => {
            crate::http::in_handler_span(emit);
            crate::http::record_console(level, &line);
        }
    }
    Value::Undefined
}
