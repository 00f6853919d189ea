//! `btoa` and `atob`: base64 over Latin-1 strings (HTML's forgiving-base64), with Node's
//! `InvalidCharacterError` for characters above U+00FF and malformed input.
//!
//! ```text
//! btoa("hello world")        → "aGVsbG8gd29ybGQ="
//! atob(" aGVs bG8= ")        → "hello"        (ASCII white space is ignored)
//! btoa("😀")                 → throws InvalidCharacterError: Invalid character
//! ```

use super::convert::to_string;
use super::error::{Throw, new_error};
use super::string::JsString;
use super::value::Value;

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

fn invalid(message: &str) -> Throw {
    Throw::new(new_error("InvalidCharacterError", message))
}

/// Calls `btoa` or `atob`; `None` for any other name.
pub fn call(name: &str, args: &[Value]) -> Option<Result<Value, Throw>> {
    if !matches!(name, "btoa" | "atob") {
        return None;
    }
    let Some(input) = args.first() else {
        return Some(Err(Throw::type_error(
            "The \"input\" argument must be specified",
        )));
    };
    Some(to_string(input).and_then(|text| match name {
        "btoa" => encode(&text),
        _ => decode(&text),
    }))
}

fn encode(text: &JsString) -> Result<Value, Throw> {
    let units = text.units();
    let mut bytes = Vec::with_capacity(units.len());
    for unit in units.iter() {
        bytes.push(u8::try_from(*unit).map_err(|_| invalid("Invalid character"))?);
    }
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let word = chunk.iter().enumerate().fold(0u32, |word, (index, byte)| {
            word | u32::from(*byte) << (16 - 8 * index)
        });
        for index in 0..4 {
            if index <= chunk.len() {
                out.push(char::from(
                    ALPHABET[(word >> (18 - 6 * index) & 0x3f) as usize],
                ));
            } else {
                out.push('=');
            }
        }
    }
    Ok(Value::str(&out))
}

fn decode(text: &JsString) -> Result<Value, Throw> {
    let units = text.units();
    let mut data: Vec<u8> = Vec::with_capacity(units.len());
    for unit in units.iter() {
        match u8::try_from(*unit) {
            Ok(b' ' | b'\t' | b'\n' | b'\x0c' | b'\r') => {}
            Ok(byte) if ALPHABET.contains(&byte) || byte == b'=' => data.push(byte),
            _ => return Err(invalid("Invalid character")),
        }
    }
    if data.len().is_multiple_of(4) {
        for _ in 0..2 {
            if data.last() == Some(&b'=') {
                data.pop();
            }
        }
    }
    if data.contains(&b'=') {
        return Err(invalid("Invalid character"));
    }
    if data.len() % 4 == 1 {
        return Err(invalid(
            "The string to be decoded is not correctly encoded.",
        ));
    }
    let mut out: Vec<u16> = Vec::with_capacity(data.len() * 3 / 4);
    let mut buffer = 0u32;
    let mut bits = 0;
    for byte in data {
        let value = ALPHABET.iter().position(|c| *c == byte).unwrap_or(0) as u32;
        buffer = buffer << 6 | value;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push(((buffer >> bits) & 0xff) as u16);
        }
    }
    Ok(Value::String(JsString::from_units(&out)))
}
