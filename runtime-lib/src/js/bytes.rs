//! `ArrayBuffer` and the typed arrays (`Uint8Array`, `Int32Array`, `Float64Array`, …): bytes in
//! one shared store, and views over a range of it (`Buffer` is a `Uint8Array` with Node's extra
//! methods, see `node/buffer.rs`; the methods all views share are in `typed_array_methods.rs`).
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
use super::convert::to_number;
use super::error::Throw;
use super::string::JsString;
use super::value::{ObjectKind, Value};

/// The bytes of an `ArrayBuffer`, shared by every view over it.
pub type Store = Rc<RefCell<Vec<u8>>>;

/// Which class a view is: its element type (`Buffer` is a `Uint8Array` with Node's methods).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ViewClass {
    /// `Uint8Array`.
    Uint8Array,
    /// Node's `Buffer` (a `Uint8Array` subclass).
    Buffer,
    /// `Int8Array`.
    Int8Array,
    /// `Uint8ClampedArray`.
    Uint8ClampedArray,
    /// `Int16Array`.
    Int16Array,
    /// `Uint16Array`.
    Uint16Array,
    /// `Int32Array`.
    Int32Array,
    /// `Uint32Array`.
    Uint32Array,
    /// `Float32Array`.
    Float32Array,
    /// `Float64Array`.
    Float64Array,
    /// `BigInt64Array`: BigInt elements, two's complement (`bigint_arrays.rs`).
    BigInt64Array,
    /// `BigUint64Array`: BigInt elements from 0 to 2⁶⁴ - 1.
    BigUint64Array,
}

/// The typed-array classes `new` can build (all but `Buffer`).
pub const TYPED_ARRAY_CLASSES: &[ViewClass] = &[
    ViewClass::Uint8Array,
    ViewClass::Int8Array,
    ViewClass::Uint8ClampedArray,
    ViewClass::Int16Array,
    ViewClass::Uint16Array,
    ViewClass::Int32Array,
    ViewClass::Uint32Array,
    ViewClass::Float32Array,
    ViewClass::Float64Array,
    ViewClass::BigInt64Array,
    ViewClass::BigUint64Array,
];

impl ViewClass {
    /// The class name.
    pub fn name(self) -> &'static str {
        match self {
            ViewClass::Uint8Array => "Uint8Array",
            ViewClass::Buffer => "Buffer",
            ViewClass::Int8Array => "Int8Array",
            ViewClass::Uint8ClampedArray => "Uint8ClampedArray",
            ViewClass::Int16Array => "Int16Array",
            ViewClass::Uint16Array => "Uint16Array",
            ViewClass::Int32Array => "Int32Array",
            ViewClass::Uint32Array => "Uint32Array",
            ViewClass::Float32Array => "Float32Array",
            ViewClass::Float64Array => "Float64Array",
            ViewClass::BigInt64Array => "BigInt64Array",
            ViewClass::BigUint64Array => "BigUint64Array",
        }
    }

    /// The typed-array class of a name.
    pub fn named(name: &str) -> Option<ViewClass> {
        TYPED_ARRAY_CLASSES
            .iter()
            .chain(&[ViewClass::Buffer])
            .find(|class| class.name() == name)
            .copied()
    }

    /// The class `Object.prototype.toString` names (a Buffer is tagged `Uint8Array`).
    pub fn tag(self) -> &'static str {
        match self {
            ViewClass::Buffer => "Uint8Array",
            other => other.name(),
        }
    }

    /// Bytes per element (`BYTES_PER_ELEMENT`).
    pub fn width(self) -> usize {
        match self {
            ViewClass::Uint8Array
            | ViewClass::Buffer
            | ViewClass::Int8Array
            | ViewClass::Uint8ClampedArray => 1,
            ViewClass::Int16Array | ViewClass::Uint16Array => 2,
            ViewClass::Int32Array | ViewClass::Uint32Array | ViewClass::Float32Array => 4,
            ViewClass::Float64Array | ViewClass::BigInt64Array | ViewClass::BigUint64Array => 8,
        }
    }

    /// Whether elements are BigInts (`BigInt64Array`, `BigUint64Array`).
    pub fn is_bigint(self) -> bool {
        matches!(self, ViewClass::BigInt64Array | ViewClass::BigUint64Array)
    }

    /// The number an element's bytes hold (little-endian, the platform order V8 uses on
    /// x86-64 and arm64).
    pub fn decode(self, bytes: &[u8]) -> f64 {
        let mut word = [0u8; 8];
        word[..bytes.len()].copy_from_slice(bytes);
        let [a, b, c, d, ..] = word;
        match self {
            ViewClass::Uint8Array | ViewClass::Buffer | ViewClass::Uint8ClampedArray => {
                f64::from(a)
            }
            ViewClass::Int8Array => f64::from(a as i8),
            ViewClass::Int16Array => f64::from(i16::from_le_bytes([a, b])),
            ViewClass::Uint16Array => f64::from(u16::from_le_bytes([a, b])),
            ViewClass::Int32Array => f64::from(i32::from_le_bytes([a, b, c, d])),
            ViewClass::Uint32Array => f64::from(u32::from_le_bytes([a, b, c, d])),
            ViewClass::Float32Array => f64::from(f32::from_le_bytes([a, b, c, d])),
            ViewClass::Float64Array => f64::from_le_bytes(word),
            // Only `bigint_arrays.rs` reads these, through `ByteView::element`.
            ViewClass::BigInt64Array => u64::from_le_bytes(word) as i64 as f64,
            ViewClass::BigUint64Array => u64::from_le_bytes(word) as f64,
        }
    }

    /// The bytes of `number` converted to the element type (integers modulo 2ⁿ, clamped for
    /// `Uint8ClampedArray`, rounded to single precision for `Float32Array`).
    pub fn encode(self, number: f64) -> Vec<u8> {
        // Modulo 2³², exact in f64.
        let word = if number.is_finite() {
            number.trunc().rem_euclid(4_294_967_296.0) as u32
        } else {
            0
        };
        match self {
            ViewClass::Uint8ClampedArray => {
                vec![if number.is_nan() {
                    0
                } else {
                    number.clamp(0.0, 255.0).round_ties_even() as u8
                }]
            }
            ViewClass::Float32Array => (number as f32).to_le_bytes().to_vec(),
            ViewClass::Float64Array => number.to_le_bytes().to_vec(),
            ViewClass::BigInt64Array | ViewClass::BigUint64Array => {
                (number as i64).to_le_bytes().to_vec()
            }
            other => word.to_le_bytes()[..other.width()].to_vec(),
        }
    }

    /// Whether elements are floats (NaN can be stored and found by `includes`).
    pub fn is_float(self) -> bool {
        matches!(self, ViewClass::Float32Array | ViewClass::Float64Array)
    }
}

/// A typed array: `length` elements of its class from byte `offset` of a store.
pub struct ByteView {
    /// The bytes it views.
    pub store: Store,
    /// Where its range starts in the store, in bytes.
    pub offset: usize,
    /// How many elements it has.
    pub length: usize,
    /// Its class (element type).
    pub class: ViewClass,
    /// The ArrayBuffer object `view.buffer` answers, made on first read when the view was not
    /// built over one, so that `view.buffer === view.buffer`.
    pub buffer: RefCell<Option<Value>>,
}

impl ByteView {
    /// `view.buffer`: the same ArrayBuffer object on every read.
    pub fn buffer_object(&self) -> Value {
        self.buffer
            .borrow_mut()
            .get_or_insert_with(|| {
                Value::object_of_kind(ObjectKind::ArrayBuffer(self.store.clone()))
            })
            .clone()
    }

    /// Its size in bytes.
    pub fn byte_length(&self) -> usize {
        self.length * self.class.width()
    }

    /// A copy of the bytes it views.
    pub fn to_vec(&self) -> Vec<u8> {
        self.store.borrow()[self.offset..self.offset + self.byte_length()].to_vec()
    }

    /// The byte at byte `index`, if inside the view.
    pub fn byte(&self, index: usize) -> Option<u8> {
        (index < self.byte_length()).then(|| self.store.borrow()[self.offset + index])
    }

    /// Writes the byte at byte `index` (ignored outside the view).
    pub fn set_byte(&self, index: usize, byte: u8) {
        if index < self.byte_length() {
            self.store.borrow_mut()[self.offset + index] = byte;
        }
    }

    /// The element at `index`, if inside the view.
    pub fn get(&self, index: usize) -> Option<f64> {
        if index >= self.length {
            return None;
        }
        let width = self.class.width();
        let start = self.offset + index * width;
        Some(
            self.class
                .decode(&self.store.borrow()[start..start + width]),
        )
    }

    /// Writes the element at `index` (ignored outside the view).
    pub fn set(&self, index: usize, number: f64) {
        if index < self.length {
            let width = self.class.width();
            let start = self.offset + index * width;
            self.store.borrow_mut()[start..start + width]
                .copy_from_slice(&self.class.encode(number));
        }
    }

    /// The element at `index` as a value: a BigInt for the BigInt classes, else a number.
    pub fn element(&self, index: usize) -> Option<Value> {
        if !self.class.is_bigint() {
            return self.get(index).map(Value::Number);
        }
        if index >= self.length {
            return None;
        }
        let start = self.offset + index * 8;
        let mut word = [0u8; 8];
        word.copy_from_slice(&self.store.borrow()[start..start + 8]);
        let bits = u64::from_le_bytes(word);
        Some(if self.class == ViewClass::BigInt64Array {
            super::bigint::value((bits as i64).into())
        } else {
            super::bigint::value(bits.into())
        })
    }

    /// Writes `value` at `index` (ignored outside the view) after ToBigInt for the BigInt
    /// classes (`Cannot convert 1 to a BigInt`) or ToNumber for the others.
    pub fn set_element(&self, index: usize, value: &Value) -> Result<(), Throw> {
        if !self.class.is_bigint() {
            let number = to_number(value)?;
            self.set(index, number);
            return Ok(());
        }
        let big = super::bigint_global::to_bigint(value)?;
        if index < self.length {
            let start = self.offset + index * 8;
            self.store.borrow_mut()[start..start + 8]
                .copy_from_slice(&super::bigint::to_u64_wrapping(&big).to_le_bytes());
        }
        Ok(())
    }

    /// Every element as a value.
    pub fn values(&self) -> Vec<Value> {
        (0..self.length)
            .filter_map(|index| self.element(index))
            .collect()
    }

    /// Every element.
    pub fn numbers(&self) -> Vec<f64> {
        let width = self.class.width();
        self.to_vec()
            .chunks_exact(width)
            .map(|chunk| self.class.decode(chunk))
            .collect()
    }
}

/// A new view of `class` holding `numbers`, each converted to the element type.
pub fn view_of_numbers(numbers: &[f64], class: ViewClass) -> Value {
    let bytes: Vec<u8> = numbers
        .iter()
        .flat_map(|number| class.encode(*number))
        .collect();
    new_view(bytes, class)
}

/// A new view of `class` over a fresh store holding `bytes`.
pub fn new_view(bytes: Vec<u8>, class: ViewClass) -> Value {
    let length = bytes.len() / class.width();
    view_of(Rc::new(RefCell::new(bytes)), 0, length, class)
}

/// A view of `class` over `length` elements from byte `offset` of `store`.
pub fn view_of(store: Store, offset: usize, length: usize, class: ViewClass) -> Value {
    Value::object_of_kind(ObjectKind::Bytes(ByteView {
        store,
        offset,
        length,
        class,
        buffer: RefCell::new(None),
    }))
}

/// A view of `class` over `length` elements from byte `offset` of the ArrayBuffer object
/// `buffer` (which its `buffer` property then answers).
pub fn view_over(buffer: &Value, offset: usize, length: usize, class: ViewClass) -> Value {
    let store = array_buffer(buffer).cloned().unwrap_or_default();
    Value::object_of_kind(ObjectKind::Bytes(ByteView {
        store,
        offset,
        length,
        class,
        buffer: RefCell::new(Some(buffer.clone())),
    }))
}

/// A new `Uint8Array` holding `bytes`.
pub fn uint8_array(bytes: Vec<u8>) -> Value {
    new_view(bytes, ViewClass::Uint8Array)
}

/// The view inside `value`, if it is a typed array or a `Buffer`.
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

/// The largest store a handler may allocate at once. V8 allows 4 GiB, but a failed
/// allocation aborts a Rust process (and an overcommitted one is killed later), so a request
/// must not be able to ask for that much: past this limit the allocation throws V8's
/// `RangeError: Array buffer allocation failed` instead.
pub const MAX_BYTE_LENGTH: usize = 1 << 30;

/// `length` zeroed bytes, or V8's allocation failure past [`MAX_BYTE_LENGTH`].
pub fn zeroed(length: usize) -> Result<Vec<u8>, Throw> {
    if length > MAX_BYTE_LENGTH {
        return Err(Throw::range_error("Array buffer allocation failed"));
    }
    Ok(vec![0; length])
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
pub(crate) fn integer(value: &Value) -> Result<f64, Throw> {
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
        RefCell::new(zeroed(length as usize)?),
    ))))
}

/// `new Int32Array(…)` (any typed-array class): from a length, an ArrayBuffer (with offset
/// and length), another view, an iterable or an array-like object.
pub fn construct_view(args: &[Value], class: ViewClass) -> Result<Value, Throw> {
    let source = arg(args, 0);
    let width = class.width();
    let name = class.name();
    if let Some(store) = array_buffer(&source) {
        let size = store.borrow().len();
        let offset = integer(&arg(args, 1))?;
        if !(offset as usize).is_multiple_of(width) {
            return Err(Throw::range_error(format!(
                "start offset of {name} should be a multiple of {width}"
            )));
        }
        if offset < 0.0 || offset > size as f64 {
            return Err(Throw::range_error(format!(
                "Start offset {} is outside the bounds of the buffer",
                super::number::to_string(offset)
            )));
        }
        let offset = offset as usize;
        let length = match arg(args, 2) {
            Value::Undefined => {
                if !(size - offset).is_multiple_of(width) {
                    return Err(Throw::range_error(format!(
                        "byte length of {name} should be a multiple of {width}"
                    )));
                }
                (size - offset) / width
            }
            other => {
                let length = integer(&other)?;
                if length < 0.0 || offset as f64 + length * width as f64 > size as f64 {
                    return Err(Throw::range_error(format!(
                        "Invalid typed array length: {}",
                        super::number::to_string(length)
                    )));
                }
                length as usize
            }
        };
        return Ok(view_over(&source, offset, length, class));
    }
    match &source {
        Value::Object(_) | Value::Array(_) if class.is_bigint() => {
            super::bigint_arrays::from_list(&source, class)
        }
        Value::Object(_) | Value::Array(_) => {
            Ok(view_of_numbers(&numbers_of_list(&source)?, class))
        }
        Value::Undefined => Ok(new_view(Vec::new(), class)),
        other => {
            let length = integer(other)?;
            if !(0.0..=4_294_967_296.0).contains(&length) {
                return Err(Throw::range_error(format!(
                    "Invalid typed array length: {}",
                    super::number::to_string(to_number(other)?)
                )));
            }
            Ok(new_view(zeroed(length as usize * width)?, class))
        }
    }
}

/// The elements of a view, or the values of an iterable or array-like object as numbers.
pub fn numbers_of_list(source: &Value) -> Result<Vec<f64>, Throw> {
    if let Some(view) = view(source) {
        if view.class.is_bigint() {
            // A BigInt never converts to a number implicitly.
            return Err(super::bigint::to_number_error());
        }
        return Ok(view.numbers());
    }
    items_of_list(source)?.iter().map(to_number).collect()
}

/// The values of a view, an iterable or an array-like object.
pub fn items_of_list(source: &Value) -> Result<Vec<Value>, Throw> {
    if let Some(view) = view(source) {
        return Ok(elements(view));
    }
    Ok(if super::iterate::is_iterable(source) {
        super::iterate::collect(source)?
    } else {
        let length = integer(&super::access::get(source, "length")?)?.max(0.0) as usize;
        let mut items = Vec::with_capacity(length);
        for index in 0..length {
            items.push(super::access::get_index(source, index as f64)?);
        }
        items
    })
}

/// The bytes of a view (its raw bytes), an iterable or an array-like object (each value
/// converted by ToUint8).
pub fn bytes_of_list(source: &Value) -> Result<Vec<u8>, Throw> {
    if let Some(view) = view(source) {
        return Ok(view.numbers().into_iter().map(to_uint8).collect());
    }
    Ok(numbers_of_list(source)?.into_iter().map(to_uint8).collect())
}

/// `Int32Array.from(source, mapFn)` and `Int32Array.of(...items)` (any typed-array class), and
/// `ArrayBuffer.isView(value)`.
pub fn call_static(name: &str, args: &[Value]) -> Option<Result<Value, Throw>> {
    if name == "ArrayBuffer.isView" {
        return Some(Ok(Value::Bool(view(&arg(args, 0)).is_some())));
    }
    let (class, method) = name.split_once('.')?;
    // `BigInt64Array.from`/`of` are not modelled (their elements are not numbers).
    let class = ViewClass::named(class)
        .filter(|class| *class != ViewClass::Buffer && !class.is_bigint())?;
    Some(match method {
        "from" => (|| {
            let source = arg(args, 0);
            let items: Vec<Value> = match view(&source) {
                Some(view) => view.numbers().into_iter().map(Value::Number).collect(),
                None if super::iterate::is_iterable(&source) => super::iterate::collect(&source)?,
                None => numbers_of_list(&source)?
                    .into_iter()
                    .map(Value::Number)
                    .collect(),
            };
            let map = arg(args, 1);
            let mut numbers = Vec::with_capacity(items.len());
            for (index, item) in items.into_iter().enumerate() {
                let item = match &map {
                    Value::Undefined => item,
                    function => call(function, &[item, Value::from(index)])?,
                };
                numbers.push(to_number(&item)?);
            }
            Ok(view_of_numbers(&numbers, class))
        })(),
        "of" => (|| {
            let numbers: Vec<f64> = args.iter().map(to_number).collect::<Result<_, _>>()?;
            Ok(view_of_numbers(&numbers, class))
        })(),
        _ => return None,
    })
}

/// The static value `Int32Array.BYTES_PER_ELEMENT`.
pub fn static_value(name: &str) -> Option<Value> {
    let (class, member) = name.split_once('.')?;
    let class = ViewClass::named(class)?;
    (member == "BYTES_PER_ELEMENT").then(|| Value::from(class.width()))
}

impl Value {
    /// A byte as a number value.
    pub fn from_byte(byte: u8) -> Value {
        Value::Number(f64::from(byte))
    }
}

/// A property of a view or an ArrayBuffer that is not an own property: an element, `length`,
/// `byteLength`, `byteOffset`, `buffer`, `BYTES_PER_ELEMENT`, or a method as a value.
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
        return Some(view.element(index as usize).unwrap_or_default());
    }
    Some(match key.as_ascii()? {
        "length" => Value::from(view.length),
        "byteLength" => Value::from(view.byte_length()),
        "byteOffset" => Value::from(view.offset),
        "BYTES_PER_ELEMENT" => Value::from(view.class.width()),
        "buffer" => view.buffer_object(),
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
    Some(view.set_element(index as usize, value))
}

pub use super::typed_array_methods::{VIEW_METHODS, call_method};

/// The elements of a view as number values (iteration, spread, `Array.from`).
pub fn elements(view: &ByteView) -> Vec<Value> {
    if view.class.is_bigint() {
        return view.values();
    }
    view.numbers().into_iter().map(Value::Number).collect()
}

/// What `console.log` prints: `Uint8Array(3) [ 1, 2, 3 ]`, `<Buffer 68 69>`.
pub fn inspect(view: &ByteView) -> String {
    if view.class == ViewClass::Buffer {
        let bytes = view.to_vec();
        let shown: Vec<String> = bytes
            .iter()
            .take(50)
            .map(|byte| format!("{byte:02x}"))
            .collect();
        let more = match bytes.len().saturating_sub(50) {
            0 => String::new(),
            n => format!(" ... {n} more byte{}", if n == 1 { "" } else { "s" }),
        };
        return if shown.is_empty() {
            "<Buffer >".to_string()
        } else {
            format!("<Buffer {}{more}>", shown.join(" "))
        };
    }
    let numbers = elements(view);
    let name = view.class.name();
    if numbers.is_empty() {
        return format!("{name}(0) []");
    }
    let mut parts: Vec<String> = numbers
        .iter()
        .take(100)
        .map(super::console::inspect)
        .collect();
    if numbers.len() > 100 {
        let n = numbers.len() - 100;
        parts.push(format!(
            "... {n} more item{}",
            if n == 1 { "" } else { "s" }
        ));
    }
    format!("{name}({}) [ {} ]", numbers.len(), parts.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn message(result: Result<Value, Throw>) -> String {
        match result {
            Ok(_) => "no error".to_string(),
            Err(thrown) => super::super::error::error_parts(&thrown.value)
                .map(|(name, message)| format!("{name}: {message}"))
                .unwrap_or_default(),
        }
    }

    #[test]
    fn allocations_past_the_limit_throw_instead_of_aborting() {
        let huge = Value::Number((MAX_BYTE_LENGTH + 1) as f64);
        assert_eq!(
            message(new_array_buffer(std::slice::from_ref(&huge))),
            "RangeError: Array buffer allocation failed"
        );
        let quarter = Value::Number((MAX_BYTE_LENGTH / 4 + 1) as f64);
        assert_eq!(
            message(construct_view(&[quarter], ViewClass::Float64Array)),
            "RangeError: Array buffer allocation failed"
        );
        assert_eq!(
            message(construct_view(&[Value::Number(3.0)], ViewClass::Int32Array)),
            "no error"
        );
    }

    #[test]
    fn elements_convert_as_their_type_on_write() {
        let cases = [
            (ViewClass::Int8Array, 200.0, -56.0),
            (ViewClass::Uint8ClampedArray, 2.5, 2.0),
            (ViewClass::Uint8ClampedArray, 3.5, 4.0),
            (ViewClass::Int16Array, -40000.0, 25536.0),
            (ViewClass::Uint32Array, -1.0, 4_294_967_295.0),
            (ViewClass::Float32Array, 0.1, f64::from(0.1f32)),
        ];
        for (class, written, read) in cases {
            assert_eq!(
                class.decode(&class.encode(written)),
                read,
                "{class:?} {written}"
            );
        }
    }
}
