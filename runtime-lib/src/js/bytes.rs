//! `ArrayBuffer` and `Uint8Array`: bytes in one shared store, and views over a range of it
//! (`Buffer` is a `Uint8Array` with Node's extra methods, see `node/buffer.rs`).
//!
//! ```text
//! const u = new Uint8Array([1, 2, 300]);   → view { store: [1, 2, 44], offset 0, length 3 }
//! u.subarray(1)                            → a view of the same store at offset 1 (shared)
//! u.slice(1)                               → a copy in a new store
//! u[0] = -1                                → 255 (ToUint8: modulo 2⁸)
//! JSON.stringify(u)                        → {"0":1,"1":2,"2":44}
//! ```
//!
//! Views never outgrow their store: ArrayBuffers are neither resizable nor transferable here,
//! so a view's range stays valid for its whole life. Reads and writes past the end are
//! ignored (`undefined`), as for any integer-indexed exotic object.

use std::cell::RefCell;
use std::rc::Rc;

use super::access::call;
use super::convert::{to_number, to_string, truthy};
use super::error::Throw;
use super::string::JsString;
use super::value::{ObjectKind, Value};

/// The bytes of an `ArrayBuffer`, shared by every view over it.
pub type Store = Rc<RefCell<Vec<u8>>>;

/// Which class a byte view is.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ViewClass {
    /// `Uint8Array`.
    Uint8Array,
    /// Node's `Buffer` (a `Uint8Array` subclass).
    Buffer,
}

impl ViewClass {
    /// The class name.
    pub fn name(self) -> &'static str {
        match self {
            ViewClass::Uint8Array => "Uint8Array",
            ViewClass::Buffer => "Buffer",
        }
    }
}

/// A `Uint8Array` (or `Buffer`): a range of a store.
pub struct ByteView {
    /// The bytes it views.
    pub store: Store,
    /// Where its range starts in the store.
    pub offset: usize,
    /// How many bytes it views.
    pub length: usize,
    /// Its class.
    pub class: ViewClass,
}

impl ByteView {
    /// A copy of the bytes it views.
    pub fn to_vec(&self) -> Vec<u8> {
        self.store.borrow()[self.offset..self.offset + self.length].to_vec()
    }

    /// The byte at `index`, if inside the view.
    pub fn byte(&self, index: usize) -> Option<u8> {
        (index < self.length).then(|| self.store.borrow()[self.offset + index])
    }

    /// Writes the byte at `index` (ignored outside the view).
    pub fn set_byte(&self, index: usize, byte: u8) {
        if index < self.length {
            self.store.borrow_mut()[self.offset + index] = byte;
        }
    }
}

/// A new view of `class` over a fresh store holding `bytes`.
pub fn new_view(bytes: Vec<u8>, class: ViewClass) -> Value {
    let length = bytes.len();
    view_of(Rc::new(RefCell::new(bytes)), 0, length, class)
}

/// A view of `class` over `store[offset..offset + length]`.
pub fn view_of(store: Store, offset: usize, length: usize, class: ViewClass) -> Value {
    Value::object_of_kind(ObjectKind::Bytes(ByteView {
        store,
        offset,
        length,
        class,
    }))
}

/// A new `Uint8Array` holding `bytes`.
pub fn uint8_array(bytes: Vec<u8>) -> Value {
    new_view(bytes, ViewClass::Uint8Array)
}

/// The view inside `value`, if it is a `Uint8Array` or `Buffer`.
pub fn view(value: &Value) -> Option<&ByteView> {
    match value {
        Value::Object(object) => match &object.kind {
            ObjectKind::Bytes(view) => Some(view),
            _ => None,
        },
        _ => None,
    }
}

/// The store inside `value`, if it is an `ArrayBuffer`.
pub fn array_buffer(value: &Value) -> Option<&Store> {
    match value {
        Value::Object(object) => match &object.kind {
            ObjectKind::ArrayBuffer(store) => Some(store),
            _ => None,
        },
        _ => None,
    }
}

/// ToUint8: the number modulo 2⁸ (NaN and infinities are 0).
pub fn to_uint8(number: f64) -> u8 {
    if !number.is_finite() {
        return 0;
    }
    number.trunc().rem_euclid(256.0) as u8
}

/// ToUint8 of any value.
pub fn byte_of(value: &Value) -> Result<u8, Throw> {
    Ok(to_uint8(to_number(value)?))
}

fn arg(args: &[Value], index: usize) -> Value {
    args.get(index).cloned().unwrap_or_default()
}

/// ToIntegerOrInfinity.
fn integer(value: &Value) -> Result<f64, Throw> {
    let number = to_number(value)?;
    Ok(if number.is_nan() { 0.0 } else { number.trunc() })
}

/// A relative index (`slice`, `subarray`, `fill`): negative counts from `length`, clamped.
pub fn relative(value: &Value, length: usize, default: usize) -> Result<usize, Throw> {
    if matches!(value, Value::Undefined) {
        return Ok(default);
    }
    let number = integer(value)?;
    let length = length as f64;
    Ok(if number < 0.0 {
        (length + number).max(0.0)
    } else {
        number.min(length)
    } as usize)
}

/// `new ArrayBuffer(length)`.
pub fn new_array_buffer(args: &[Value]) -> Result<Value, Throw> {
    let length = integer(&arg(args, 0))?;
    if !(0.0..=4_294_967_296.0).contains(&length) {
        return Err(Throw::range_error("Invalid array buffer length"));
    }
    Ok(Value::object_of_kind(ObjectKind::ArrayBuffer(Rc::new(
        RefCell::new(vec![0; length as usize]),
    ))))
}

/// `new Uint8Array(…)`: from a length, an ArrayBuffer (with offset and length), another view,
/// an iterable or an array-like object.
pub fn construct_view(args: &[Value], class: ViewClass) -> Result<Value, Throw> {
    let source = arg(args, 0);
    if let Some(store) = array_buffer(&source) {
        let size = store.borrow().len();
        let offset = integer(&arg(args, 1))?;
        if offset < 0.0 || offset > size as f64 {
            return Err(Throw::range_error(format!(
                "Start offset {} is outside the bounds of the buffer",
                super::number::to_string(offset)
            )));
        }
        let offset = offset as usize;
        let length = match arg(args, 2) {
            Value::Undefined => size - offset,
            other => {
                let length = integer(&other)?;
                if length < 0.0 || offset as f64 + length > size as f64 {
                    return Err(Throw::range_error(format!(
                        "Invalid typed array length: {}",
                        super::number::to_string(length)
                    )));
                }
                length as usize
            }
        };
        return Ok(view_of(store.clone(), offset, length, class));
    }
    match &source {
        Value::Object(_) | Value::Array(_) => Ok(new_view(bytes_of_list(&source)?, class)),
        Value::Undefined => Ok(new_view(Vec::new(), class)),
        other => {
            let length = integer(other)?;
            if !(0.0..=4_294_967_296.0).contains(&length) {
                return Err(Throw::range_error(format!(
                    "Invalid typed array length: {}",
                    super::number::to_string(to_number(other)?)
                )));
            }
            Ok(new_view(vec![0; length as usize], class))
        }
    }
}

/// The bytes of a view, an iterable or an array-like object, each converted by ToUint8.
pub fn bytes_of_list(source: &Value) -> Result<Vec<u8>, Throw> {
    if let Some(view) = view(source) {
        return Ok(view.to_vec());
    }
    let items = if super::iterate::is_iterable(source) {
        super::iterate::collect(source)?
    } else {
        let length = integer(&super::access::get(source, "length")?)?.max(0.0) as usize;
        let mut items = Vec::with_capacity(length);
        for index in 0..length {
            items.push(super::access::get_index(source, index as f64)?);
        }
        items
    };
    items.iter().map(byte_of).collect()
}

/// `Uint8Array.from(source, mapFn)` and `Uint8Array.of(...items)`.
pub fn call_static(name: &str, args: &[Value]) -> Option<Result<Value, Throw>> {
    Some(match name {
        "Uint8Array.from" => (|| {
            let source = arg(args, 0);
            let items = match view(&source) {
                Some(view) => view.to_vec().into_iter().map(Value::from_byte).collect(),
                None if super::iterate::is_iterable(&source) => super::iterate::collect(&source)?,
                None => bytes_of_list(&source)?
                    .into_iter()
                    .map(Value::from_byte)
                    .collect(),
            };
            let map = arg(args, 1);
            let mut bytes = Vec::with_capacity(items.len());
            for (index, item) in items.into_iter().enumerate() {
                let item = match &map {
                    Value::Undefined => item,
                    function => call(function, &[item, Value::from(index)])?,
                };
                bytes.push(byte_of(&item)?);
            }
            Ok(uint8_array(bytes))
        })(),
        "Uint8Array.of" => (|| {
            Ok(uint8_array(
                args.iter().map(byte_of).collect::<Result<_, _>>()?,
            ))
        })(),
        "ArrayBuffer.isView" => Ok(Value::Bool(view(&arg(args, 0)).is_some())),
        _ => return None,
    })
}

impl Value {
    /// A byte as a number value.
    pub fn from_byte(byte: u8) -> Value {
        Value::Number(f64::from(byte))
    }
}

/// A property of a view or an ArrayBuffer that is not an own property: an element, `length`,
/// `byteLength`, `byteOffset`, `buffer`, or a method as a value.
pub fn property(object: &Value, key: &JsString) -> Option<Value> {
    if let Some(store) = array_buffer(object) {
        return match key.as_ascii()? {
            "byteLength" => Some(Value::from(store.borrow().len())),
            "slice" => Some(method_value("slice")),
            _ => None,
        };
    }
    let view = view(object)?;
    if let Some(index) = super::property::array_index(key) {
        return Some(
            view.byte(index as usize)
                .map(Value::from_byte)
                .unwrap_or_default(),
        );
    }
    Some(match key.as_ascii()? {
        "length" | "byteLength" => Value::from(view.length),
        "byteOffset" => Value::from(view.offset),
        "buffer" => Value::object_of_kind(ObjectKind::ArrayBuffer(view.store.clone())),
        name if is_method(name, view.class) => method_value(leak(name)),
        _ => return None,
    })
}

/// A method name as a `'static` string (method names come from a fixed list).
fn leak(name: &str) -> &'static str {
    VIEW_METHODS
        .iter()
        .chain(super::node::buffer::METHODS)
        .find(|known| **known == name)
        .copied()
        .unwrap_or("slice")
}

fn is_method(name: &str, class: ViewClass) -> bool {
    VIEW_METHODS.contains(&name)
        || (class == ViewClass::Buffer && super::node::buffer::METHODS.contains(&name))
}

fn method_value(name: &'static str) -> Value {
    Value::arrow_function(name, 0, move |this, args| {
        call_method(this, name, args)
            .unwrap_or_else(|| Err(Throw::type_error("this is not a typed array.")))
    })
}

/// An element write `view[index] = value`: `Some` when the key is an index of a view (the
/// write is done, or ignored past the end).
pub fn write_element(object: &Value, key: &JsString, value: &Value) -> Option<Result<(), Throw>> {
    let view = view(object)?;
    let index = super::property::array_index(key)?;
    Some(byte_of(value).map(|byte| view.set_byte(index as usize, byte)))
}

/// The methods of `Uint8Array.prototype` that are supported.
pub const VIEW_METHODS: &[&str] = &[
    "at",
    "every",
    "fill",
    "filter",
    "find",
    "findIndex",
    "forEach",
    "includes",
    "indexOf",
    "join",
    "lastIndexOf",
    "map",
    "reduce",
    "reverse",
    "set",
    "slice",
    "some",
    "sort",
    "subarray",
    "toString",
    "values",
    "keys",
    "entries",
];

/// Calls a method of a view or an ArrayBuffer; `None` if it has no such method.
pub fn call_method(receiver: &Value, name: &str, args: &[Value]) -> Option<Result<Value, Throw>> {
    if let Some(store) = array_buffer(receiver) {
        return (name == "slice").then(|| {
            let bytes = store.borrow();
            let start = relative(&arg(args, 0), bytes.len(), 0)?;
            let end = relative(&arg(args, 1), bytes.len(), bytes.len())?.max(start);
            Ok(Value::object_of_kind(ObjectKind::ArrayBuffer(Rc::new(
                RefCell::new(bytes[start..end].to_vec()),
            ))))
        });
    }
    let view = view(receiver)?;
    if view.class == ViewClass::Buffer
        && let Some(result) = super::node::buffer::call_method(receiver, view, name, args)
    {
        return Some(result);
    }
    if !VIEW_METHODS.contains(&name) {
        return None;
    }
    let bytes = || view.to_vec();
    let callback = |index: usize, byte: u8| -> Result<Value, Throw> {
        call(
            &arg(args, 0),
            &[Value::from_byte(byte), Value::from(index), receiver.clone()],
        )
    };
    Some((|| match name {
        "at" => {
            let index = integer(&arg(args, 0))?;
            let index = if index < 0.0 {
                view.length as f64 + index
            } else {
                index
            };
            Ok(if index >= 0.0 {
                view.byte(index as usize)
                    .map(Value::from_byte)
                    .unwrap_or_default()
            } else {
                Value::Undefined
            })
        }
        "subarray" => {
            let start = relative(&arg(args, 0), view.length, 0)?;
            let end = relative(&arg(args, 1), view.length, view.length)?.max(start);
            Ok(view_of(
                view.store.clone(),
                view.offset + start,
                end - start,
                view.class,
            ))
        }
        "slice" => {
            let start = relative(&arg(args, 0), view.length, 0)?;
            let end = relative(&arg(args, 1), view.length, view.length)?.max(start);
            Ok(new_view(bytes()[start..end].to_vec(), view.class))
        }
        "set" => {
            let source = bytes_of_list(&arg(args, 0))?;
            let offset = integer(&arg(args, 1))?;
            if offset < 0.0 || offset + source.len() as f64 > view.length as f64 {
                return Err(Throw::range_error("offset is out of bounds"));
            }
            let start = view.offset + offset as usize;
            view.store.borrow_mut()[start..start + source.len()].copy_from_slice(&source);
            Ok(Value::Undefined)
        }
        "fill" => {
            let byte = byte_of(&arg(args, 0))?;
            let start = relative(&arg(args, 1), view.length, 0)?;
            let end = relative(&arg(args, 2), view.length, view.length)?;
            if start < end {
                view.store.borrow_mut()[view.offset + start..view.offset + end].fill(byte);
            }
            Ok(receiver.clone())
        }
        "indexOf" | "includes" | "lastIndexOf" => {
            let target = arg(args, 0);
            let Value::Number(number) = target else {
                return Ok(if name == "includes" {
                    Value::Bool(false)
                } else {
                    Value::from(-1)
                });
            };
            let bytes = bytes();
            let found = if name == "lastIndexOf" {
                let from = match arg(args, 1) {
                    Value::Undefined => view.length as f64 - 1.0,
                    other => {
                        let from = integer(&other)?;
                        if from < 0.0 {
                            view.length as f64 + from
                        } else {
                            from.min(view.length as f64 - 1.0)
                        }
                    }
                };
                (0..=from.max(-1.0) as isize)
                    .rev()
                    .filter(|index| *index >= 0)
                    .find(|index| f64::from(bytes[*index as usize]) == number)
                    .map(|index| index as usize)
            } else {
                let from = relative(&arg(args, 1), view.length, 0)?;
                (from..view.length).find(|index| f64::from(bytes[*index]) == number)
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
            Ok(Value::from(
                bytes()
                    .iter()
                    .map(u8::to_string)
                    .collect::<Vec<_>>()
                    .join(&separator),
            ))
        }
        "forEach" => {
            for (index, byte) in bytes().into_iter().enumerate() {
                callback(index, byte)?;
            }
            Ok(Value::Undefined)
        }
        "map" => {
            let mut out = Vec::with_capacity(view.length);
            for (index, byte) in bytes().into_iter().enumerate() {
                out.push(byte_of(&callback(index, byte)?)?);
            }
            Ok(new_view(out, view.class))
        }
        "filter" => {
            let mut out = Vec::new();
            for (index, byte) in bytes().into_iter().enumerate() {
                if truthy(&callback(index, byte)?) {
                    out.push(byte);
                }
            }
            Ok(new_view(out, view.class))
        }
        "every" | "some" => {
            let every = name == "every";
            for (index, byte) in bytes().into_iter().enumerate() {
                if truthy(&callback(index, byte)?) != every {
                    return Ok(Value::Bool(!every));
                }
            }
            Ok(Value::Bool(every))
        }
        "find" | "findIndex" => {
            for (index, byte) in bytes().into_iter().enumerate() {
                if truthy(&callback(index, byte)?) {
                    return Ok(if name == "find" {
                        Value::from_byte(byte)
                    } else {
                        Value::from(index)
                    });
                }
            }
            Ok(if name == "find" {
                Value::Undefined
            } else {
                Value::from(-1)
            })
        }
        "reduce" => {
            let bytes = bytes();
            let mut items = bytes.iter().copied().enumerate();
            let mut accumulator = match args.get(1) {
                Some(initial) => initial.clone(),
                None => match items.next() {
                    Some((_, byte)) => Value::from_byte(byte),
                    None => {
                        return Err(Throw::type_error(
                            "Reduce of empty array with no initial value",
                        ));
                    }
                },
            };
            for (index, byte) in items {
                accumulator = call(
                    &arg(args, 0),
                    &[
                        accumulator,
                        Value::from_byte(byte),
                        Value::from(index),
                        receiver.clone(),
                    ],
                )?;
            }
            Ok(accumulator)
        }
        "reverse" => {
            view.store.borrow_mut()[view.offset..view.offset + view.length].reverse();
            Ok(receiver.clone())
        }
        "sort" => {
            let mut sorted = bytes();
            match arg(args, 0) {
                Value::Undefined => sorted.sort_unstable(),
                compare => {
                    let mut failure = None;
                    sorted.sort_by(|a, b| {
                        if failure.is_some() {
                            return std::cmp::Ordering::Equal;
                        }
                        match call(&compare, &[Value::from_byte(*a), Value::from_byte(*b)])
                            .and_then(|order| to_number(&order))
                        {
                            Ok(order) if order < 0.0 => std::cmp::Ordering::Less,
                            Ok(order) if order > 0.0 => std::cmp::Ordering::Greater,
                            Ok(_) => std::cmp::Ordering::Equal,
                            Err(thrown) => {
                                failure = Some(thrown);
                                std::cmp::Ordering::Equal
                            }
                        }
                    });
                    if let Some(thrown) = failure {
                        return Err(thrown);
                    }
                }
            }
            view.store.borrow_mut()[view.offset..view.offset + view.length]
                .copy_from_slice(&sorted);
            Ok(receiver.clone())
        }
        "values" | "keys" | "entries" => {
            let bytes = bytes();
            let items: Vec<Value> = match name {
                "values" => bytes.into_iter().map(Value::from_byte).collect(),
                "keys" => (0..bytes.len()).map(Value::from).collect(),
                _ => bytes
                    .into_iter()
                    .enumerate()
                    .map(|(index, byte)| {
                        Value::array(vec![Value::from(index), Value::from_byte(byte)])
                    })
                    .collect(),
            };
            Ok(super::iterator::over_array(
                &Value::array(items),
                super::iterator::Yield::Values,
            ))
        }
        _ => Err(Throw::type_error(format!("{name} is not a function"))),
    })())
}

/// The elements of a view as number values (iteration, spread, `Array.from`).
pub fn elements(view: &ByteView) -> Vec<Value> {
    view.to_vec().into_iter().map(Value::from_byte).collect()
}

/// What `console.log` prints: `Uint8Array(3) [ 1, 2, 3 ]`, `<Buffer 68 69>`.
pub fn inspect(view: &ByteView) -> String {
    let bytes = view.to_vec();
    match view.class {
        ViewClass::Buffer => {
            let shown: Vec<String> = bytes
                .iter()
                .take(50)
                .map(|byte| format!("{byte:02x}"))
                .collect();
            let more = match bytes.len().saturating_sub(50) {
                0 => String::new(),
                n => format!(" ... {n} more byte{}", if n == 1 { "" } else { "s" }),
            };
            if shown.is_empty() {
                "<Buffer >".to_string()
            } else {
                format!("<Buffer {}{more}>", shown.join(" "))
            }
        }
        ViewClass::Uint8Array => {
            if bytes.is_empty() {
                return "Uint8Array(0) []".to_string();
            }
            let mut parts: Vec<String> = bytes.iter().take(100).map(u8::to_string).collect();
            if bytes.len() > 100 {
                let n = bytes.len() - 100;
                parts.push(format!(
                    "... {n} more item{}",
                    if n == 1 { "" } else { "s" }
                ));
            }
            format!("Uint8Array({}) [ {} ]", bytes.len(), parts.join(", "))
        }
    }
}
