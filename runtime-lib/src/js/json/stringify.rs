//! `JSON.stringify`, byte-identical to V8.
//!
//! ```text
//! JSON.stringify({ a: [1, undefined], b: undefined, c: NaN })   → {"a":[1,null],"c":null}
//! JSON.stringify("\u2028\ud800")                                 → "\u2028" raw, lone surrogate as \ud800
//! ```
//!
//! Everything is written into one `String` (numbers by `number::write`, strings by [`quote`])
//! with no string in between. Objects and arrays are walked recursively, keeping the path for
//! V8's cycle message; past [`MAX_DEPTH`] levels the walk throws the `RangeError` V8 throws
//! when its stack runs out, rather than overflow the thread's.

use std::borrow::Cow;
use std::fmt;
use std::rc::Rc;

use super::super::access;
use super::super::convert::to_string;
use super::super::elements::JsArray;
use super::super::error::Throw;
use super::super::number;
use super::super::string::JsString;
use super::super::value::{JsObject, ObjectKind, Prototype, Value};

/// The deepest nesting written. Node's stack runs out at about 4,170 levels; here each level
/// takes about 550 bytes of a server thread's 2 MiB stack in a release build (a debug build
/// needs about 3 KiB a level, and overflows near 600).
const MAX_DEPTH: usize = 2_000;

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
        spare_members: Vec::new(),
        spare_elements: Vec::new(),
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
    /// Emptied member and element lists, reused for the next object or array written.
    spare_members: Vec<Vec<(JsString, Value)>>,
    spare_elements: Vec<Vec<Value>>,
}

/// Writes `text` as a JSON string literal with V8's escaping.
pub fn quote(text: &JsString, out: &mut String) {
    match text {
        JsString::Ascii(ascii) => quote_ascii(ascii, out),
        JsString::Wide(units) => quote_wide(units, out),
    }
}

/// How each ASCII character is written inside a string: `0` as itself, `u` as `\u00XX`, any
/// other byte as a backslash and that byte (`\n`, `\"`).
const ESCAPES: [u8; 128] = {
    let mut table = [0u8; 128];
    let mut control = 0;
    while control < 0x20 {
        table[control] = b'u';
        control += 1;
    }
    table[0x08] = b'b';
    table[0x0c] = b'f';
    table[b'\n' as usize] = b'n';
    table[b'\r' as usize] = b'r';
    table[b'\t' as usize] = b't';
    table[b'"' as usize] = b'"';
    table[b'\\' as usize] = b'\\';
    table
};

/// The escape of an ASCII character, `0` if it needs none.
fn escape_of(ascii: u8) -> u8 {
    ESCAPES[usize::from(ascii & 0x7f)]
}

/// Writes the escape [`escape_of`] gave for `unit`.
fn push_escape(escape: u8, unit: u16, out: &mut String) {
    if escape == b'u' {
        push_unicode_escape(unit, out);
    } else {
        out.push('\\');
        out.push(char::from(escape));
    }
}

/// `\uXXXX` in lower-case hex, as V8 writes control characters and lone surrogates.
fn push_unicode_escape(unit: u16, out: &mut String) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push_str("\\u");
    for shift in [12, 8, 4, 0] {
        out.push(char::from(HEX[usize::from((unit >> shift) & 0xf)]));
    }
}

/// [`quote`] for ASCII text: runs of characters that need no escape are copied at once.
fn quote_ascii(text: &str, out: &mut String) {
    out.reserve(text.len() + 2);
    out.push('"');
    let mut start = 0;
    for (index, byte) in text.bytes().enumerate() {
        let escape = escape_of(byte);
        if escape == 0 {
            continue;
        }
        out.push_str(&text[start..index]);
        push_escape(escape, u16::from(byte), out);
        start = index + 1;
    }
    out.push_str(&text[start..]);
    out.push('"');
}

/// [`quote`] for UTF-16 code units: pairs become their character, lone surrogates escapes.
fn quote_wide(units: &[u16], out: &mut String) {
    out.reserve(units.len() + 2);
    out.push('"');
    let mut index = 0;
    while index < units.len() {
        let unit = units[index];
        match unit {
            0..=0x7f => match escape_of(unit as u8) {
                0 => out.push(char::from(unit as u8)),
                escape => push_escape(escape, unit, out),
            },
            0xd800..=0xdbff => {
                let next = units.get(index + 1).copied().unwrap_or(0);
                if (0xdc00..=0xdfff).contains(&next) {
                    let code =
                        0x10000 + ((u32::from(unit) - 0xd800) << 10) + (u32::from(next) - 0xdc00);
                    out.push(char::from_u32(code).unwrap_or('\u{fffd}'));
                    index += 1;
                } else {
                    push_unicode_escape(unit, out);
                }
            }
            0xdc00..=0xdfff => push_unicode_escape(unit, out),
            _ => out.push(char::from_u32(u32::from(unit)).unwrap_or('\u{fffd}')),
        }
        index += 1;
    }
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
        let mut value = to_json(value, &key)?;
        if let Some(replacer) = &self.replacer {
            value = access::call_with_this(replacer, holder, &[Value::String(key.to_js()), value])?;
        }
        // A primitive wrapper (`new Number(3)`) serialises as its primitive, converted through
        // its own `valueOf`/`toString` as the spec's ToNumber/ToString would.
        if let Value::Object(object) = &value
            && let ObjectKind::Primitive(inner) = &object.kind
        {
            value = match inner {
                Value::Number(_) => Value::Number(super::super::convert::to_number(&value)?),
                Value::String(_) => Value::String(to_string(&value)?),
                other => other.clone(),
            };
        }
        self.value(&value, key, current_indent)
    }

    /// Writes an already transformed `value`, reached through `via`.
    fn value(&mut self, value: &Value, via: Key, current_indent: &str) -> Result<bool, Throw> {
        match value {
            Value::Undefined | Value::Function(_) | Value::Symbol(_) => return Ok(false),
            Value::Null => self.out.push_str("null"),
            Value::Bool(flag) => self.out.push_str(if *flag { "true" } else { "false" }),
            Value::Number(number) => {
                if number.is_finite() {
                    number::write(*number, &mut self.out);
                } else {
                    self.out.push_str("null");
                }
            }
            Value::String(text) => quote(text, &mut self.out),
            Value::BigInt(_) => {
                return Err(Throw::type_error("Do not know how to serialize a BigInt"));
            }
            Value::Array(items) => self.array(value, items, via, current_indent)?,
            // A proxy of an array is written as an array of what its traps answer.
            Value::Object(object)
                if let ObjectKind::Proxy(proxy) = &object.kind
                    && proxy.is_array =>
            {
                let length = super::super::convert::to_number(&access::get(value, "length")?)?;
                let length = super::super::elements::valid_length(length)?;
                let elements = (0..length)
                    .map(|index| access::get_index(value, index as f64))
                    .collect::<Result<Vec<Value>, Throw>>()?;
                let items = Rc::new(JsArray::new(elements));
                self.array(value, &items, via, current_indent)?
            }
            Value::Object(object) => self.object(value, object, via, current_indent)?,
        }
        Ok(true)
    }

    /// Writes the elements of an array (holes as `null`), never its named properties.
    fn array(
        &mut self,
        value: &Value,
        items: &Rc<JsArray>,
        via: Key,
        current_indent: &str,
    ) -> Result<(), Throw> {
        self.enter(Rc::as_ptr(items) as usize, Cow::Borrowed("Array"), via)?;
        // V8 fails on the string's length before copying a huge sparse array.
        if items.len() > super::super::elements::MAX_MATERIALIZED {
            return Err(Throw::range_error("Invalid string length"));
        }
        // A copy: `toJSON` and replacer calls may change the array while it is written.
        let mut elements = self.spare_elements.pop().unwrap_or_default();
        if items.is_packed() {
            elements.extend(items.dense().iter().cloned());
        } else {
            elements.extend(items.to_vec()?);
        }
        if elements.is_empty() {
            self.out.push_str("[]");
        } else {
            let inner = self.inner_indent(current_indent);
            self.out.push('[');
            for (index, item) in elements.drain(..).enumerate() {
                if index > 0 {
                    self.out.push(',');
                }
                self.newline(&inner);
                if !self.property(value, Key::Index(index), item, &inner)? {
                    self.out.push_str("null");
                }
            }
            self.newline(current_indent);
            self.out.push(']');
        }
        self.spare_elements.push(elements);
        self.stack.pop();
        Ok(())
    }

    /// Writes the own enumerable properties of an object (or a replacer array's keys).
    fn object(
        &mut self,
        value: &Value,
        object: &Rc<JsObject>,
        via: Key,
        current_indent: &str,
    ) -> Result<(), Throw> {
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
        // A copy, for the same reason as an array's.
        let mut members = self.spare_members.pop().unwrap_or_default();
        match &self.keys {
            Some(keys) => {
                for key in keys {
                    members.push((key.clone(), access::get_key(value, key)?));
                }
            }
            // A proxy's keys and values come from its traps.
            None if matches!(object.kind, ObjectKind::Proxy(_)) => {
                for key in super::super::object_methods::own_keys(value)? {
                    let item = access::get_key(value, &key)?;
                    members.push((key, item));
                }
            }
            // Accessors are read through their getters.
            None if object.props.borrow().has_special() => {
                let keys: Vec<JsString> = object
                    .props
                    .borrow()
                    .iter()
                    .filter(|(key, _)| !super::super::object_methods::is_hidden(&object.kind, key))
                    .map(|(key, _)| key.clone())
                    .collect();
                for key in keys {
                    let item = access::get_key(value, &key)?;
                    members.push((key, item));
                }
            }
            None => members.extend(
                object
                    .props
                    .borrow()
                    .iter()
                    .filter(|(key, _)| !super::super::object_methods::is_hidden(&object.kind, key))
                    .map(|(key, value)| (key.clone(), value.clone())),
            ),
        }
        // A Uint8Array's elements are its first own keys (`{"0":1,"1":2}`).
        if let (None, ObjectKind::Bytes(view)) = (&self.keys, &object.kind) {
            let elements = super::super::bytes::elements(view);
            let named = std::mem::take(&mut members);
            members.extend(
                elements
                    .into_iter()
                    .enumerate()
                    .map(|(index, item)| (JsString::new(&index.to_string()), item)),
            );
            members.extend(named);
        }
        let inner = self.inner_indent(current_indent);
        self.out.push('{');
        let mut wrote_any = false;
        for (key, item) in members.drain(..) {
            let mark = self.out.len();
            if wrote_any {
                self.out.push(',');
            }
            self.newline(&inner);
            quote(&key, &mut self.out);
            self.out.push(':');
            if !self.indent.is_empty() {
                self.out.push(' ');
            }
            if self.property(value, Key::Name(key), item, &inner)? {
                wrote_any = true;
            } else {
                self.out.truncate(mark);
            }
        }
        if wrote_any {
            self.newline(current_indent);
        }
        self.out.push('}');
        self.spare_members.push(members);
        self.stack.pop();
        Ok(())
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

    /// Pushes an object onto the stack, or throws V8's TypeError describing the cycle it closes
    /// (see [`Writer::cycle_error`]); past [`MAX_DEPTH`] it throws V8's stack-overflow
    /// `RangeError`.
    fn enter(
        &mut self,
        address: usize,
        constructor: Cow<'static, str>,
        via: Key,
    ) -> Result<(), Throw> {
        if let Some(start) = self.stack.iter().position(|open| open.address == address) {
            return Err(self.cycle_error(start, &via));
        }
        if self.stack.len() >= MAX_DEPTH {
            return Err(Throw::range_error("Maximum call stack size exceeded"));
        }
        self.stack.push(Open {
            address,
            constructor,
            via,
        });
        Ok(())
    }

    /// V8's message for a cycle: the object it starts at, the path back to it (middle elided
    /// past three steps), and the key that closes it. Kept out of line: the formatting would
    /// otherwise take stack space in every level of the walk.
    #[cold]
    #[inline(never)]
    fn cycle_error(&self, start: usize, via: &Key) -> Throw {
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
        Throw::type_error(message)
    }
}

/// Applies `toJSON(key)` (Dates, and objects that define or inherit one); `value` itself when
/// there is none.
fn to_json(value: Value, key: &Key) -> Result<Value, Throw> {
    match &value {
        Value::Object(object) => {
            if let ObjectKind::Date(time) = &object.kind
                && object.props.borrow().get_ascii("toJSON").is_none()
            {
                let time = time.get();
                return Ok(if time.is_finite() {
                    Value::str(&super::super::date::to_iso_string(time))
                } else {
                    Value::Null
                });
            }
            if is_ordinary(object) {
                // Nothing but an own property can give it a `toJSON`.
                let own = object.props.borrow().get_ascii("toJSON").cloned();
                return match own {
                    Some(method @ Value::Function(_)) => call_to_json(&method, value, key),
                    _ => Ok(value),
                };
            }
            let method = access::get(&value, "toJSON")?;
            call_to_json(&method, value, key)
        }
        // Arrays have no `toJSON` unless one is assigned or a class extending `Array` has it.
        Value::Array(array) if array.has_props() || array.class().is_some() => {
            let method = access::get(&value, "toJSON")?;
            call_to_json(&method, value, key)
        }
        _ => Ok(value),
    }
}

/// A plain object with the default prototype and no class: it inherits nothing but
/// `Object.prototype`, which has no `toJSON`.
fn is_ordinary(object: &JsObject) -> bool {
    matches!(object.kind, ObjectKind::Plain)
        && object.class.is_none()
        && matches!(*object.proto.borrow(), Prototype::Default)
}

/// `value.toJSON(key)` if `method` is a function, else `value` itself.
fn call_to_json(method: &Value, value: Value, key: &Key) -> Result<Value, Throw> {
    if let Value::Function(_) = method {
        return access::call_with_this(method, &value, &[Value::String(key.to_js())]);
    }
    Ok(value)
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
    fn nesting_past_the_limit_throws_instead_of_overflowing() {
        // A debug build's frames need more stack than a server thread has at this depth.
        let outcome = std::thread::Builder::new()
            .stack_size(64 << 20)
            .spawn(|| {
                let mut nested = Value::array(Vec::new());
                for _ in 0..MAX_DEPTH {
                    nested = Value::array(vec![nested]);
                }
                let thrown = message(&nested);
                let fits = stringify(&Value::array(Vec::new()), &Value::Undefined);
                (thrown, fits.unwrap())
            })
            .unwrap()
            .join()
            .unwrap();
        assert_eq!(outcome.0, "Maximum call stack size exceeded");
        assert_eq!(outcome.1.as_deref(), Some("[]"));
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
