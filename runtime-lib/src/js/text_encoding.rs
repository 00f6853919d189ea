//! `TextEncoder` and `TextDecoder` (the WHATWG Encoding Standard's UTF-8, and UTF-16LE for
//! decoding), as Node provides them.
//!
//! ```text
//! new TextEncoder().encode("é")                   → Uint8Array(2) [ 195, 169 ]  (a lone surrogate → U+FFFD)
//! new TextEncoder().encodeInto("a€", dest)        → { read: 2, written: 4 }     (no partial characters)
//! new TextDecoder().decode(bytes)                 → invalid sequences → U+FFFD, a leading BOM dropped
//! new TextDecoder("utf-8", { fatal: true })       → TypeError (ERR_ENCODING_INVALID_ENCODED_DATA) instead
//! ```

use super::bytes;
use super::convert::{to_string, truthy};
use super::error::Throw;
use super::host::{HostObject, new_host};
use super::node::buffer::{utf8_bytes, utf8_string};
use super::node::{invalid_arg_type, node_error};
use super::string::JsString;
use super::value::Value;

fn arg(args: &[Value], index: usize) -> Value {
    args.get(index).cloned().unwrap_or_default()
}

/// `new TextEncoder()`.
pub fn construct_encoder() -> Value {
    new_host(TextEncoder)
}

/// `new TextDecoder(label, { fatal, ignoreBOM })`.
pub fn construct_decoder(args: &[Value]) -> Result<Value, Throw> {
    let label = match arg(args, 0) {
        Value::Undefined => "utf-8".to_string(),
        other => to_string(&other)?.to_string(),
    };
    let encoding = match label.trim().to_ascii_lowercase().as_str() {
        "utf-8" | "utf8" | "unicode-1-1-utf-8" | "unicode11utf8" | "unicode20utf8"
        | "x-unicode20utf8" => "utf-8",
        "utf-16le" | "utf-16" | "ucs-2" | "unicode" | "csunicode" | "iso-10646-ucs-2"
        | "unicodefeff" => "utf-16le",
        _ => {
            return Err(node_error(
                "RangeError",
                "ERR_ENCODING_NOT_SUPPORTED",
                format!("The \"{label}\" encoding is not supported"),
            ));
        }
    };
    let options = arg(args, 1);
    let flag = |name: &str| -> Result<bool, Throw> {
        if options.is_nullish() {
            return Ok(false);
        }
        Ok(truthy(&super::access::get_key(
            &options,
            &JsString::new(name),
        )?))
    };
    Ok(new_host(TextDecoder {
        encoding,
        fatal: flag("fatal")?,
        ignore_bom: flag("ignoreBOM")?,
    }))
}

struct TextEncoder;

impl HostObject for TextEncoder {
    fn class(&self) -> &'static str {
        "TextEncoder"
    }

    fn methods(&self) -> &'static [&'static str] {
        &["encode", "encodeInto"]
    }

    fn get(&self, _this: &Value, key: &str) -> Option<Result<Value, Throw>> {
        (key == "encoding").then(|| Ok(Value::str("utf-8")))
    }

    fn call(&self, _this: &Value, name: &str, args: &[Value]) -> Option<Result<Value, Throw>> {
        match name {
            "encode" => Some((|| {
                let text = match arg(args, 0) {
                    Value::Undefined => JsString::empty(),
                    other => to_string(&other)?,
                };
                Ok(bytes::uint8_array(utf8_bytes(&text)))
            })()),
            "encodeInto" => Some((|| {
                let text = to_string(&arg(args, 0))?;
                let destination = arg(args, 1);
                let Some(view) = bytes::view(&destination).filter(|view| {
                    matches!(
                        view.class,
                        bytes::ViewClass::Uint8Array | bytes::ViewClass::Buffer
                    )
                }) else {
                    return Err(invalid_arg_type(
                        "dest",
                        "an instance of Uint8Array",
                        &destination,
                    ));
                };
                let (mut read, mut written) = (0usize, 0usize);
                for unit in char::decode_utf16(text.units().iter().copied()) {
                    let c = unit.unwrap_or('\u{FFFD}');
                    let mut buffer = [0u8; 4];
                    let encoded = c.encode_utf8(&mut buffer);
                    if written + encoded.len() > view.length {
                        break;
                    }
                    for (index, byte) in encoded.bytes().enumerate() {
                        view.set_byte(written + index, byte);
                    }
                    written += encoded.len();
                    read += c.len_utf16();
                }
                Ok(Value::object([
                    ("read", Value::from(read)),
                    ("written", Value::from(written)),
                ]))
            })()),
            _ => None,
        }
    }

    fn inspect(&self, _this: &Value) -> String {
        "TextEncoder { encoding: 'utf-8' }".to_string()
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

struct TextDecoder {
    encoding: &'static str,
    fatal: bool,
    ignore_bom: bool,
}

impl HostObject for TextDecoder {
    fn class(&self) -> &'static str {
        "TextDecoder"
    }

    fn methods(&self) -> &'static [&'static str] {
        &["decode"]
    }

    fn get(&self, _this: &Value, key: &str) -> Option<Result<Value, Throw>> {
        Some(Ok(match key {
            "encoding" => Value::str(self.encoding),
            "fatal" => Value::Bool(self.fatal),
            "ignoreBOM" => Value::Bool(self.ignore_bom),
            _ => return None,
        }))
    }

    fn call(&self, _this: &Value, name: &str, args: &[Value]) -> Option<Result<Value, Throw>> {
        (name == "decode").then(|| {
            let input = arg(args, 0);
            let data = match &input {
                Value::Undefined => Vec::new(),
                other => match bytes::view(other) {
                    Some(view) => view.to_vec(),
                    None => match bytes::array_buffer(other) {
                        Some(store) => store.borrow().clone(),
                        None => {
                            return Err(node_error(
                                "TypeError",
                                "ERR_INVALID_ARG_TYPE",
                                "The \"list\" argument must be an instance of SharedArrayBuffer, ArrayBuffer or ArrayBufferView.",
                            ));
                        }
                    },
                },
            };
            if self.encoding == "utf-16le" {
                let mut data = data.as_slice();
                if !self.ignore_bom && data.starts_with(&[0xff, 0xfe]) {
                    data = &data[2..];
                }
                let units: Vec<u16> = data
                    .chunks(2)
                    .map(|pair| match pair {
                        [low, high] => u16::from_le_bytes([*low, *high]),
                        _ => 0xfffd,
                    })
                    .collect();
                let text: String = char::decode_utf16(units.iter().copied())
                    .map(|c| c.unwrap_or('\u{FFFD}'))
                    .collect();
                return Ok(Value::str(&text));
            }
            let mut data = data.as_slice();
            if !self.ignore_bom && data.starts_with(&[0xef, 0xbb, 0xbf]) {
                data = &data[3..];
            }
            if self.fatal && std::str::from_utf8(data).is_err() {
                return Err(node_error(
                    "TypeError",
                    "ERR_ENCODING_INVALID_ENCODED_DATA",
                    "The encoded data was not valid for encoding utf-8",
                ));
            }
            Ok(Value::String(utf8_string(data)))
        })
    }

    fn inspect(&self, _this: &Value) -> String {
        format!(
            "TextDecoder {{ encoding: '{}', fatal: {}, ignoreBOM: {} }}",
            self.encoding, self.fatal, self.ignore_bom
        )
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}
