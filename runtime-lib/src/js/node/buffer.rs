//! Node's `Buffer` (the global, and `require("buffer").Buffer`): a `Uint8Array` (see
//! `bytes.rs`) with string encodings, comparisons and integer reads and writes.
//!
//! ```text
//! Buffer.from("hi").toString("hex")            → "6869"
//! Buffer.from("aGk=", "base64").toString()     → "hi"
//! Buffer.concat([a, b]).readUInt16BE(0)
//! JSON.stringify(Buffer.from("hi"))            → {"type":"Buffer","data":[104,105]}
//! ```
//!
//! Encodings follow Node: UTF-8 decoding replaces each maximal invalid subpart with U+FFFD and
//! encoding turns a lone surrogate into U+FFFD; hex stops at the first pair that is not hex;
//! base64 accepts both alphabets, skips other characters and stops at `=`; latin1 and ascii
//! keep the low byte of each UTF-16 code unit.

use super::super::bytes::{self, ByteView, ViewClass, new_view, view};
use super::super::convert::{to_number, to_string};
use super::super::error::Throw;
use super::super::string::JsString;
use super::super::value::Value;
use super::{invalid_arg_type, node_error, out_of_range};

/// The `buffer` module: `{ Buffer }` and its constants.
pub fn module() -> Value {
    Value::object([
        ("Buffer", super::super::class::builtin_constructor("Buffer")),
        ("kMaxLength", Value::Number(4_294_967_296.0)),
    ])
}

/// A string encoding Node knows.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Hex,
    Base64,
    Base64Url,
    Latin1,
    Ascii,
    Utf16Le,
}

/// The encoding a name stands for (case-insensitive, with Node's aliases).
pub fn encoding_named(name: &str) -> Option<Encoding> {
    Some(match name.to_ascii_lowercase().as_str() {
        "utf8" | "utf-8" => Encoding::Utf8,
        "hex" => Encoding::Hex,
        "base64" => Encoding::Base64,
        "base64url" => Encoding::Base64Url,
        "latin1" | "binary" => Encoding::Latin1,
        "ascii" => Encoding::Ascii,
        "utf16le" | "utf-16le" | "ucs2" | "ucs-2" => Encoding::Utf16Le,
        _ => return None,
    })
}

/// The encoding argument: `undefined` is UTF-8, an unknown name Node's TypeError.
pub fn encoding_arg(value: &Value) -> Result<Encoding, Throw> {
    match value {
        Value::Undefined | Value::Null => Ok(Encoding::Utf8),
        other => {
            let name = to_string(other)?.to_string();
            encoding_named(&name).ok_or_else(|| {
                node_error(
                    "TypeError",
                    "ERR_UNKNOWN_ENCODING",
                    format!("Unknown encoding: {name}"),
                )
            })
        }
    }
}

/// UTF-8 bytes of a JS string, a lone surrogate becoming U+FFFD.
pub fn utf8_bytes(text: &JsString) -> Vec<u8> {
    match text {
        JsString::Ascii(ascii) => ascii.as_bytes().to_vec(),
        JsString::Wide(units) => char::decode_utf16(units.iter().copied())
            .map(|unit| unit.unwrap_or('\u{FFFD}'))
            .collect::<String>()
            .into_bytes(),
    }
}

/// A JS string from UTF-8 bytes, each maximal invalid subpart becoming U+FFFD (WHATWG's
/// decoder, which Rust's lossy conversion follows).
pub fn utf8_string(bytes: &[u8]) -> JsString {
    JsString::new(&String::from_utf8_lossy(bytes))
}

/// The bytes `text` stands for in `encoding`.
pub fn encode(text: &JsString, encoding: Encoding) -> Vec<u8> {
    match encoding {
        Encoding::Utf8 => utf8_bytes(text),
        Encoding::Latin1 | Encoding::Ascii => text.units().iter().map(|unit| *unit as u8).collect(),
        Encoding::Utf16Le => text
            .units()
            .iter()
            .flat_map(|unit| unit.to_le_bytes())
            .collect(),
        Encoding::Hex => {
            let units = text.units();
            let digit = |unit: u16| char::from_u32(u32::from(unit)).and_then(|c| c.to_digit(16));
            let mut out = Vec::with_capacity(units.len() / 2);
            for pair in units.chunks_exact(2) {
                match (digit(pair[0]), digit(pair[1])) {
                    (Some(high), Some(low)) => out.push((high * 16 + low) as u8),
                    _ => break,
                }
            }
            out
        }
        Encoding::Base64 | Encoding::Base64Url => base64_decode(&text.units()),
    }
}

fn base64_value(unit: u16) -> Option<u32> {
    Some(match unit {
        0x41..=0x5a => u32::from(unit) - 0x41,
        0x61..=0x7a => u32::from(unit) - 0x61 + 26,
        0x30..=0x39 => u32::from(unit) - 0x30 + 52,
        0x2b | 0x2d => 62,
        0x2f | 0x5f => 63,
        _ => return None,
    })
}

/// Node's lenient base64 (either alphabet; other characters skipped; `=` ends the data).
fn base64_decode(units: &[u16]) -> Vec<u8> {
    let mut out = Vec::with_capacity(units.len() * 3 / 4);
    let mut bits = 0u32;
    let mut count = 0;
    for unit in units {
        if *unit == u16::from(b'=') {
            break;
        }
        let Some(value) = base64_value(*unit) else {
            continue;
        };
        bits = (bits << 6) | value;
        count += 1;
        if count == 4 {
            out.extend_from_slice(&[(bits >> 16) as u8, (bits >> 8) as u8, bits as u8]);
            bits = 0;
            count = 0;
        }
    }
    match count {
        2 => out.push((bits >> 4) as u8),
        3 => out.extend_from_slice(&[(bits >> 10) as u8, (bits >> 2) as u8]),
        _ => {}
    }
    out
}

/// Base64 text of `bytes` (`url`: the URL-safe alphabet without padding).
pub fn base64_encode(bytes: &[u8], url: bool) -> String {
    let alphabet: &[u8; 64] = if url {
        b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
    } else {
        b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
    };
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk.len();
        let bits = (u32::from(chunk[0]) << 16)
            | (u32::from(*chunk.get(1).unwrap_or(&0)) << 8)
            | u32::from(*chunk.get(2).unwrap_or(&0));
        for index in 0..4 {
            if index <= n {
                out.push(alphabet[((bits >> (18 - 6 * index)) & 63) as usize] as char);
            } else if !url {
                out.push('=');
            }
        }
    }
    out
}

/// The text `bytes` stand for in `encoding`.
pub fn decode(bytes: &[u8], encoding: Encoding) -> JsString {
    match encoding {
        Encoding::Utf8 => utf8_string(bytes),
        Encoding::Latin1 => JsString::from_units(
            &bytes
                .iter()
                .map(|byte| u16::from(*byte))
                .collect::<Vec<_>>(),
        ),
        Encoding::Ascii => JsString::from_units(
            &bytes
                .iter()
                .map(|byte| u16::from(*byte & 0x7f))
                .collect::<Vec<_>>(),
        ),
        Encoding::Utf16Le => JsString::from_units(
            &bytes
                .chunks_exact(2)
                .map(|pair| u16::from_le_bytes([pair[0], pair[1]]))
                .collect::<Vec<_>>(),
        ),
        Encoding::Hex => JsString::new(
            &bytes
                .iter()
                .map(|byte| format!("{byte:02x}"))
                .collect::<String>(),
        ),
        Encoding::Base64 => JsString::new(&base64_encode(bytes, false)),
        Encoding::Base64Url => JsString::new(&base64_encode(bytes, true)),
    }
}

fn arg(args: &[Value], index: usize) -> Value {
    args.get(index).cloned().unwrap_or_default()
}

/// A new Buffer holding `bytes`.
pub fn buffer(bytes: Vec<u8>) -> Value {
    new_view(bytes, ViewClass::Buffer)
}

/// The bytes of a Buffer or Uint8Array argument, or Node's TypeError naming `name`.
fn bytes_arg(value: &Value, name: &str) -> Result<Vec<u8>, Throw> {
    view(value)
        .map(ByteView::to_vec)
        .ok_or_else(|| invalid_arg_type(name, "an instance of Buffer or Uint8Array", value))
}

/// A size argument (`Buffer.alloc(size)`): a number from 0 to 2³².
fn size_arg(value: &Value) -> Result<usize, Throw> {
    let Value::Number(size) = value else {
        return Err(invalid_arg_type("size", "of type number", value));
    };
    if !(0.0..=4_294_967_296.0).contains(size) || size.is_nan() {
        return Err(out_of_range("size", ">= 0 && <= 4294967296", value));
    }
    Ok(*size as usize)
}

/// The static members of `Buffer` that are supported.
pub const STATICS: &[&str] = &[
    "Buffer.from",
    "Buffer.alloc",
    "Buffer.allocUnsafe",
    "Buffer.byteLength",
    "Buffer.concat",
    "Buffer.compare",
    "Buffer.isBuffer",
    "Buffer.isEncoding",
];

/// `Buffer.<name>(...args)`.
pub fn call_static(name: &str, args: &[Value]) -> Option<Result<Value, Throw>> {
    Some((|| match name {
        "Buffer.from" => from(args),
        "Buffer.alloc" | "Buffer.allocUnsafe" => {
            let size = size_arg(&arg(args, 0))?;
            let filled = buffer(bytes::zeroed(size)?);
            if name == "Buffer.alloc" && !matches!(arg(args, 1), Value::Undefined) && size > 0 {
                fill(&filled, &args[1..])?;
            }
            Ok(filled)
        }
        "Buffer.byteLength" => {
            let value = arg(args, 0);
            if let Some(view) = view(&value) {
                return Ok(Value::from(view.byte_length()));
            }
            if let Some(store) = bytes::array_buffer(&value) {
                return Ok(Value::from(store.borrow().len()));
            }
            let Value::String(text) = &value else {
                return Err(invalid_arg_type(
                    "string",
                    "of type string or an instance of Buffer or ArrayBuffer",
                    &value,
                ));
            };
            let encoding = match arg(args, 1) {
                Value::Undefined => Encoding::Utf8,
                other => encoding_named(&to_string(&other)?.to_rust()).unwrap_or(Encoding::Utf8),
            };
            Ok(Value::from(encode(text, encoding).len()))
        }
        "Buffer.concat" => {
            let list = arg(args, 0);
            if !matches!(list, Value::Array(_)) {
                return Err(invalid_arg_type("list", "an instance of Array", &list));
            }
            let items = super::super::iterate::collect(&list)?;
            let mut out = Vec::new();
            for (index, item) in items.iter().enumerate() {
                out.extend(bytes_arg(item, &format!("list[{index}]"))?);
            }
            if let Value::Number(total) = arg(args, 1) {
                let total = total.max(0.0) as usize;
                if total > bytes::MAX_BYTE_LENGTH {
                    return Err(Throw::range_error("Array buffer allocation failed"));
                }
                out.resize(total, 0);
            }
            Ok(buffer(out))
        }
        "Buffer.compare" => {
            let a = bytes_arg(&arg(args, 0), "buf1")?;
            let b = bytes_arg(&arg(args, 1), "buf2")?;
            Ok(ordering(a.cmp(&b)))
        }
        "Buffer.isBuffer" => Ok(Value::Bool(
            view(&arg(args, 0)).is_some_and(|view| view.class == ViewClass::Buffer),
        )),
        "Buffer.isEncoding" => Ok(Value::Bool(match arg(args, 0) {
            Value::String(name) => encoding_named(&name.to_rust()).is_some(),
            _ => false,
        })),
        _ => Err(Throw::type_error(format!("{name} is not a function"))),
    })())
    .filter(|_| STATICS.contains(&name))
}

fn ordering(order: std::cmp::Ordering) -> Value {
    Value::Number(match order {
        std::cmp::Ordering::Less => -1.0,
        std::cmp::Ordering::Equal => 0.0,
        std::cmp::Ordering::Greater => 1.0,
    })
}

/// `Buffer.from(string, encoding)`, `(arrayBuffer, byteOffset, length)`, `(buffer)`, `(array)`.
fn from(args: &[Value]) -> Result<Value, Throw> {
    let source = arg(args, 0);
    match &source {
        Value::String(text) => Ok(buffer(encode(text, encoding_arg(&arg(args, 1))?))),
        _ if bytes::array_buffer(&source).is_some() => {
            let store = bytes::array_buffer(&source).cloned().unwrap_or_default();
            let size = store.borrow().len();
            let offset = match arg(args, 1) {
                Value::Undefined => 0.0,
                other => to_number(&other)?.max(0.0),
            };
            if offset > size as f64 {
                return Err(node_error(
                    "RangeError",
                    "ERR_BUFFER_OUT_OF_BOUNDS",
                    "\"offset\" is outside of buffer bounds",
                ));
            }
            let offset = offset as usize;
            let length = match arg(args, 2) {
                Value::Undefined => size - offset,
                other => {
                    let length = to_number(&other)?.max(0.0) as usize;
                    if offset + length > size {
                        return Err(node_error(
                            "RangeError",
                            "ERR_BUFFER_OUT_OF_BOUNDS",
                            "\"length\" is outside of buffer bounds",
                        ));
                    }
                    length
                }
            };
            Ok(bytes::view_over(&source, offset, length, ViewClass::Buffer))
        }
        Value::Array(_) => Ok(buffer(bytes::bytes_of_list(&source)?)),
        Value::Object(_) if view(&source).is_some() => Ok(buffer(bytes::bytes_of_list(&source)?)),
        // A `{ type: "Buffer", data: […] }` (what `toJSON` gives) or another array-like.
        Value::Object(_) => {
            let data = super::super::access::get(&source, "data")?;
            if matches!(super::super::access::get(&source, "type")?, Value::String(ref kind) if kind.as_ascii() == Some("Buffer"))
                && matches!(data, Value::Array(_))
            {
                return Ok(buffer(bytes::bytes_of_list(&data)?));
            }
            if !matches!(
                super::super::access::get(&source, "length")?,
                Value::Undefined
            ) {
                return Ok(buffer(bytes::bytes_of_list(&source)?));
            }
            Err(invalid_first_argument(&source))
        }
        _ => Err(invalid_first_argument(&source)),
    }
}

fn invalid_first_argument(value: &Value) -> Throw {
    invalid_arg_type(
        "The first argument",
        "of type string or an instance of Buffer, ArrayBuffer, or Array or an Array-like Object",
        value,
    )
}

/// `buf.fill(value, offset, end, encoding)`.
fn fill(target: &Value, args: &[Value]) -> Result<Value, Throw> {
    let Some(view) = view(target) else {
        return Ok(target.clone());
    };
    let (start, end, encoding) = match (arg(args, 1), arg(args, 2)) {
        (Value::String(encoding), _) => (0, view.length, encoding_arg(&Value::String(encoding))?),
        (start, Value::String(encoding)) => (
            bytes::relative(&start, view.length, 0)?,
            view.length,
            encoding_arg(&Value::String(encoding))?,
        ),
        (start, end) => (
            bytes::relative(&start, view.length, 0)?,
            bytes::relative(&end, view.length, view.length)?,
            encoding_arg(&arg(args, 3))?,
        ),
    };
    let pattern = match arg(args, 0) {
        Value::String(text) => encode(&text, encoding),
        other => match super::super::bytes::view(&other) {
            Some(source) => source.to_vec(),
            None => vec![bytes::byte_of(&other)?],
        },
    };
    if pattern.is_empty() {
        return Ok(target.clone());
    }
    let mut store = view.store.borrow_mut();
    for (index, slot) in store[view.offset + start..view.offset + end.max(start)]
        .iter_mut()
        .enumerate()
    {
        *slot = pattern[index % pattern.len()];
    }
    Ok(target.clone())
}

/// The methods a Buffer has beyond `Uint8Array`'s (or with Node's own behaviour).
pub const METHODS: &[&str] = &[
    "toString",
    "toJSON",
    "equals",
    "compare",
    "write",
    "slice",
    "fill",
    "indexOf",
    "includes",
    "copy",
    "readUInt8",
    "readUint8",
    "readUInt16LE",
    "readUint16LE",
    "readUInt16BE",
    "readUint16BE",
    "readUInt32LE",
    "readUint32LE",
    "readUInt32BE",
    "readUint32BE",
    "readInt8",
    "readInt16LE",
    "readInt16BE",
    "readInt32LE",
    "readInt32BE",
    "writeUInt8",
    "writeUint8",
    "writeUInt16LE",
    "writeUint16LE",
    "writeUInt16BE",
    "writeUint16BE",
    "writeUInt32LE",
    "writeUint32LE",
    "writeUInt32BE",
    "writeUint32BE",
    "readFloatLE",
    "readFloatBE",
    "readDoubleLE",
    "readDoubleBE",
    "writeFloatLE",
    "writeFloatBE",
    "writeDoubleLE",
    "writeDoubleBE",
    "readBigInt64LE",
    "readBigInt64BE",
    "readBigUInt64LE",
    "readBigUint64LE",
    "readBigUInt64BE",
    "readBigUint64BE",
    "writeBigInt64LE",
    "writeBigInt64BE",
    "writeBigUInt64LE",
    "writeBigUint64LE",
    "writeBigUInt64BE",
    "writeBigUint64BE",
];

/// A 64-bit BigInt read or write: signedness and byte order.
fn bigint_access(name: &str) -> Option<(bool, bool)> {
    let rest = name
        .strip_prefix("read")
        .or_else(|| name.strip_prefix("write"))?;
    Some(match rest {
        "BigInt64LE" => (true, true),
        "BigInt64BE" => (true, false),
        "BigUInt64LE" | "BigUint64LE" => (false, true),
        "BigUInt64BE" | "BigUint64BE" => (false, false),
        _ => return None,
    })
}

/// `buf.readBigInt64LE(offset)` and the other 64-bit BigInt reads and writes. A write checks
/// the value's range, then the offset; a value that is not a BigInt fails as Node's
/// `value & 0xffffffffn` does, on mixing types.
fn bigint_method(
    view: &ByteView,
    reading: bool,
    (signed, little): (bool, bool),
    args: &[Value],
) -> Result<Value, Throw> {
    if reading {
        let offset = offset_arg(&arg(args, 0), 8, view.length)?;
        let mut word = [0u8; 8];
        word.copy_from_slice(&view.to_vec()[offset..offset + 8]);
        let bits = if little {
            u64::from_le_bytes(word)
        } else {
            u64::from_be_bytes(word)
        };
        return Ok(if signed {
            super::super::bigint::value((bits as i64).into())
        } else {
            super::super::bigint::value(bits.into())
        });
    }
    let value = arg(args, 0);
    let Value::BigInt(big) = &value else {
        offset_arg(&arg(args, 1), 8, view.length)?;
        return Err(super::super::bigint::mix_error());
    };
    let (fits, range) = if signed {
        (
            i64::try_from(big.as_ref()).is_ok(),
            ">= -(2n ** 63n) and < 2n ** 63n",
        )
    } else {
        (u64::try_from(big.as_ref()).is_ok(), ">= 0n and < 2n ** 64n")
    };
    if !fits {
        return Err(out_of_range("value", range, &value));
    }
    let offset = offset_arg(&arg(args, 1), 8, view.length)?;
    let bits = super::super::bigint::to_u64_wrapping(big);
    let bytes = if little {
        bits.to_le_bytes()
    } else {
        bits.to_be_bytes()
    };
    for (index, byte) in bytes.into_iter().enumerate() {
        view.set_byte(offset + index, byte);
    }
    Ok(Value::from(offset + 8))
}

/// A float read or write: its element type (little-endian bytes) and byte order.
fn float_access(name: &str) -> Option<(ViewClass, bool)> {
    let rest = name
        .strip_prefix("read")
        .or_else(|| name.strip_prefix("write"))?;
    Some(match rest {
        "FloatLE" => (ViewClass::Float32Array, true),
        "FloatBE" => (ViewClass::Float32Array, false),
        "DoubleLE" => (ViewClass::Float64Array, true),
        "DoubleBE" => (ViewClass::Float64Array, false),
        _ => return None,
    })
}

/// An integer read or write: its width in bytes, signedness and byte order.
fn integer_access(name: &str) -> Option<(usize, bool, bool)> {
    let rest = name
        .strip_prefix("read")
        .or_else(|| name.strip_prefix("write"))?;
    let (signed, rest) = match rest
        .strip_prefix("UInt")
        .or_else(|| rest.strip_prefix("Uint"))
    {
        Some(rest) => (false, rest),
        None => (true, rest.strip_prefix("Int")?),
    };
    let (width, little) = match rest {
        "8" => (1, false),
        "16LE" => (2, true),
        "16BE" => (2, false),
        "32LE" => (4, true),
        "32BE" => (4, false),
        _ => return None,
    };
    Some((width, signed, little))
}

/// An offset argument of a read or write of `width` bytes in a buffer of `length`.
fn offset_arg(value: &Value, width: usize, length: usize) -> Result<usize, Throw> {
    let offset = match value {
        Value::Undefined => 0.0,
        Value::Number(number) => *number,
        other => return Err(invalid_arg_type("offset", "of type number", other)),
    };
    if offset.fract() != 0.0 || !offset.is_finite() {
        return Err(out_of_range("offset", "an integer", value));
    }
    let last = length as f64 - width as f64;
    if last < 0.0 {
        return Err(node_error(
            "RangeError",
            "ERR_BUFFER_OUT_OF_BOUNDS",
            "Attempt to access memory outside buffer bounds",
        ));
    }
    if offset < 0.0 || offset > last {
        return Err(out_of_range(
            "offset",
            &format!(">= 0 and <= {last}"),
            value,
        ));
    }
    Ok(offset as usize)
}

/// Calls a Buffer method; `None` for `Uint8Array`'s own (see `bytes.rs`).
pub fn call_method(
    receiver: &Value,
    view: &ByteView,
    name: &str,
    args: &[Value],
) -> Option<Result<Value, Throw>> {
    if let Some(access) = bigint_access(name) {
        return Some(bigint_method(view, name.starts_with("read"), access, args));
    }
    if let Some((element, little)) = float_access(name) {
        let width = element.width();
        return Some((|| {
            if name.starts_with("read") {
                let offset = offset_arg(&arg(args, 0), width, view.length)?;
                let mut bytes = view.to_vec()[offset..offset + width].to_vec();
                if !little {
                    bytes.reverse();
                }
                return Ok(Value::Number(element.decode(&bytes)));
            }
            let number = to_number(&arg(args, 0))?;
            let offset = offset_arg(&arg(args, 1), width, view.length)?;
            let mut bytes = element.encode(number);
            if !little {
                bytes.reverse();
            }
            for (index, byte) in bytes.into_iter().enumerate() {
                view.set_byte(offset + index, byte);
            }
            Ok(Value::from(offset + width))
        })());
    }
    if let Some((width, signed, little)) = integer_access(name) {
        let reading = name.starts_with("read");
        return Some((|| {
            if reading {
                let offset = offset_arg(&arg(args, 0), width, view.length)?;
                let bytes = view.to_vec();
                let slice = &bytes[offset..offset + width];
                let mut value: u32 = 0;
                for index in 0..width {
                    let byte = if little {
                        slice[width - 1 - index]
                    } else {
                        slice[index]
                    };
                    value = (value << 8) | u32::from(byte);
                }
                let number = if signed {
                    let shift = 32 - 8 * width as u32;
                    f64::from(((value << shift) as i32) >> shift)
                } else {
                    f64::from(value)
                };
                return Ok(Value::Number(number));
            }
            let value = arg(args, 0);
            let number = to_number(&value)?;
            let offset = offset_arg(&arg(args, 1), width, view.length)?;
            let bits = 8 * width as u32;
            let (low, high) = if signed {
                (
                    -(2f64.powi(bits as i32 - 1)),
                    2f64.powi(bits as i32 - 1) - 1.0,
                )
            } else {
                (0.0, 2f64.powi(bits as i32) - 1.0)
            };
            if !(low..=high).contains(&number) {
                let range = format!(">= {low} and <= {high}");
                return Err(out_of_range("value", &range, &value));
            }
            let word = (number.trunc() as i64) as u32;
            for index in 0..width {
                let shift = if little {
                    8 * index
                } else {
                    8 * (width - 1 - index)
                };
                view.set_byte(offset + index, (word >> shift) as u8);
            }
            Ok(Value::from(offset + width))
        })());
    }
    Some((|| match name {
        "toString" => {
            let encoding = encoding_arg(&arg(args, 0))?;
            let start = bytes::relative(&arg(args, 1), view.length, 0)?;
            let end = bytes::relative(&arg(args, 2), view.length, view.length)?.max(start);
            Ok(Value::String(decode(&view.to_vec()[start..end], encoding)))
        }
        "toJSON" => Ok(Value::object([
            ("type", Value::str("Buffer")),
            ("data", Value::array(bytes::elements(view))),
        ])),
        "equals" => {
            let other = bytes_arg(&arg(args, 0), "otherBuffer")?;
            Ok(Value::Bool(view.to_vec() == other))
        }
        "compare" => {
            let other = bytes_arg(&arg(args, 0), "target")?;
            Ok(ordering(view.to_vec().cmp(&other)))
        }
        "slice" => {
            let start = bytes::relative(&arg(args, 0), view.length, 0)?;
            let end = bytes::relative(&arg(args, 1), view.length, view.length)?.max(start);
            Ok(bytes::view_over(
                &view.buffer_object(),
                view.offset + start,
                end - start,
                ViewClass::Buffer,
            ))
        }
        "fill" => fill(receiver, args),
        "write" => {
            let Value::String(text) = arg(args, 0) else {
                return Err(invalid_arg_type(
                    "argument",
                    "of type string",
                    &arg(args, 0),
                ));
            };
            let (offset, length, encoding) = match (arg(args, 1), arg(args, 2)) {
                (Value::String(encoding), _) => {
                    (0, view.length, encoding_arg(&Value::String(encoding))?)
                }
                (offset, Value::String(encoding)) => {
                    let offset = bytes::relative(&offset, view.length, 0)?;
                    (
                        offset,
                        view.length - offset,
                        encoding_arg(&Value::String(encoding))?,
                    )
                }
                (offset, length) => {
                    let offset = bytes::relative(&offset, view.length, 0)?;
                    let length =
                        bytes::relative(&length, view.length - offset, view.length - offset)?;
                    (offset, length, encoding_arg(&arg(args, 3))?)
                }
            };
            let mut encoded = encode(&text, encoding);
            if encoded.len() > length {
                // UTF-8 never writes part of a character.
                let mut cut = length;
                if encoding == Encoding::Utf8 {
                    while cut > 0 && (encoded[cut] & 0xc0) == 0x80 {
                        cut -= 1;
                    }
                }
                encoded.truncate(cut);
            }
            for (index, byte) in encoded.iter().enumerate() {
                view.set_byte(offset + index, *byte);
            }
            Ok(Value::from(encoded.len()))
        }
        "indexOf" | "includes" => {
            let needle = match arg(args, 0) {
                Value::String(text) => encode(&text, encoding_arg(&arg(args, 2))?),
                other => match super::super::bytes::view(&other) {
                    Some(source) => source.to_vec(),
                    None => vec![bytes::byte_of(&other)?],
                },
            };
            let haystack = view.to_vec();
            let from = bytes::relative(&arg(args, 1), view.length, 0)?;
            let found = if needle.is_empty() {
                Some(from)
            } else {
                (from..haystack.len()).find(|start| haystack[*start..].starts_with(&needle))
            };
            Ok(match (name, found) {
                ("includes", found) => Value::Bool(found.is_some()),
                (_, Some(index)) => Value::from(index),
                (_, None) => Value::from(-1),
            })
        }
        "copy" => {
            let target = arg(args, 0);
            let Some(target_view) = super::super::bytes::view(&target) else {
                return Err(invalid_arg_type(
                    "target",
                    "an instance of Buffer or Uint8Array",
                    &target,
                ));
            };
            let target_start = bytes::relative(&arg(args, 1), target_view.byte_length(), 0)?;
            let source_start = bytes::relative(&arg(args, 2), view.length, 0)?;
            let source_end =
                bytes::relative(&arg(args, 3), view.length, view.length)?.max(source_start);
            let source = view.to_vec();
            let count = (source_end - source_start).min(target_view.byte_length() - target_start);
            for index in 0..count {
                target_view.set_byte(target_start + index, source[source_start + index]);
            }
            Ok(Value::from(count))
        }
        _ => Err(Throw::type_error(format!("{name} is not a function"))),
    })())
    .filter(|_| METHODS.contains(&name))
}
