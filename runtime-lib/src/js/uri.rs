//! `encodeURIComponent`, `encodeURI`, `decodeURIComponent` and `decodeURI` (ECMA-262 §19.2.6),
//! over UTF-16 code units, with `URIError: URI malformed` on lone surrogates and bad escapes;
//! and Annex B's `escape`/`unescape`, which never throw.
//!
//! ```text
//! encodeURIComponent("a b&ü")   → "a%20b%26%C3%BC"
//! encodeURI("/a b?q=1#f")       → "/a%20b?q=1#f"
//! decodeURI("%41%2F")           → "A%2F"     (escapes of reserved characters stay encoded)
//! decodeURIComponent("%E0%A4")  → URIError: URI malformed
//! ```

use super::convert::to_string;
use super::error::Throw;
use super::string::JsString;
use super::value::Value;

/// Characters neither function escapes.
const UNRESERVED_MARKS: &str = "-_.!~*'()";
/// Characters `encodeURI` keeps and `decodeURI` does not decode.
const RESERVED: &str = ";/?:@&=+$,#";

fn malformed() -> Throw {
    Throw::error("URIError", "URI malformed")
}

/// Calls one of the four URI functions by name; `None` for any other name.
pub fn call(name: &str, args: &[Value]) -> Option<Result<Value, Throw>> {
    let input = || to_string(&args.first().cloned().unwrap_or_default());
    Some(match name {
        "encodeURIComponent" => input().and_then(|text| encode(&text, "")),
        "encodeURI" => input().and_then(|text| encode(&text, RESERVED)),
        "decodeURIComponent" => input().and_then(|text| decode(&text, "")),
        "decodeURI" => input().and_then(|text| decode(&text, RESERVED)),
        "escape" => input().map(|text| escape(&text)),
        "unescape" => input().map(|text| unescape(&text)),
        _ => return None,
    })
}

/// Annex B's `escape`: code units outside `A–Z a–z 0–9 @*_+-./` become `%XX` (below 256) or
/// `%uXXXX`, in upper-case hex. Old packages still call it (uuid's v3/v5 name encoding).
fn escape(text: &JsString) -> Value {
    let mut out = String::new();
    for unit in text.units().iter().copied() {
        match u8::try_from(unit) {
            Ok(byte) if byte.is_ascii_alphanumeric() || b"@*_+-./".contains(&byte) => {
                out.push(char::from(byte));
            }
            Ok(byte) => out.push_str(&format!("%{byte:02X}")),
            Err(_) => out.push_str(&format!("%u{unit:04X}")),
        }
    }
    Value::str(&out)
}

/// Annex B's `unescape`: `%uXXXX` and `%XX` become the code unit they name; anything else,
/// a malformed escape included, is kept as written.
fn unescape(text: &JsString) -> Value {
    let units = text.units();
    let hex = |range: &[u16]| -> Option<u16> {
        range.iter().try_fold(0u16, |value, unit| {
            let digit = char::from_u32(u32::from(*unit))?.to_digit(16)?;
            Some(value * 16 + digit as u16)
        })
    };
    let mut out: Vec<u16> = Vec::with_capacity(units.len());
    let mut index = 0;
    while index < units.len() {
        let unit = units[index];
        if unit == u16::from(b'%') {
            if units.get(index + 1) == Some(&u16::from(b'u'))
                && let Some(value) = units.get(index + 2..index + 6).and_then(hex)
            {
                out.push(value);
                index += 6;
                continue;
            }
            if let Some(value) = units.get(index + 1..index + 3).and_then(hex) {
                out.push(value);
                index += 3;
                continue;
            }
        }
        out.push(unit);
        index += 1;
    }
    Value::String(JsString::from_units(&out))
}

fn is_kept(unit: u16, extra: &str) -> bool {
    let Ok(byte) = u8::try_from(unit) else {
        return false;
    };
    let c = char::from(byte);
    c.is_ascii_alphanumeric() || UNRESERVED_MARKS.contains(c) || extra.contains(c)
}

/// The spec's Encode: UTF-8 escapes for everything outside the kept set.
fn encode(text: &JsString, extra: &str) -> Result<Value, Throw> {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let units = text.units();
    let mut out = String::with_capacity(units.len());
    let mut index = 0;
    while index < units.len() {
        let unit = units[index];
        index += 1;
        if is_kept(unit, extra) {
            out.push(char::from(unit as u8));
            continue;
        }
        let code_point = match unit {
            0xd800..=0xdbff => match units.get(index) {
                Some(&low @ 0xdc00..=0xdfff) => {
                    index += 1;
                    0x10000 + ((u32::from(unit) - 0xd800) << 10) + (u32::from(low) - 0xdc00)
                }
                _ => return Err(malformed()),
            },
            0xdc00..=0xdfff => return Err(malformed()),
            other => u32::from(other),
        };
        let c = char::from_u32(code_point).ok_or_else(malformed)?;
        let mut buffer = [0u8; 4];
        for byte in c.encode_utf8(&mut buffer).bytes() {
            out.push('%');
            out.push(char::from(HEX[usize::from(byte >> 4)]));
            out.push(char::from(HEX[usize::from(byte & 0xf)]));
        }
    }
    Ok(Value::str(&out))
}

fn hex_byte(units: &[u16], at: usize) -> Result<u8, Throw> {
    if units.get(at) != Some(&u16::from(b'%')) || at + 2 >= units.len() {
        return Err(malformed());
    }
    let digit = |unit: u16| {
        char::from_u32(u32::from(unit))
            .and_then(|c| c.to_digit(16))
            .ok_or_else(malformed)
    };
    Ok((digit(units[at + 1])? * 16 + digit(units[at + 2])?) as u8)
}

/// The spec's Decode: `%XX` escapes of UTF-8 sequences become code units, except escapes of
/// ASCII characters in `reserved`, which are copied as written.
fn decode(text: &JsString, reserved: &str) -> Result<Value, Throw> {
    let units = text.units();
    let mut out: Vec<u16> = Vec::with_capacity(units.len());
    let mut index = 0;
    while index < units.len() {
        let unit = units[index];
        if unit != u16::from(b'%') {
            out.push(unit);
            index += 1;
            continue;
        }
        let start = index;
        let first = hex_byte(&units, index)?;
        index += 3;
        if first < 0x80 {
            if reserved.contains(char::from(first)) {
                out.extend_from_slice(&units[start..index]);
            } else {
                out.push(u16::from(first));
            }
            continue;
        }
        let length = first.leading_ones() as usize;
        if !(2..=4).contains(&length) {
            return Err(malformed());
        }
        let mut bytes = vec![first];
        for _ in 1..length {
            let next = hex_byte(&units, index)?;
            if next & 0xc0 != 0x80 {
                return Err(malformed());
            }
            bytes.push(next);
            index += 3;
        }
        // `from_utf8` rejects overlong forms, surrogates and code points past U+10FFFF.
        let decoded = std::str::from_utf8(&bytes).map_err(|_| malformed())?;
        out.extend(decoded.encode_utf16());
    }
    Ok(Value::String(JsString::from_units(&out)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(name: &str, text: &str) -> String {
        match call(name, &[Value::str(text)]).unwrap() {
            Ok(value) => to_string(&value).unwrap().to_string(),
            Err(error) => format!("{:?}", error.value),
        }
    }

    #[test]
    fn encodes_and_decodes_like_node() {
        // node -e 'console.log(encodeURIComponent("a b&c=d/é😀~"), encodeURI("http://x/a b?q=ü#f"), decodeURI("%41%2F%20"))'
        assert_eq!(
            run("encodeURIComponent", "a b&c=d/é😀~"),
            "a%20b%26c%3Dd%2F%C3%A9%F0%9F%98%80~"
        );
        assert_eq!(
            run("encodeURI", "http://x/a b?q=ü#f"),
            "http://x/a%20b?q=%C3%BC#f"
        );
        assert_eq!(run("decodeURI", "%41%2F%20"), "A%2F ");
        assert_eq!(run("decodeURIComponent", "%F0%9F%98%80"), "😀");
    }

    #[test]
    fn malformed_input_is_a_uri_error() {
        for (name, text) in [
            ("decodeURIComponent", "%"),
            ("decodeURIComponent", "%E0%A4%A"),
            ("decodeURI", "%C0%80"),
            ("decodeURIComponent", "%ZZ"),
        ] {
            assert!(
                run(name, text).contains("URIError: URI malformed"),
                "{name}({text})"
            );
        }
        let lone = JsString::from_units(&[0xd800]);
        assert!(
            call("encodeURIComponent", &[Value::String(lone)])
                .unwrap()
                .is_err()
        );
    }
}
