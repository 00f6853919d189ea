//! `JSON.stringify` and `JSON.parse`, byte-identical to V8.
//!
//! ```text
//! JSON.stringify({ a: [1, undefined], b: undefined, c: NaN })   → {"a":[1,null],"c":null}
//! JSON.stringify("\u2028\ud800")                                 → "\u2028" raw, lone surrogate as \ud800
//! JSON.parse("{\"a\":}")  → SyntaxError: Unexpected token '}', "{"a":}" is not valid JSON
//! ```

use std::borrow::Cow;
use std::fmt;
use std::rc::Rc;

use super::convert::to_string;
use super::error::Throw;
use super::number;
use super::string::JsString;
use super::value::{ObjectKind, Value};

/// `JSON.stringify(value, undefined, space)`; `None` when the result is `undefined`.
pub fn stringify(value: &Value, space: &Value) -> Result<Option<String>, Throw> {
    stringify_with(value, &Value::Undefined, space)
}

/// `JSON.stringify(value, replacer, space)` (SerializeJSONProperty): `replacer` may be a
/// function called as `replacer.call(holder, key, value)` for every property, or an array
/// naming the object keys to keep, in its order.
pub fn stringify_with(
    value: &Value,
    replacer: &Value,
    space: &Value,
) -> Result<Option<String>, Throw> {
    let indent = match space {
        Value::Number(count) => " ".repeat(number::to_integer(*count).clamp(0.0, 10.0) as usize),
        Value::String(text) => text.slice_units(0, 10).to_string(),
        _ => String::new(),
    };
    let (function, keys) = match replacer {
        Value::Function(_) => (Some(replacer.clone()), None),
        Value::Array(items) => {
            let mut keys: Vec<JsString> = Vec::new();
            for item in items.to_vec()? {
                let key = match &item {
                    Value::String(text) => text.clone(),
                    Value::Number(_) => to_string(&item)?,
                    _ => continue,
                };
                if !keys.contains(&key) {
                    keys.push(key);
                }
            }
            (None, Some(keys))
        }
        _ => (None, None),
    };
    let mut writer = Writer {
        out: String::new(),
        indent,
        stack: Vec::new(),
        replacer: function,
        keys,
    };
    let holder = if writer.replacer.is_some() {
        Value::object([("", value.clone())])
    } else {
        Value::Undefined
    };
    let written = writer.property(&holder, Key::Name(JsString::empty()), value.clone(), "")?;
    Ok(written.then_some(writer.out))
}

/// `JSON.stringify(value, replacer, space)` as a JS value (`undefined` when nothing is
/// serializable).
pub fn stringify_value(args: &[Value]) -> Result<Value, Throw> {
    let arg = |index: usize| args.get(index).cloned().unwrap_or_default();
    Ok(match stringify_with(&arg(0), &arg(1), &arg(2))? {
        Some(text) => Value::str(&text),
        None => Value::Undefined,
    })
}

/// The key a value is written under: an array index, or a property name (the root value's is
/// `""`). Index keys become strings only when a `toJSON` or replacer call needs them.
#[derive(Clone)]
enum Key {
    Index(usize),
    Name(JsString),
}

impl Key {
    /// The key as `toJSON(key)` and the replacer receive it.
    fn to_js(&self) -> JsString {
        match self {
            Key::Index(index) => JsString::new(&index.to_string()),
            Key::Name(name) => name.clone(),
        }
    }
}

/// How a parent reached a value, as V8's cycle message says it: `index 1`, `property 'b'`.
impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Key::Index(index) => write!(f, "index {index}"),
            Key::Name(name) => write!(f, "property '{name}'"),
        }
    }
}

/// An object or array being written.
struct Open {
    address: usize,
    /// Its constructor's name, as V8's cycle message shows it.
    constructor: Cow<'static, str>,
    /// How its parent reached it (formatted only for a cycle's message).
    via: Key,
}

struct Writer {
    out: String,
    indent: String,
    /// The objects being written, outermost first, to detect and describe cycles.
    stack: Vec<Open>,
    /// A replacer function.
    replacer: Option<Value>,
    /// A replacer array's keys: the only object keys written.
    keys: Option<Vec<JsString>>,
}

/// Writes `text` as a JSON string literal with V8's escaping.
pub fn quote(text: &JsString, out: &mut String) {
    if let Some(ascii) = text.as_ascii() {
        quote_ascii(ascii, out);
        return;
    }
    out.push('"');
    let units = text.units();
    let mut index = 0;
    while index < units.len() {
        let unit = units[index];
        match unit {
            0x22 => out.push_str("\\\""),
            0x5c => out.push_str("\\\\"),
            0x08 => out.push_str("\\b"),
            0x0c => out.push_str("\\f"),
            0x0a => out.push_str("\\n"),
            0x0d => out.push_str("\\r"),
            0x09 => out.push_str("\\t"),
            0..=0x1f => out.push_str(&format!("\\u{unit:04x}")),
            0xd800..=0xdbff => {
                let next = units.get(index + 1).copied().unwrap_or(0);
                if (0xdc00..=0xdfff).contains(&next) {
                    let code =
                        0x10000 + ((u32::from(unit) - 0xd800) << 10) + (u32::from(next) - 0xdc00);
                    out.push(char::from_u32(code).unwrap_or('\u{fffd}'));
                    index += 1;
                } else {
                    out.push_str(&format!("\\u{unit:04x}"));
                }
            }
            0xdc00..=0xdfff => out.push_str(&format!("\\u{unit:04x}")),
            _ => out.push(char::from_u32(u32::from(unit)).unwrap_or('\u{fffd}')),
        }
        index += 1;
    }
    out.push('"');
}

/// [`quote`] for ASCII text: runs of characters that need no escape are copied at once.
fn quote_ascii(text: &str, out: &mut String) {
    out.reserve(text.len() + 2);
    out.push('"');
    let bytes = text.as_bytes();
    let mut start = 0;
    for (index, byte) in bytes.iter().enumerate() {
        let escape = match byte {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            0x08 => "\\b",
            0x0c => "\\f",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0..=0x1f => "",
            _ => continue,
        };
        out.push_str(&text[start..index]);
        if escape.is_empty() {
            out.push_str(&format!("\\u{byte:04x}"));
        } else {
            out.push_str(escape);
        }
        start = index + 1;
    }
    out.push_str(&text[start..]);
    out.push('"');
}

impl Writer {
    /// SerializeJSONProperty: `toJSON(key)`, then the replacer, then writes the result;
    /// returns false if it is not serializable (undefined, functions).
    fn property(
        &mut self,
        holder: &Value,
        key: Key,
        value: Value,
        current_indent: &str,
    ) -> Result<bool, Throw> {
        let mut value = self.to_json(&value, &key)?;
        if let Some(replacer) = &self.replacer {
            value = super::access::call_with_this(
                replacer,
                holder,
                &[Value::String(key.to_js()), value],
            )?;
        }
        // A primitive wrapper (`new Number(3)`) serialises as its primitive, converted through
        // its own `valueOf`/`toString` as the spec's ToNumber/ToString would.
        if let Value::Object(object) = &value
            && let ObjectKind::Primitive(inner) = &object.kind
        {
            value = match inner {
                Value::Number(_) => Value::Number(super::convert::to_number(&value)?),
                Value::String(_) => Value::String(super::convert::to_string(&value)?),
                other => other.clone(),
            };
        }
        self.value(&value, key, current_indent)
    }

    /// Writes an already transformed `value`, reached through `via`.
    fn value(&mut self, value: &Value, via: Key, current_indent: &str) -> Result<bool, Throw> {
        match value {
            Value::Undefined | Value::Function(_) => return Ok(false),
            Value::Null => self.out.push_str("null"),
            Value::Bool(flag) => self.out.push_str(if *flag { "true" } else { "false" }),
            Value::Number(number) => {
                if number.is_finite() {
                    self.out.push_str(&number::to_string(*number));
                } else {
                    self.out.push_str("null");
                }
            }
            Value::String(text) => quote(text, &mut self.out),
            Value::Array(items) => {
                self.enter(Rc::as_ptr(items) as usize, Cow::Borrowed("Array"), via)?;
                // JSON prints elements only (holes as `null`), never named properties. V8
                // fails on the string's length before copying a huge sparse array.
                if items.len() > super::elements::MAX_MATERIALIZED {
                    return Err(Throw::range_error("Invalid string length"));
                }
                let items = items.to_vec()?;
                if items.is_empty() {
                    self.out.push_str("[]");
                } else {
                    let inner = self.inner_indent(current_indent);
                    self.out.push('[');
                    for (index, item) in items.iter().enumerate() {
                        if index > 0 {
                            self.out.push(',');
                        }
                        self.newline(&inner);
                        if !self.property(value, Key::Index(index), item.clone(), &inner)? {
                            self.out.push_str("null");
                        }
                    }
                    self.newline(current_indent);
                    self.out.push(']');
                }
                self.stack.pop();
            }
            Value::Object(object) => {
                let constructor = match &object.kind {
                    ObjectKind::Error(error) => Cow::Owned(error.name.borrow().to_string()),
                    ObjectKind::Date(_) => Cow::Borrowed("Date"),
                    ObjectKind::Map(_) => Cow::Borrowed("Map"),
                    ObjectKind::Set(_) => Cow::Borrowed("Set"),
                    ObjectKind::RegExp(_) => Cow::Borrowed("RegExp"),
                    ObjectKind::Promise(_) => Cow::Borrowed("Promise"),
                    _ => Cow::Borrowed("Object"),
                };
                self.enter(Rc::as_ptr(object) as *const () as usize, constructor, via)?;
                let entries: Vec<(JsString, Value)> = match &self.keys {
                    Some(keys) => {
                        let mut entries = Vec::with_capacity(keys.len());
                        for key in keys {
                            entries.push((key.clone(), super::access::get_key(value, key)?));
                        }
                        entries
                    }
                    None => object
                        .props
                        .borrow()
                        .iter()
                        .filter(|(key, _)| !super::object_methods::is_hidden(&object.kind, key))
                        .map(|(key, value)| (key.clone(), value.clone()))
                        .collect(),
                };
                let inner = self.inner_indent(current_indent);
                self.out.push('{');
                let mut wrote_any = false;
                for (key, item) in &entries {
                    let mark = self.out.len();
                    if wrote_any {
                        self.out.push(',');
                    }
                    self.newline(&inner);
                    quote(key, &mut self.out);
                    self.out.push(':');
                    if !self.indent.is_empty() {
                        self.out.push(' ');
                    }
                    if self.property(value, Key::Name(key.clone()), item.clone(), &inner)? {
                        wrote_any = true;
                    } else {
                        self.out.truncate(mark);
                    }
                }
                if wrote_any {
                    self.newline(current_indent);
                }
                self.out.push('}');
                self.stack.pop();
            }
        }
        Ok(true)
    }

    /// The indentation one level below `current` (nothing to allocate without `space`).
    fn inner_indent(&self, current: &str) -> String {
        if self.indent.is_empty() {
            String::new()
        } else {
            format!("{current}{}", self.indent)
        }
    }

    fn newline(&mut self, indent: &str) {
        if !self.indent.is_empty() {
            self.out.push('\n');
            self.out.push_str(indent);
        }
    }

    /// Pushes an object onto the stack, or throws V8's TypeError describing the cycle it closes:
    /// the object it starts at, the path back to it (middle elided past three steps), and the
    /// key that closes it.
    fn enter(
        &mut self,
        address: usize,
        constructor: Cow<'static, str>,
        via: Key,
    ) -> Result<(), Throw> {
        if let Some(start) = self.stack.iter().position(|open| open.address == address) {
            let mut message = format!(
                "Converting circular structure to JSON\n    --> starting at object with constructor '{}'",
                self.stack[start].constructor
            );
            let path = &self.stack[start + 1..];
            let line = |open: &Open| {
                format!(
                    "\n    |     {} -> object with constructor '{}'",
                    open.via, open.constructor
                )
            };
            if path.len() > 3 {
                message.extend(path[..2].iter().map(line));
                message.push_str("\n    |     ...");
                message.extend(path[path.len() - 1..].iter().map(line));
            } else {
                message.extend(path.iter().map(line));
            }
            message.push_str(&format!("\n    --- {via} closes the circle"));
            return Err(Throw::type_error(message));
        }
        self.stack.push(Open {
            address,
            constructor,
            via,
        });
        Ok(())
    }

    /// Applies `toJSON(key)` (Dates, and objects that define or inherit one).
    fn to_json(&self, value: &Value, key: &Key) -> Result<Value, Throw> {
        if let Value::Object(object) = value {
            if let ObjectKind::Date(time) = &object.kind {
                let own = object.props.borrow().get(&JsString::new("toJSON")).cloned();
                if own.is_none() {
                    let time = time.get();
                    return Ok(if time.is_finite() {
                        Value::str(&super::date::to_iso_string(time))
                    } else {
                        Value::Null
                    });
                }
            }
            return call_to_json(value, key);
        }
        // Arrays have no `toJSON` unless one is assigned or a class extending `Array` has it.
        if let Value::Array(array) = value
            && (array.has_props() || array.class().is_some())
        {
            return call_to_json(value, key);
        }
        Ok(value.clone())
    }
}

/// `value.toJSON(key)` when `value` has a `toJSON` function, else `value` itself.
fn call_to_json(value: &Value, key: &Key) -> Result<Value, Throw> {
    let to_json = super::access::get(value, "toJSON")?;
    if let Value::Function(_) = to_json {
        return super::access::call_with_this(&to_json, value, &[Value::String(key.to_js())]);
    }
    Ok(value.clone())
}

/// `JSON.parse(text)`.
pub fn parse(text: &JsString) -> Result<Value, Throw> {
    if let Some(ascii) = text.as_ascii() {
        misused_value(ascii)?;
    }
    parse_units(&text.units())
}

/// `JSON.parse(text)` of Rust text (a request body), without first copying it into a
/// [`JsString`].
pub fn parse_str(text: &str) -> Result<Value, Throw> {
    misused_value(text)?;
    // Widening bytes has an exact length and vectorizes; `encode_utf16` goes char by char.
    let units: Vec<u16> = if text.is_ascii() {
        text.bytes().map(u16::from).collect()
    } else {
        text.encode_utf16().collect()
    };
    parse_units(&units)
}

/// V8 names the whole input when it is one of the values people pass by mistake.
fn misused_value(text: &str) -> Result<(), Throw> {
    if matches!(text, "undefined" | "NaN" | "Infinity" | "[object Object]") {
        return Err(Throw::syntax_error(format!("\"{text}\" is not valid JSON")));
    }
    Ok(())
}

fn parse_units(units: &[u16]) -> Result<Value, Throw> {
    let mut parser = Parser { units, position: 0 };
    parser.skip_whitespace();
    let value = parser.value()?;
    parser.skip_whitespace();
    if parser.position < units.len() {
        return Err(parser.error_at(format!(
            "Unexpected non-whitespace character after JSON at position {}",
            parser.position
        )));
    }
    Ok(value)
}

/// `JSON.parse(text, reviver)` on JS arguments.
pub fn parse_value(args: &[Value]) -> Result<Value, Throw> {
    let text = to_string(&args.first().cloned().unwrap_or_default())?;
    let value = parse(&text)?;
    match args.get(1) {
        Some(reviver @ Value::Function(_)) => {
            let root = Value::object([("", value)]);
            internalize(&root, JsString::empty(), reviver)
        }
        _ => Ok(value),
    }
}

/// InternalizeJSONProperty: revives the children of `holder[name]` bottom-up, then calls
/// `reviver.call(holder, name, value)`; an `undefined` result deletes the property.
fn internalize(holder: &Value, name: JsString, reviver: &Value) -> Result<Value, Throw> {
    let value = super::access::get_key(holder, &name)?;
    let keys: Vec<JsString> = match &value {
        Value::Array(items) => (0..items.len())
            .map(|index| JsString::new(&index.to_string()))
            .collect(),
        Value::Object(_) => super::object_methods::own_keys(&value)?,
        _ => Vec::new(),
    };
    for key in keys {
        let revived = internalize(&value, key.clone(), reviver)?;
        if matches!(revived, Value::Undefined) {
            super::access::delete(&value, &Value::String(key))?;
        } else {
            super::access::define_key(&value, key, revived)?;
        }
    }
    super::access::call_with_this(reviver, holder, &[Value::String(name), value])
}

struct Parser<'a> {
    units: &'a [u16],
    position: usize,
}

impl Parser<'_> {
    fn error_at(&self, message: String) -> Throw {
        Throw::syntax_error(message)
    }

    fn peek(&self) -> Option<u16> {
        self.units.get(self.position).copied()
    }

    fn skip_whitespace(&mut self) {
        while matches!(self.peek(), Some(0x20 | 0x09 | 0x0a | 0x0d)) {
            self.position += 1;
        }
    }

    /// V8's message for an unexpected character (or the end of the input).
    fn unexpected(&self) -> Throw {
        match self.peek() {
            None => Throw::syntax_error("Unexpected end of JSON input"),
            Some(unit) => {
                let token = JsString::from_units(&[unit]);
                let source = if self.units.len() <= 40 {
                    format!("\"{}\"", JsString::from_units(self.units))
                } else {
                    let start = self.position.saturating_sub(10);
                    let end = (self.position + 10).min(self.units.len());
                    let prefix = if start > 0 { "..." } else { "" };
                    let suffix = if end < self.units.len() { "..." } else { "" };
                    format!(
                        "\"{prefix}{}{suffix}\"",
                        JsString::from_units(&self.units[start..end])
                    )
                };
                Throw::syntax_error(format!(
                    "Unexpected token '{token}', {source} is not valid JSON"
                ))
            }
        }
    }

    fn expect_literal(&mut self, word: &str, value: Value) -> Result<Value, Throw> {
        for expected in word.bytes() {
            if self.peek() != Some(u16::from(expected)) {
                return Err(self.unexpected());
            }
            self.position += 1;
        }
        Ok(value)
    }

    fn value(&mut self) -> Result<Value, Throw> {
        match self.peek() {
            Some(0x7b) => self.object(),
            Some(0x5b) => self.array(),
            Some(0x22) => self.string().map(Value::String),
            Some(0x74) => self.expect_literal("true", Value::Bool(true)),
            Some(0x66) => self.expect_literal("false", Value::Bool(false)),
            Some(0x6e) => self.expect_literal("null", Value::Null),
            Some(0x2d | 0x30..=0x39) => self.number(),
            _ => Err(self.unexpected()),
        }
    }

    fn object(&mut self) -> Result<Value, Throw> {
        self.position += 1;
        let object = Value::object(Vec::<(JsString, Value)>::new());
        self.skip_whitespace();
        if self.peek() == Some(0x7d) {
            self.position += 1;
            return Ok(object);
        }
        let mut first = true;
        loop {
            self.skip_whitespace();
            if self.peek() != Some(0x22) {
                let expected = if first {
                    "Expected property name or '}'"
                } else {
                    "Expected double-quoted property name"
                };
                return Err(
                    self.error_at(format!("{expected} in JSON at position {}", self.position))
                );
            }
            first = false;
            let key = self.string()?;
            self.skip_whitespace();
            if self.peek() != Some(0x3a) {
                return Err(self.error_at(format!(
                    "Expected ':' after property name in JSON at position {}",
                    self.position
                )));
            }
            self.position += 1;
            self.skip_whitespace();
            let value = self.value()?;
            super::access::define_key(&object, key, value)?;
            self.skip_whitespace();
            match self.peek() {
                Some(0x2c) => self.position += 1,
                Some(0x7d) => {
                    self.position += 1;
                    return Ok(object);
                }
                _ => {
                    return Err(self.error_at(format!(
                        "Expected ',' or '}}' after property value in JSON at position {}",
                        self.position
                    )));
                }
            }
        }
    }

    fn array(&mut self) -> Result<Value, Throw> {
        self.position += 1;
        let mut items = Vec::new();
        self.skip_whitespace();
        if self.peek() == Some(0x5d) {
            self.position += 1;
            return Ok(Value::array(items));
        }
        loop {
            self.skip_whitespace();
            items.push(self.value()?);
            self.skip_whitespace();
            match self.peek() {
                Some(0x2c) => self.position += 1,
                Some(0x5d) => {
                    self.position += 1;
                    return Ok(Value::array(items));
                }
                _ => {
                    return Err(self.error_at(format!(
                        "Expected ',' or ']' after array element in JSON at position {}",
                        self.position
                    )));
                }
            }
        }
    }

    fn string(&mut self) -> Result<JsString, Throw> {
        self.position += 1;
        // Most strings are printable ASCII without escapes: take them in one piece.
        let rest = &self.units[self.position..];
        if let Some(length) = rest
            .iter()
            .position(|unit| !matches!(unit, 0x20..=0x7f) || matches!(unit, 0x22 | 0x5c))
            && rest[length] == 0x22
        {
            let text = JsString::from_units(&rest[..length]);
            self.position += length + 1;
            return Ok(text);
        }
        let mut out: Vec<u16> = Vec::new();
        loop {
            let Some(unit) = self.peek() else {
                return Err(self.error_at(format!(
                    "Unterminated string in JSON at position {}",
                    self.position
                )));
            };
            match unit {
                0x22 => {
                    self.position += 1;
                    return Ok(JsString::from_units(&out));
                }
                0x5c => {
                    let escape = self.units.get(self.position + 1).copied();
                    let simple = match escape {
                        Some(0x22) => Some(0x22),
                        Some(0x5c) => Some(0x5c),
                        Some(0x2f) => Some(0x2f),
                        Some(0x62) => Some(0x08),
                        Some(0x66) => Some(0x0c),
                        Some(0x6e) => Some(0x0a),
                        Some(0x72) => Some(0x0d),
                        Some(0x74) => Some(0x09),
                        _ => None,
                    };
                    if let Some(unit) = simple {
                        out.push(unit);
                        self.position += 2;
                    } else if escape == Some(0x75) {
                        let mut code: u16 = 0;
                        for offset in 2..6 {
                            let digit = self
                                .units
                                .get(self.position + offset)
                                .and_then(|unit| char::from_u32(u32::from(*unit)))
                                .and_then(|c| c.to_digit(16));
                            match digit {
                                Some(digit) => code = code * 16 + digit as u16,
                                None => {
                                    return Err(self.error_at(format!(
                                        "Bad Unicode escape in JSON at position {}",
                                        self.position + offset
                                    )));
                                }
                            }
                        }
                        out.push(code);
                        self.position += 6;
                    } else {
                        return Err(self.error_at(format!(
                            "Bad escaped character in JSON at position {}",
                            self.position + 1
                        )));
                    }
                }
                0..=0x1f => {
                    return Err(self.error_at(format!(
                        "Bad control character in string literal in JSON at position {}",
                        self.position
                    )));
                }
                _ => {
                    out.push(unit);
                    self.position += 1;
                }
            }
        }
    }

    fn number(&mut self) -> Result<Value, Throw> {
        let start = self.position;
        let digit = |unit: Option<u16>| matches!(unit, Some(0x30..=0x39));
        if self.peek() == Some(0x2d) {
            self.position += 1;
            if !digit(self.peek()) {
                return Err(self.number_error("No number after minus sign"));
            }
        }
        if self.peek() == Some(0x30) {
            self.position += 1;
            if digit(self.peek()) {
                return Err(self.number_error("Unexpected number"));
            }
        } else {
            while digit(self.peek()) {
                self.position += 1;
            }
        }
        if self.peek() == Some(0x2e) {
            self.position += 1;
            if !digit(self.peek()) {
                return Err(self.number_error("Unterminated fractional number"));
            }
            while digit(self.peek()) {
                self.position += 1;
            }
        }
        if matches!(self.peek(), Some(0x65 | 0x45)) {
            self.position += 1;
            if matches!(self.peek(), Some(0x2b | 0x2d)) {
                self.position += 1;
            }
            if !digit(self.peek()) {
                return Err(self.number_error("Exponent part is missing a number"));
            }
            while digit(self.peek()) {
                self.position += 1;
            }
        }
        let literal = String::from_utf16_lossy(&self.units[start..self.position]);
        Ok(Value::Number(literal.parse::<f64>().unwrap_or(f64::NAN)))
    }

    fn number_error(&self, what: &str) -> Throw {
        Throw::syntax_error(format!("{what} in JSON at position {}", self.position))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::js::access::set;

    fn message(value: &Value) -> String {
        let thrown = stringify(value, &Value::Undefined).unwrap_err();
        crate::js::error::error_parts(&thrown.value).unwrap().1
    }

    #[test]
    fn cycles_are_described_like_v8() {
        // node -e 'const c = {a:{b:{c:{d:{e:{}}}}}}; c.a.b.c.d.e.back = c;
        //   try { JSON.stringify(c) } catch (e) { console.log(JSON.stringify(e.message)) }'
        let e = Value::object(Vec::<(&str, Value)>::new());
        let d = Value::object([("e", e.clone())]);
        let c = Value::object([("d", d)]);
        let b = Value::object([("c", c)]);
        let a = Value::object([("b", b)]);
        let root = Value::object([("a", a)]);
        set(&e, "back", root.clone()).unwrap();
        assert_eq!(
            message(&root),
            "Converting circular structure to JSON\n    --> starting at object with constructor 'Object'\n    |     property 'a' -> object with constructor 'Object'\n    |     property 'b' -> object with constructor 'Object'\n    |     ...\n    |     property 'e' -> object with constructor 'Object'\n    --- property 'back' closes the circle"
        );
        // node -e 'const x={}; x.y={z:[x]}; try { JSON.stringify([x]) } catch (e) { console.log(JSON.stringify(e.message)) }'
        let x = Value::object(Vec::<(&str, Value)>::new());
        let y = Value::object([("z", Value::array(vec![x.clone()]))]);
        set(&x, "y", y).unwrap();
        assert_eq!(
            message(&Value::array(vec![x])),
            "Converting circular structure to JSON\n    --> starting at object with constructor 'Object'\n    |     property 'y' -> object with constructor 'Object'\n    |     property 'z' -> object with constructor 'Array'\n    --- index 0 closes the circle"
        );
    }
}
