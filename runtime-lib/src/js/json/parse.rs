//! `JSON.parse`: V8's grammar and error messages, without recursion.
//!
//! ```text
//! JSON.parse('{"a":[1,2.5,"x"]}')  → { a: [1, 2.5, "x"] }
//! JSON.parse("[1,]")               → SyntaxError: Unexpected token ']', "[1,]" is not valid JSON
//! ```
//!
//! One parser reads Rust text (a request body, an ASCII `JsString`) as UTF-8 bytes and a wide
//! `JsString` as UTF-16 code units ([`Text`]). V8's error positions count code units, which
//! bytes only do in ASCII text, so non-ASCII text that fails is parsed again as code units for
//! the message: errors are rare, and the bytes path then never has to count.
//!
//! Open arrays and objects live on an explicit stack rather than the Rust call stack, so a
//! 64 KiB body of `[` is a `SyntaxError` like any other, not a stack overflow. Dropping and
//! printing a value do recurse, so containers nested deeper than [`MAX_DEPTH`] are checked for
//! syntax but not built; valid text that deep throws the `RangeError` V8 throws when its own
//! stack runs out (in V8 that happens later, in `JSON.stringify`).

use std::rc::Rc;

use super::super::convert::to_string;
use super::super::error::Throw;
use super::super::property::PropertyMap;
use super::super::string::JsString;
use super::super::value::{JsObject, ObjectKind, Value};

/// The deepest nesting of arrays and objects a parse builds: dropping a value recurses once per
/// level, about 100 bytes of a server thread's 2 MiB stack in a release build and 400 in a
/// debug one. (`JSON.stringify` stops at fewer levels; Node's gives up at about 4,170.)
const MAX_DEPTH: usize = 3_000;

/// `JSON.parse(text)`.
pub fn parse(text: &JsString) -> Result<Value, Throw> {
    match text {
        JsString::Ascii(ascii) => {
            misused_value(ascii)?;
            parse_text(&**ascii)
        }
        JsString::Wide(units) => parse_text(&**units),
    }
}

/// `JSON.parse(text)` of Rust text (a request body), read as bytes without first copying it
/// into a [`JsString`].
pub fn parse_str(text: &str) -> Result<Value, Throw> {
    misused_value(text)?;
    parse_text(text).or_else(|thrown| {
        if text.is_ascii() {
            return Err(thrown);
        }
        // Past a non-ASCII character, byte offsets are not V8's positions.
        let units: Vec<u16> = text.encode_utf16().collect();
        parse_text(&units[..])
    })
}

/// `JSON.parse(text, reviver)` on JS arguments.
pub fn parse_value(args: &[Value]) -> Result<Value, Throw> {
    let text = to_string(&args.first().cloned().unwrap_or_default())?;
    let value = parse(&text)?;
    match args.get(1) {
        Some(reviver @ Value::Function(_)) => {
            let root = Value::object([("", value)]);
            internalize(&root, JsString::empty(), reviver, 0)
        }
        _ => Ok(value),
    }
}

/// How deep a reviver walk goes before it throws V8's stack-overflow `RangeError` (Node's
/// gives up between 2,000 and 3,000 levels).
const MAX_REVIVER_DEPTH: usize = 2_000;

/// InternalizeJSONProperty: revives the children of `holder[name]` bottom-up, then calls
/// `reviver.call(holder, name, value)`; an `undefined` result deletes the property.
fn internalize(
    holder: &Value,
    name: JsString,
    reviver: &Value,
    depth: usize,
) -> Result<Value, Throw> {
    use super::super::access;
    if depth > MAX_REVIVER_DEPTH {
        return Err(Throw::range_error("Maximum call stack size exceeded"));
    }
    let value = access::get_key(holder, &name)?;
    let keys: Vec<JsString> = match &value {
        Value::Array(items) => (0..items.len())
            .map(|index| JsString::new(&index.to_string()))
            .collect(),
        Value::Object(_) => super::super::object_methods::own_keys(&value)?,
        _ => Vec::new(),
    };
    for key in keys {
        let revived = internalize(&value, key.clone(), reviver, depth + 1)?;
        if matches!(revived, Value::Undefined) {
            access::delete(&value, &Value::String(key))?;
        } else {
            access::define_key(&value, key, revived)?;
        }
    }
    access::call_with_this(reviver, holder, &[Value::String(name), value])
}

/// V8 names the whole input when it is one of the values people pass by mistake.
fn misused_value(text: &str) -> Result<(), Throw> {
    if matches!(text, "undefined" | "NaN" | "Infinity" | "[object Object]") {
        return Err(Throw::syntax_error(format!("\"{text}\" is not valid JSON")));
    }
    Ok(())
}

/// The bytes that end an escape-free run inside a string: `"`, `\` and control characters.
const ENDS_PLAIN_RUN: [bool; 256] = {
    let mut table = [false; 256];
    let mut byte = 0;
    while byte < 0x20 {
        table[byte] = true;
        byte += 1;
    }
    table[b'"' as usize] = true;
    table[b'\\' as usize] = true;
    table
};

/// JSON text as the parser reads it: UTF-8 bytes (`str`) or UTF-16 code units (`[u16]`).
/// Every character the grammar names is ASCII, so both are read one unit at a time; only
/// the contents of strings need converting.
trait Text {
    type Unit: Copy;

    fn units(&self) -> &[Self::Unit];

    /// The unit as a UTF-16 code unit (a byte of a multi-byte UTF-8 character stays a byte:
    /// it never matches anything the grammar names).
    fn code(unit: Self::Unit) -> u16;

    /// The string `start..end` spells, which holds no escape.
    fn string(&self, start: usize, end: usize) -> JsString;

    /// How many units from `start` need no attention inside a string: no quote, backslash or
    /// control character.
    fn plain_run(&self, start: usize) -> usize;

    /// Appends the code units of `start..end` (no escapes) to `out`.
    fn extend_units(&self, start: usize, end: usize, out: &mut Vec<u16>);

    /// Whether `run` (no escapes) spells `text`.
    fn spells(run: &[Self::Unit], text: &JsString) -> bool;
}

impl Text for str {
    type Unit = u8;

    fn units(&self) -> &[u8] {
        self.as_bytes()
    }

    fn code(unit: u8) -> u16 {
        u16::from(unit)
    }

    fn string(&self, start: usize, end: usize) -> JsString {
        // Runs start and end next to ASCII characters, so on character boundaries.
        match self.get(start..end) {
            Some(run) => JsString::new(run),
            None => JsString::new(&String::from_utf8_lossy(&self.as_bytes()[start..end])),
        }
    }

    fn plain_run(&self, start: usize) -> usize {
        let rest = &self.as_bytes()[start..];
        let mut length = 0;
        while length < rest.len() && !ENDS_PLAIN_RUN[usize::from(rest[length])] {
            length += 1;
        }
        length
    }

    fn extend_units(&self, start: usize, end: usize, out: &mut Vec<u16>) {
        let bytes = &self.as_bytes()[start..end];
        if bytes.is_ascii() {
            out.extend(bytes.iter().map(|byte| u16::from(*byte)));
        } else {
            out.extend(String::from_utf8_lossy(bytes).encode_utf16());
        }
    }

    fn spells(run: &[u8], text: &JsString) -> bool {
        text.as_ascii().is_some_and(|ascii| ascii.as_bytes() == run)
    }
}

impl Text for [u16] {
    type Unit = u16;

    fn units(&self) -> &[u16] {
        self
    }

    fn code(unit: u16) -> u16 {
        unit
    }

    fn string(&self, start: usize, end: usize) -> JsString {
        JsString::from_units(&self[start..end])
    }

    fn plain_run(&self, start: usize) -> usize {
        let rest = &self[start..];
        rest.iter()
            .position(|&unit| unit < 0x20 || unit == u16::from(b'"') || unit == u16::from(b'\\'))
            .unwrap_or(rest.len())
    }

    fn extend_units(&self, start: usize, end: usize, out: &mut Vec<u16>) {
        out.extend_from_slice(&self[start..end]);
    }

    fn spells(run: &[u16], text: &JsString) -> bool {
        match text {
            JsString::Ascii(ascii) => {
                ascii.len() == run.len()
                    && ascii
                        .bytes()
                        .zip(run)
                        .all(|(byte, unit)| u16::from(byte) == *unit)
            }
            JsString::Wide(units) => **units == *run,
        }
    }
}

fn parse_text<T: Text + ?Sized>(text: &T) -> Result<Value, Throw> {
    let mut parser = Parser {
        text,
        units: text.units(),
        position: 0,
        open: Vec::new(),
        elements: Vec::new(),
        members: Vec::new(),
        escaped: Vec::new(),
        keys: Vec::new(),
        shapes: Vec::new(),
        too_deep: false,
    };
    let value = parser.value()?;
    parser.skip_whitespace();
    if parser.position < parser.units.len() {
        return Err(Throw::syntax_error(format!(
            "Unexpected non-whitespace character after JSON at position {}",
            parser.position
        )));
    }
    if parser.too_deep {
        return Err(Throw::range_error("Maximum call stack size exceeded"));
    }
    Ok(value)
}

/// An array or object whose closing bracket is still ahead.
enum Open {
    /// Its elements so far are `elements[start..]`.
    Array { start: usize },
    /// Its members so far are `members[start..]`; the last one's value is being read.
    /// `shaped`: every key so far is the key at the same place in its depth's [`Shape`].
    Object { start: usize, shaped: bool },
}

/// The keys of the last object read at a nesting depth, and that object. The records of an
/// array usually repeat the keys of the one before, in the same order: then the new object's
/// keys are the shape's strings, and its property map a copy of the shape's with new values
/// (one copy instead of hashing and inserting every key; V8's hidden classes do the same).
struct Shape {
    keys: Vec<JsString>,
    /// An object whose keys, in insertion and enumeration order, are `keys`.
    object: Rc<JsObject>,
}

/// Objects with more keys are rarely records; they make no shape.
const MAX_SHAPE_KEYS: usize = 64;

/// Keys remembered per parse: the records of a document repeat the same few keys, and sharing
/// one string per key saves an allocation for each.
const KEY_SLOTS: usize = 64;
/// Longer keys are rarely repeated; they are not remembered.
const MAX_REMEMBERED_KEY: usize = 32;

struct Parser<'a, T: Text + ?Sized> {
    text: &'a T,
    units: &'a [T::Unit],
    position: usize,
    open: Vec<Open>,
    /// The elements of every open array, innermost last.
    elements: Vec<Value>,
    /// The members of every open object, innermost last.
    members: Vec<(JsString, Value)>,
    /// The code units of the string being unescaped.
    escaped: Vec<u16>,
    /// Recently read keys by a hash of their text ([`KEY_SLOTS`] once the first key is read).
    keys: Vec<Option<JsString>>,
    /// The shape of the last object closed at each depth (number of open containers).
    shapes: Vec<Option<Shape>>,
    /// Whether a container nested deeper than [`MAX_DEPTH`] was skipped.
    too_deep: bool,
}

impl<T: Text + ?Sized> Parser<'_, T> {
    /// The code unit at `index`.
    fn unit_at(&self, index: usize) -> Option<u16> {
        self.units.get(index).map(|unit| T::code(*unit))
    }

    /// The character at the position if it is ASCII (anything else reads as `0x80`, which
    /// matches nothing the grammar names).
    fn peek(&self) -> Option<u8> {
        self.unit_at(self.position)
            .map(|unit| u8::try_from(unit).unwrap_or(0x80).min(0x80))
    }

    fn skip_whitespace(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.position += 1;
        }
    }

    /// Reads one value and everything nested in it.
    fn value(&mut self) -> Result<Value, Throw> {
        'value: loop {
            self.skip_whitespace();
            let mut value = match self.peek() {
                Some(b'{') => {
                    self.position += 1;
                    self.skip_whitespace();
                    if self.peek() == Some(b'}') {
                        self.position += 1;
                        if self.nested_too_deep() {
                            Value::Null
                        } else {
                            Value::object(Vec::<(JsString, Value)>::new())
                        }
                    } else {
                        self.open.push(Open::Object {
                            start: self.members.len(),
                            shaped: true,
                        });
                        self.member_key(true)?;
                        continue 'value;
                    }
                }
                Some(b'[') => {
                    self.position += 1;
                    self.skip_whitespace();
                    if self.peek() == Some(b']') {
                        self.position += 1;
                        if self.nested_too_deep() {
                            Value::Null
                        } else {
                            Value::array(Vec::new())
                        }
                    } else {
                        self.open.push(Open::Array {
                            start: self.elements.len(),
                        });
                        continue 'value;
                    }
                }
                Some(b'"') => Value::String(self.string()?),
                Some(b't') => self.literal("true", Value::Bool(true))?,
                Some(b'f') => self.literal("false", Value::Bool(false))?,
                Some(b'n') => self.literal("null", Value::Null)?,
                Some(b'-' | b'0'..=b'9') => self.number()?,
                _ => return Err(self.unexpected()),
            };
            // `value` is complete: it goes into the innermost open container, which may close
            // in turn.
            loop {
                self.skip_whitespace();
                match self.open.last() {
                    None => return Ok(value),
                    Some(Open::Array { start }) => {
                        let start = *start;
                        self.elements.push(value);
                        match self.peek() {
                            Some(b',') => {
                                self.position += 1;
                                continue 'value;
                            }
                            Some(b']') => {
                                self.position += 1;
                                self.open.pop();
                                value = self.close_array(start);
                            }
                            _ => {
                                return Err(self.error(
                                    "Expected ',' or ']' after array element in JSON at position",
                                ));
                            }
                        }
                    }
                    Some(Open::Object { start, shaped }) => {
                        let (start, shaped) = (*start, *shaped);
                        if let Some(member) = self.members.last_mut() {
                            member.1 = value;
                        }
                        match self.peek() {
                            Some(b',') => {
                                self.position += 1;
                                self.member_key(false)?;
                                continue 'value;
                            }
                            Some(b'}') => {
                                self.position += 1;
                                self.open.pop();
                                value = self.close_object(start, shaped);
                            }
                            _ => {
                                return Err(self.error(
                                    "Expected ',' or '}' after property value in JSON at position",
                                ));
                            }
                        }
                    }
                }
            }
        }
    }

    /// Whether a container closing now is nested deeper than [`MAX_DEPTH`] (then it is not
    /// built, and the parse fails once the text proves valid).
    fn nested_too_deep(&mut self) -> bool {
        if self.open.len() >= MAX_DEPTH {
            self.too_deep = true;
        }
        self.open.len() >= MAX_DEPTH
    }

    fn close_array(&mut self, start: usize) -> Value {
        if self.nested_too_deep() {
            self.elements.truncate(start);
            return Value::Null;
        }
        Value::array(self.elements.drain(start..).collect())
    }

    fn close_object(&mut self, start: usize, shaped: bool) -> Value {
        if self.nested_too_deep() {
            self.members.truncate(start);
            return Value::Null;
        }
        let depth = self.open.len() + 1;
        let count = self.members.len() - start;
        if shaped
            && let Some(Some(shape)) = self.shapes.get(depth)
            && shape.keys.len() == count
        {
            let mut props = shape.object.props.borrow().clone();
            for (slot, (_, value)) in props.values_mut().zip(self.members.drain(start..)) {
                *slot = value;
            }
            return Value::Object(Rc::new(JsObject::new(ObjectKind::Plain, props)));
        }
        // A fresh plain object: `define_key` would only insert (a duplicate key keeps its first
        // place and takes the last value, `__proto__` is an own property).
        let mut props = PropertyMap::with_capacity(count);
        for (key, value) in self.members.drain(start..) {
            props.insert(key, value);
        }
        // Without duplicate or index keys, enumeration order is insertion order: a shape.
        let shape_keys =
            (count <= MAX_SHAPE_KEYS && props.len() == count && !props.has_index_keys())
                .then(|| props.iter().map(|(key, _)| key.clone()).collect());
        let object = Rc::new(JsObject::new(ObjectKind::Plain, props));
        if let Some(keys) = shape_keys {
            if self.shapes.len() <= depth {
                self.shapes.resize_with(depth + 1, || None);
            }
            self.shapes[depth] = Some(Shape {
                keys,
                object: object.clone(),
            });
        }
        Value::Object(object)
    }

    /// Reads `"key":` (the value comes next) and opens its member.
    fn member_key(&mut self, first: bool) -> Result<(), Throw> {
        self.skip_whitespace();
        if self.peek() != Some(b'"') {
            return Err(self.error(if first {
                "Expected property name or '}' in JSON at position"
            } else {
                "Expected double-quoted property name in JSON at position"
            }));
        }
        let key = self.key()?;
        self.skip_whitespace();
        if self.peek() != Some(b':') {
            return Err(self.error("Expected ':' after property name in JSON at position"));
        }
        self.position += 1;
        self.members.push((key, Value::Undefined));
        Ok(())
    }

    /// `{what} {position}`, a `SyntaxError`.
    fn error(&self, what: &str) -> Throw {
        Throw::syntax_error(format!("{what} {}", self.position))
    }

    /// V8's message for an unexpected character (or the end of the input): a character that
    /// starts a string or a number is named as that token.
    fn unexpected(&self) -> Throw {
        let Some(unit) = self.unit_at(self.position) else {
            return Throw::syntax_error("Unexpected end of JSON input");
        };
        let token = match self.peek() {
            Some(b'"') => Some("string"),
            Some(b'-' | b'0'..=b'9') => Some("number"),
            _ => None,
        };
        if let Some(token) = token {
            return self.error(&format!("Unexpected {token} in JSON at position"));
        }
        let text = |start: usize, end: usize| {
            let units: Vec<u16> = self.units[start..end]
                .iter()
                .map(|unit| T::code(*unit))
                .collect();
            JsString::from_units(&units)
        };
        // V8 quotes a text of up to 20 units whole, a longer one as the 10 units either side
        // of the token, with `...` outside the quotes where it was cut.
        let length = self.units.len();
        let source = if length <= 20 {
            format!("\"{}\"", text(0, length))
        } else {
            let start = self.position.saturating_sub(10);
            let end = (self.position + 10).min(length);
            let prefix = if start > 0 { "..." } else { "" };
            let suffix = if end < length { "..." } else { "" };
            format!("{prefix}\"{}\"{suffix}", text(start, end))
        };
        Throw::syntax_error(format!(
            "Unexpected token '{}', {source} is not valid JSON",
            JsString::from_units(&[unit])
        ))
    }

    fn literal(&mut self, word: &str, value: Value) -> Result<Value, Throw> {
        for expected in word.bytes() {
            if self.peek() != Some(expected) {
                return Err(self.unexpected());
            }
            self.position += 1;
        }
        Ok(value)
    }

    fn plain_run(&self, start: usize) -> usize {
        self.text.plain_run(start)
    }

    /// A string literal (the position is at its opening quote).
    fn string(&mut self) -> Result<JsString, Throw> {
        self.position += 1;
        let start = self.position;
        let end = start + self.plain_run(start);
        if self.unit_at(end) != Some(u16::from(b'"')) {
            return self.escaped_string(start, end);
        }
        self.position = end + 1;
        Ok(self.text.string(start, end))
    }

    /// A property name: like [`Parser::string`], sharing the string of an earlier equal key.
    fn key(&mut self) -> Result<JsString, Throw> {
        self.position += 1;
        let start = self.position;
        let end = start + self.plain_run(start);
        if self.unit_at(end) != Some(u16::from(b'"')) {
            self.leave_shape();
            return self.escaped_string(start, end);
        }
        self.position = end + 1;
        let units = self.units;
        let run = &units[start..end];
        if let Some(key) = self.shaped_key(run) {
            return Ok(key);
        }
        if run.len() > MAX_REMEMBERED_KEY {
            return Ok(self.text.string(start, end));
        }
        if self.keys.is_empty() {
            self.keys.resize(KEY_SLOTS, None);
        }
        let slot = key_slot::<T>(run);
        if let Some(known) = &self.keys[slot]
            && T::spells(run, known)
        {
            return Ok(known.clone());
        }
        let key = self.text.string(start, end);
        self.keys[slot] = Some(key.clone());
        Ok(key)
    }

    /// The key at the next member's place in the shape of the innermost object's depth, if
    /// `run` spells it and every earlier key matched; otherwise the object leaves its shape.
    fn shaped_key(&mut self, run: &[T::Unit]) -> Option<JsString> {
        let depth = self.open.len();
        let Some(Open::Object { start, shaped }) = self.open.last_mut() else {
            return None;
        };
        if !*shaped {
            return None;
        }
        let index = self.members.len() - *start;
        let key = match self.shapes.get(depth) {
            Some(Some(shape)) => shape.keys.get(index).filter(|key| T::spells(run, key)),
            _ => None,
        };
        if key.is_none() {
            *shaped = false;
        }
        key.cloned()
    }

    /// The innermost object's keys no longer follow its depth's shape.
    fn leave_shape(&mut self) {
        if let Some(Open::Object { shaped, .. }) = self.open.last_mut() {
            *shaped = false;
        }
    }

    /// The rest of a string that holds escapes (or is unterminated); `start..end` is its plain
    /// beginning.
    fn escaped_string(&mut self, start: usize, end: usize) -> Result<JsString, Throw> {
        let mut units = std::mem::take(&mut self.escaped);
        units.clear();
        self.text.extend_units(start, end, &mut units);
        self.position = end;
        let outcome = self.unescape(&mut units);
        self.escaped = units;
        outcome
    }

    fn unescape(&mut self, units: &mut Vec<u16>) -> Result<JsString, Throw> {
        loop {
            let Some(unit) = self.unit_at(self.position) else {
                return Err(self.error("Unterminated string in JSON at position"));
            };
            match unit {
                0x22 => {
                    self.position += 1;
                    return Ok(JsString::from_units(units));
                }
                0x5c => {
                    let escape = self.unit_at(self.position + 1);
                    if let Some(unit) = escape.and_then(simple_escape) {
                        units.push(unit);
                        self.position += 2;
                    } else if escape == Some(u16::from(b'u')) {
                        units.push(self.unicode_escape()?);
                        self.position += 6;
                    } else if escape.is_none() {
                        return Err(Throw::syntax_error("Unexpected end of JSON input"));
                    } else {
                        return Err(Throw::syntax_error(format!(
                            "Bad escaped character in JSON at position {}",
                            self.position + 1
                        )));
                    }
                }
                0..=0x1f => {
                    return Err(
                        self.error("Bad control character in string literal in JSON at position")
                    );
                }
                _ => {
                    let end = self.position + self.plain_run(self.position);
                    self.text.extend_units(self.position, end, units);
                    self.position = end;
                }
            }
        }
    }

    /// The code unit of the `\uXXXX` at the position.
    fn unicode_escape(&self) -> Result<u16, Throw> {
        let mut code: u16 = 0;
        for offset in 2..6 {
            match self.unit_at(self.position + offset).and_then(hex_digit) {
                Some(digit) => code = code * 16 + digit,
                None => {
                    return Err(Throw::syntax_error(format!(
                        "Bad Unicode escape in JSON at position {}",
                        self.position + offset
                    )));
                }
            }
        }
        Ok(code)
    }

    /// The digit at the position, if there is one.
    fn digit(&self) -> Option<u64> {
        match self.peek() {
            Some(digit @ b'0'..=b'9') => Some(u64::from(digit - b'0')),
            _ => None,
        }
    }

    /// Reads a run of digits, appending them to `mantissa`; returns how many there were.
    fn digits_into(&mut self, mantissa: &mut u64) -> usize {
        let mut count = 0;
        while let Some(digit) = self.digit() {
            *mantissa = mantissa.wrapping_mul(10).wrapping_add(digit);
            count += 1;
            self.position += 1;
        }
        count
    }

    fn number(&mut self) -> Result<Value, Throw> {
        let start = self.position;
        let negative = self.peek() == Some(b'-');
        if negative {
            self.position += 1;
            if self.digit().is_none() {
                return Err(self.error("No number after minus sign in JSON at position"));
            }
        }
        // The digits as an integer, exact as long as there are at most 15.
        let mut mantissa: u64 = 0;
        let mut digits = 0;
        if self.peek() == Some(b'0') {
            self.position += 1;
            digits = 1;
            if self.digit().is_some() {
                return Err(self.error("Unexpected number in JSON at position"));
            }
        } else {
            digits += self.digits_into(&mut mantissa);
        }
        let mut fraction_digits = 0;
        if self.peek() == Some(b'.') {
            self.position += 1;
            if self.digit().is_none() {
                return Err(self.error("Unterminated fractional number in JSON at position"));
            }
            fraction_digits = self.digits_into(&mut mantissa);
            digits += fraction_digits;
        }
        let mut exponent = false;
        if matches!(self.peek(), Some(b'e' | b'E')) {
            exponent = true;
            self.position += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.position += 1;
            }
            if self.digit().is_none() {
                return Err(self.error("Exponent part is missing a number in JSON at position"));
            }
            while self.digit().is_some() {
                self.position += 1;
            }
        }
        // Up to 15 digits the integer and the power of ten are exact doubles, so one division
        // is the correctly rounded value, as `f64::from_str` would find it.
        let magnitude = if !exponent && digits <= 15 {
            mantissa as f64 / POWERS_OF_TEN[fraction_digits]
        } else {
            let literal: String = self.units[start..self.position]
                .iter()
                .map(|unit| char::from(T::code(*unit) as u8))
                .collect();
            return Ok(Value::Number(literal.parse::<f64>().unwrap_or(f64::NAN)));
        };
        Ok(Value::Number(if negative { -magnitude } else { magnitude }))
    }
}

/// 10^0 … 10^15, every one an exact double.
const POWERS_OF_TEN: [f64; 16] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
];

/// The remembered-key slot of `run`, from its length and a few of its units (a collision only
/// costs an allocation).
fn key_slot<T: Text + ?Sized>(run: &[T::Unit]) -> usize {
    let unit = |index: usize| run.get(index).map_or(0, |unit| usize::from(T::code(*unit)));
    let last = run.len().saturating_sub(1);
    (run.len() * 7 + unit(0) * 31 + unit(1) * 17 + unit(last) * 5) % KEY_SLOTS
}

/// The code unit a one-character escape (`\n`, `\"`, …) stands for.
fn simple_escape(escape: u16) -> Option<u16> {
    let unit = match u8::try_from(escape).ok()? {
        b'"' => b'"',
        b'\\' => b'\\',
        b'/' => b'/',
        b'b' => 0x08,
        b'f' => 0x0c,
        b'n' => b'\n',
        b'r' => b'\r',
        b't' => b'\t',
        _ => return None,
    };
    Some(u16::from(unit))
}

fn hex_digit(unit: u16) -> Option<u16> {
    let digit = char::from_u32(u32::from(unit))?.to_digit(16)?;
    Some(digit as u16)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn message(thrown: Throw) -> String {
        super::super::super::error::error_parts(&thrown.value)
            .unwrap()
            .1
    }

    #[test]
    fn nesting_never_overflows_the_stack() {
        // node -e 'try { JSON.parse("[".repeat(100000)) } catch (e) { console.log(e.message) }'
        let open = "[".repeat(100_000);
        assert_eq!(
            message(parse_str(&open).unwrap_err()),
            "Unexpected end of JSON input"
        );
        let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
        assert_eq!(
            message(parse_str(&deep).unwrap_err()),
            "Maximum call stack size exceeded"
        );
        // A syntax error anywhere still wins, as V8 reports it.
        let broken = format!("{}{}x", "[".repeat(10_000), "]".repeat(10_000));
        assert_eq!(
            message(parse_str(&broken).unwrap_err()),
            "Unexpected non-whitespace character after JSON at position 20000"
        );
        let fits = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert!(parse_str(&fits).is_ok());
    }

    #[test]
    fn non_ascii_errors_count_utf16_positions() {
        // node -e 'try { JSON.parse("[\"é😀\", x]") } catch (e) { console.log(e.message) }'
        assert_eq!(
            message(parse_str("[\"é😀\", x]").unwrap_err()),
            "Unexpected token 'x', \"[\"é😀\", x]\" is not valid JSON"
        );
        // node -e 'try { JSON.parse("{\"é中😀\": 1,}") } catch (e) { console.log(e.message) }'
        assert_eq!(
            message(parse_str("{\"é中😀\": 1,}").unwrap_err()),
            "Expected double-quoted property name in JSON at position 11"
        );
    }
}
