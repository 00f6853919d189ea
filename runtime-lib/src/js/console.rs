//! `console.log` formatting (a subset of Node's `util.inspect`) and the `console` methods.
//!
//! ```text
//! console.log("n =", 1, { a: "x", b: [1, 2] })   →   n = 1 { a: 'x', b: [ 1, 2 ] }
//! ```
//!
//! Output goes to `tracing` (target `handler`), one event per call.

use super::convert::to_string;
use super::number;
use super::value::{ObjectKind, Value};

/// How Node's `util.inspect` shows a value (single line, depth 2).
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

/// `Set(2) { 1, 2 }`; an instance of a subclass is `Tags(2) [Set] { 1, 2 }`, and an empty
/// collection `Set(0) {}`.
fn collection(value: &Value, kind: &str, parts: &[String]) -> String {
    let head = match super::subclass::class_name(value) {
        Some(name) => format!("{name}({}) [{kind}]", parts.len()),
        None => format!("{kind}({})", parts.len()),
    };
    if parts.is_empty() {
        format!("{head} {{}}")
    } else {
        format!("{head} {{ {} }}", parts.join(", "))
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
    // `inspect_at` counts levels from `-depth + 2` up and collapses past 2.
    let start = match depth {
        Some(depth) => 2 - i64::from(depth),
        None => i64::MIN / 2,
    };
    inspect_at(value, start, true)
}

/// `depth` counts up from the level where inspection starts; past 2 an object collapses.
fn inspect_at(value: &Value, depth: i64, nested: bool) -> String {
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
            if depth > 2 {
                return format!(
                    "[{}]",
                    class.map_or("Array".to_string(), |name| name.to_string())
                );
            }
            // Node shows a run of holes as `<n empty items>` and at most 100 entries.
            let mut parts = Vec::new();
            let mut index = 0;
            while index < length && parts.len() < 100 {
                match items.next_present(index).filter(|&next| next < length) {
                    Some(next) if next == index => {
                        parts.push(inspect_at(&items.read(index), depth + 1, true));
                        index += 1;
                    }
                    found => {
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
            for (key, item) in items.props() {
                parts.push(format!(
                    "{}: {}",
                    key_text(&key.to_rust()),
                    inspect_at(&item, depth + 1, true)
                ));
            }
            format!("{prefix}[ {} ]", parts.join(", "))
        }
        Value::Object(object) => match &object.kind {
            ObjectKind::Error(_) => super::error::stack_string(value),
            ObjectKind::Date(time) => {
                if time.get().is_finite() {
                    super::date::to_iso_string(time.get())
                } else {
                    "Invalid Date".to_string()
                }
            }
            ObjectKind::RegExp(regexp) => format!("/{}/{}", regexp.source, regexp.flags),
            ObjectKind::Promise(_) => {
                super::promise::inspect_state(value, |inner| inspect_at(inner, depth + 1, true))
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
                    .map(|item| inspect_at(item, depth + 1, true))
                    .collect();
                if parts.is_empty() {
                    format!("[{label}] {{  }}")
                } else {
                    format!("[{label}] {{ {} }}", parts.join(", "))
                }
            }
            ObjectKind::Set(items) => {
                let parts: Vec<String> = items
                    .borrow()
                    .entries()
                    .map(|(item, _)| inspect_at(item, depth + 1, true))
                    .collect();
                collection(value, "Set", &parts)
            }
            ObjectKind::Map(entries) => {
                let parts: Vec<String> = entries
                    .borrow()
                    .entries()
                    .map(|(key, item)| {
                        format!(
                            "{} => {}",
                            inspect_at(key, depth + 1, true),
                            inspect_at(item, depth + 1, true)
                        )
                    })
                    .collect();
                collection(value, "Map", &parts)
            }
            ObjectKind::WeakMap(_) => "WeakMap { <items unknown> }".to_string(),
            ObjectKind::WeakSet(_) => "WeakSet { <items unknown> }".to_string(),
            ObjectKind::Primitive(inner) => {
                let class = match inner {
                    Value::Number(_) => "Number",
                    Value::String(_) => "String",
                    _ => "Boolean",
                };
                format!("[{class}: {}]", inspect_at(inner, depth + 1, true))
            }
            ObjectKind::Prototype(name) => format!("[Object: {name}.prototype]"),
            ObjectKind::Plain => {
                let props = object.props.borrow();
                if props.is_empty() {
                    return "{}".to_string();
                }
                if depth > 2 {
                    return "[Object]".to_string();
                }
                let parts: Vec<String> = props
                    .iter()
                    .map(|(key, item)| {
                        format!(
                            "{}: {}",
                            key_text(&key.to_rust()),
                            inspect_at(item, depth + 1, true)
                        )
                    })
                    .collect();
                format!("{{ {} }}", parts.join(", "))
            }
        },
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
