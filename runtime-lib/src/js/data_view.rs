//! `DataView`: typed reads and writes at any byte offset of an ArrayBuffer, big-endian unless
//! the last argument asks for little-endian.
//!
//! ```text
//! const view = new DataView(new ArrayBuffer(8));
//! view.setUint16(0, 0x1234);          → bytes 12 34
//! view.getUint16(0, true)             → 0x3412
//! view.setFloat64(0, Math.PI)         → bytes 40 09 21 fb 54 44 2d 18
//! view.getUint32(6)                   → RangeError: Offset is outside the bounds of the DataView
//! view.setBigInt64(0, -2n)            → bytes ff ff ff ff ff ff ff fe; getBigUint64(0) → 2n ** 64n - 2n
//! ```
//!
//! A host object (`host.rs`) over the ArrayBuffer's shared store (`bytes.rs`).

use super::bytes::{Store, array_buffer};
use super::convert::{to_number, truthy};
use super::error::Throw;
use super::host::{HostObject, new_host};
use super::value::Value;

fn arg(args: &[Value], index: usize) -> Value {
    args.get(index).cloned().unwrap_or_default()
}

/// ToIntegerOrInfinity.
fn integer(value: &Value) -> Result<f64, Throw> {
    let number = to_number(value)?;
    Ok(if number.is_nan() { 0.0 } else { number.trunc() })
}

/// `new DataView(buffer, byteOffset, byteLength)`.
pub fn construct(args: &[Value]) -> Result<Value, Throw> {
    let source = arg(args, 0);
    let Some(store) = array_buffer(&source).cloned() else {
        return Err(Throw::type_error(
            "First argument to DataView constructor must be an ArrayBuffer",
        ));
    };
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
                    "Invalid DataView length {}",
                    super::number::to_string(length)
                )));
            }
            length as usize
        }
    };
    Ok(new_host(DataView {
        store,
        buffer: source,
        offset,
        length,
    }))
}

struct DataView {
    store: Store,
    /// The ArrayBuffer object it was built over (what `view.buffer` answers).
    buffer: Value,
    offset: usize,
    length: usize,
}

/// An element type: its width and how its bytes read as a number.
#[derive(Clone, Copy)]
enum Element {
    Int8,
    Uint8,
    Int16,
    Uint16,
    Int32,
    Uint32,
    Float32,
    Float64,
    /// `getBigInt64`/`setBigInt64`: BigInts, two's complement.
    BigInt64,
    BigUint64,
}

impl Element {
    fn named(name: &str) -> Option<Element> {
        Some(match name {
            "Int8" => Element::Int8,
            "Uint8" => Element::Uint8,
            "Int16" => Element::Int16,
            "Uint16" => Element::Uint16,
            "Int32" => Element::Int32,
            "Uint32" => Element::Uint32,
            "Float32" => Element::Float32,
            "Float64" => Element::Float64,
            "BigInt64" => Element::BigInt64,
            "BigUint64" => Element::BigUint64,
            _ => return None,
        })
    }

    fn width(self) -> usize {
        match self {
            Element::Int8 | Element::Uint8 => 1,
            Element::Int16 | Element::Uint16 => 2,
            Element::Int32 | Element::Uint32 | Element::Float32 => 4,
            Element::Float64 | Element::BigInt64 | Element::BigUint64 => 8,
        }
    }

    /// The value big-endian `bytes` hold.
    fn read(self, bytes: &[u8]) -> Value {
        let mut word = [0u8; 8];
        word[..bytes.len()].copy_from_slice(bytes);
        let bits = u64::from_be_bytes(word);
        Value::Number(match self {
            Element::BigInt64 => return super::bigint::value((bits as i64).into()),
            Element::BigUint64 => return super::bigint::value(bits.into()),
            Element::Int8 => f64::from(bytes[0] as i8),
            Element::Uint8 => f64::from(bytes[0]),
            Element::Int16 => f64::from(i16::from_be_bytes([bytes[0], bytes[1]])),
            Element::Uint16 => f64::from(u16::from_be_bytes([bytes[0], bytes[1]])),
            Element::Int32 => {
                f64::from(i32::from_be_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]))
            }
            Element::Uint32 => {
                f64::from(u32::from_be_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]))
            }
            Element::Float32 => {
                f64::from(f32::from_be_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]))
            }
            Element::Float64 => f64::from_be_bytes(word),
        })
    }

    /// The big-endian bytes of `value` converted to this type (integers modulo 2ⁿ): ToBigInt
    /// for the BigInt types (a number is a TypeError), ToNumber for the others.
    fn write(self, value: &Value) -> Result<Vec<u8>, Throw> {
        if matches!(self, Element::BigInt64 | Element::BigUint64) {
            let big = super::bigint_global::to_bigint(value)?;
            return Ok(super::bigint::to_u64_wrapping(&big).to_be_bytes().to_vec());
        }
        let number = to_number(value)?;
        // Modulo 2³², exact in f64 (2⁶⁴ would round small negatives up to 2⁶⁴).
        let integer = || -> u32 {
            if number.is_finite() {
                number.trunc().rem_euclid(4_294_967_296.0) as u32
            } else {
                0
            }
        };
        Ok(match self {
            Element::Int8 | Element::Uint8 => vec![integer() as u8],
            Element::Int16 | Element::Uint16 => (integer() as u16).to_be_bytes().to_vec(),
            Element::Int32 | Element::Uint32 => integer().to_be_bytes().to_vec(),
            Element::Float32 => (number as f32).to_be_bytes().to_vec(),
            Element::Float64 | Element::BigInt64 | Element::BigUint64 => {
                number.to_be_bytes().to_vec()
            }
        })
    }
}

const METHODS: &[&str] = &[
    "getInt8",
    "getUint8",
    "getInt16",
    "getUint16",
    "getInt32",
    "getUint32",
    "getFloat32",
    "getFloat64",
    "getBigInt64",
    "getBigUint64",
    "setInt8",
    "setUint8",
    "setInt16",
    "setUint16",
    "setInt32",
    "setUint32",
    "setFloat32",
    "setFloat64",
    "setBigInt64",
    "setBigUint64",
];

impl DataView {
    /// The store index of a `width`-byte access at the `byteOffset` argument.
    fn position(&self, value: &Value, width: usize) -> Result<usize, Throw> {
        let offset = integer(value)?;
        if offset < 0.0 || offset + width as f64 > self.length as f64 {
            return Err(Throw::range_error(
                "Offset is outside the bounds of the DataView",
            ));
        }
        Ok(self.offset + offset as usize)
    }
}

impl HostObject for DataView {
    fn class(&self) -> &'static str {
        "DataView"
    }

    fn methods(&self) -> &'static [&'static str] {
        METHODS
    }

    fn get(&self, _this: &Value, key: &str) -> Option<Result<Value, Throw>> {
        Some(Ok(match key {
            "byteLength" => Value::from(self.length),
            "byteOffset" => Value::from(self.offset),
            "buffer" => self.buffer.clone(),
            _ => return None,
        }))
    }

    fn call(&self, _this: &Value, name: &str, args: &[Value]) -> Option<Result<Value, Throw>> {
        let (reading, element) = match (name.strip_prefix("get"), name.strip_prefix("set")) {
            (Some(rest), _) => (true, Element::named(rest)?),
            (_, Some(rest)) => (false, Element::named(rest)?),
            _ => return None,
        };
        Some((|| {
            let width = element.width();
            if reading {
                let start = self.position(&arg(args, 0), width)?;
                let mut bytes = self.store.borrow()[start..start + width].to_vec();
                if truthy(&arg(args, 1)) {
                    bytes.reverse();
                }
                return Ok(element.read(&bytes));
            }
            let mut bytes = element.write(&arg(args, 1))?;
            let start = self.position(&arg(args, 0), width)?;
            if truthy(&arg(args, 2)) {
                bytes.reverse();
            }
            self.store.borrow_mut()[start..start + width].copy_from_slice(&bytes);
            Ok(Value::Undefined)
        })())
    }

    fn inspect(&self, _this: &Value) -> String {
        format!(
            "DataView {{ byteLength: {}, byteOffset: {} }}",
            self.length, self.offset
        )
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}
