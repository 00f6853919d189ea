//! Numbers: printing and parsing exactly as JavaScript does.
//!
//! ```text
//! 1 → "1"    0.1 + 0.2 → "0.30000000000000004"    1e21 → "1e+21"    -0 → "0"
//! Number(" 12 ") → 12    Number("0x1f") → 31    Number("12px") → NaN    parseInt("12px") → 12
//! ```
//!
//! Printing uses `ryu-js`, which implements ECMAScript's Number::toString; parsing validates the
//! JS grammar by hand and leaves the (correctly rounded) conversion to Rust's `f64::from_str`.

/// `String(number)`.
pub fn to_string(number: f64) -> String {
    if number == 0.0 {
        return "0".to_string();
    }
    let mut buffer = ryu_js::Buffer::new();
    buffer.format(number).to_string()
}

/// The characters JavaScript's `trim` and `Number()` treat as white space or line terminators.
pub fn is_js_whitespace(c: char) -> bool {
    matches!(
        c,
        '\u{9}' | '\u{a}' | '\u{b}' | '\u{c}' | '\u{d}' | ' ' | '\u{a0}' | '\u{1680}' | '\u{2000}'
            ..='\u{200a}'
                | '\u{2028}'
                | '\u{2029}'
                | '\u{202f}'
                | '\u{205f}'
                | '\u{3000}'
                | '\u{feff}'
    )
}

/// `Number(text)` (StringToNumber).
pub fn parse_number(text: &str) -> f64 {
    let text = text.trim_matches(is_js_whitespace);
    if text.is_empty() {
        return 0.0;
    }
    for (prefix, radix) in [
        ("0x", 16),
        ("0X", 16),
        ("0o", 8),
        ("0O", 8),
        ("0b", 2),
        ("0B", 2),
    ] {
        if let Some(digits) = text.strip_prefix(prefix) {
            if digits.is_empty() || !digits.chars().all(|c| c.is_digit(radix)) {
                return f64::NAN;
            }
            return digits.chars().fold(0.0, |acc, c| {
                acc * f64::from(radix) + f64::from(c.to_digit(radix).unwrap_or(0))
            });
        }
    }
    match decimal_prefix(text) {
        Some((value, used)) if used == text.len() => value,
        _ => f64::NAN,
    }
}

/// The longest prefix of `text` that is a StrDecimalLiteral (with `Infinity`), and its length.
fn decimal_prefix(text: &str) -> Option<(f64, usize)> {
    let bytes = text.as_bytes();
    let mut end = 0;
    if matches!(bytes.first(), Some(b'+' | b'-')) {
        end = 1;
    }
    if text[end..].starts_with("Infinity") {
        let negative = bytes[0] == b'-';
        let value = if negative {
            f64::NEG_INFINITY
        } else {
            f64::INFINITY
        };
        return Some((value, end + 8));
    }
    let digits_start = end;
    while end < bytes.len() && bytes[end].is_ascii_digit() {
        end += 1;
    }
    let mut digits = end - digits_start;
    if end < bytes.len() && bytes[end] == b'.' {
        let dot = end;
        end += 1;
        while end < bytes.len() && bytes[end].is_ascii_digit() {
            end += 1;
        }
        digits += end - dot - 1;
        if digits == 0 {
            return None;
        }
    }
    if digits == 0 {
        return None;
    }
    if end < bytes.len() && (bytes[end] == b'e' || bytes[end] == b'E') {
        let mut exponent_end = end + 1;
        if matches!(bytes.get(exponent_end), Some(b'+' | b'-')) {
            exponent_end += 1;
        }
        let exponent_digits = exponent_end;
        while exponent_end < bytes.len() && bytes[exponent_end].is_ascii_digit() {
            exponent_end += 1;
        }
        if exponent_end > exponent_digits {
            end = exponent_end;
        }
    }
    let literal = &text[..end];
    let literal = literal.strip_prefix('+').unwrap_or(literal);
    literal.parse::<f64>().ok().map(|value| (value, end))
}

/// `parseFloat(text)`.
pub fn parse_float(text: &str) -> f64 {
    let text = text.trim_start_matches(is_js_whitespace);
    decimal_prefix(text).map_or(f64::NAN, |(value, _)| value)
}

/// `parseInt(text, radix)`; `radix` is already converted with ToInt32 (0 when absent).
pub fn parse_int(text: &str, radix: i32) -> f64 {
    let mut text = text.trim_start_matches(is_js_whitespace);
    let mut sign = 1.0;
    if let Some(rest) = text.strip_prefix('-') {
        sign = -1.0;
        text = rest;
    } else if let Some(rest) = text.strip_prefix('+') {
        text = rest;
    }
    let mut radix = radix;
    let mut strip_prefix = true;
    if radix != 0 {
        if !(2..=36).contains(&radix) {
            return f64::NAN;
        }
        if radix != 16 {
            strip_prefix = false;
        }
    } else {
        radix = 10;
    }
    if strip_prefix && let Some(rest) = text.strip_prefix("0x").or_else(|| text.strip_prefix("0X"))
    {
        text = rest;
        radix = 16;
    }
    let radix = radix as u32;
    let digits: &str = &text[..text
        .find(|c: char| !c.is_digit(radix))
        .unwrap_or(text.len())];
    if digits.is_empty() {
        return f64::NAN;
    }
    let magnitude = if radix == 10 {
        digits.parse::<f64>().unwrap_or(f64::NAN)
    } else {
        digits.chars().fold(0.0, |acc, c| {
            acc * f64::from(radix) + f64::from(c.to_digit(radix).unwrap_or(0))
        })
    };
    sign * magnitude
}

/// ToInt32.
pub fn to_int32(number: f64) -> i32 {
    to_uint32(number) as i32
}

/// ToUint32.
pub fn to_uint32(number: f64) -> u32 {
    if !number.is_finite() {
        return 0;
    }
    let truncated = number.trunc();
    truncated.rem_euclid(4_294_967_296.0) as u32
}

/// ToIntegerOrInfinity.
pub fn to_integer(number: f64) -> f64 {
    if number.is_nan() { 0.0 } else { number.trunc() }
}

/// `number.toString(radix)` for radix ≠ 10 (integers exactly; fractions to 20 digits).
pub fn to_string_radix(number: f64, radix: u32) -> String {
    if !number.is_finite() || radix == 10 {
        return to_string(number);
    }
    let negative = number < 0.0;
    let mut integer = number.abs().trunc();
    let mut fraction = number.abs() - integer;
    let mut digits = Vec::new();
    if integer == 0.0 {
        digits.push('0');
    }
    while integer >= 1.0 {
        let digit = (integer % f64::from(radix)) as u32;
        digits.push(char::from_digit(digit, radix).unwrap_or('0'));
        integer = (integer / f64::from(radix)).trunc();
    }
    digits.reverse();
    let mut text: String = digits.into_iter().collect();
    if fraction > 0.0 {
        text.push('.');
        for _ in 0..20 {
            fraction *= f64::from(radix);
            let digit = fraction.trunc() as u32;
            text.push(char::from_digit(digit, radix).unwrap_or('0'));
            fraction -= fraction.trunc();
            if fraction == 0.0 {
                break;
            }
        }
    }
    if negative { format!("-{text}") } else { text }
}

/// `number.toFixed(digits)` for `|number| < 1e21`: rounds half away from zero on the exact
/// binary value, as the spec's "pick the larger n" does.
pub fn to_fixed(number: f64, digits: usize) -> String {
    if !number.is_finite() || number.abs() >= 1e21 {
        return to_string(number);
    }
    // Rust prints the exact binary value rounded half-to-even; ties are only possible when the
    // exact value has a 5 right after the last kept digit and nothing after it.
    let exact = format!("{:.*}", digits + 30, number.abs());
    let (kept, rest) = exact.split_at(exact.len() - 30);
    let mut text = kept.to_string();
    if rest.starts_with('5') || rest.as_bytes()[0] > b'5' {
        text = round_up_decimal(&text);
    }
    let text = text.trim_end_matches('.').to_string();
    if number < 0.0 {
        format!("-{text}")
    } else {
        text
    }
}

/// Adds one unit in the last place of a decimal string.
fn round_up_decimal(text: &str) -> String {
    let mut bytes = text.as_bytes().to_vec();
    let mut index = bytes.len();
    loop {
        if index == 0 {
            bytes.insert(0, b'1');
            break;
        }
        index -= 1;
        match bytes[index] {
            b'.' => continue,
            b'9' => bytes[index] = b'0',
            digit => {
                bytes[index] = digit + 1;
                break;
            }
        }
    }
    String::from_utf8(bytes).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prints_like_node() {
        // node -e 'console.log([1, 0.1+0.2, 1e21, -0, 123e-20, 5e-7, 2**53, -1.5].map(String))'
        let cases = [
            (1.0, "1"),
            (0.1 + 0.2, "0.30000000000000004"),
            (1e21, "1e+21"),
            (-0.0, "0"),
            (123e-20, "1.23e-18"),
            (5e-7, "5e-7"),
            (9007199254740992.0, "9007199254740992"),
            (-1.5, "-1.5"),
            (f64::NAN, "NaN"),
            (f64::NEG_INFINITY, "-Infinity"),
        ];
        for (number, expected) in cases {
            assert_eq!(to_string(number), expected);
        }
    }

    #[test]
    fn parses_like_node() {
        // node -e 'console.log([" 12 ", "0x1f", "12px", "", "1e3", ".5", "5.", "inf", "-Infinity"].map(Number))'
        // → [ 12, 31, NaN, 0, 1000, 0.5, 5, NaN, -Infinity ]
        assert_eq!(parse_number(" 12 "), 12.0);
        assert_eq!(parse_number("0x1f"), 31.0);
        assert!(parse_number("12px").is_nan());
        assert_eq!(parse_number(""), 0.0);
        assert_eq!(parse_number("1e3"), 1000.0);
        assert_eq!(parse_number(".5"), 0.5);
        assert_eq!(parse_number("5."), 5.0);
        assert!(parse_number("inf").is_nan());
        assert_eq!(parse_number("-Infinity"), f64::NEG_INFINITY);
        // node -e 'console.log(parseInt("12px"), parseInt("0x1f"), parseInt(" -7.9"), parseInt("z", 36), parseInt("abc"))'
        // → 12 31 -7 35 NaN
        assert_eq!(parse_int("12px", 0), 12.0);
        assert_eq!(parse_int("0x1f", 0), 31.0);
        assert_eq!(parse_int(" -7.9", 0), -7.0);
        assert_eq!(parse_int("z", 36), 35.0);
        assert!(parse_int("abc", 10).is_nan());
        // node -e 'console.log(parseFloat("2.5abc"), parseFloat("  -1e3x"))' → 2.5 -1000
        assert_eq!(parse_float("2.5abc"), 2.5);
        assert_eq!(parse_float("  -1e3x"), -1000.0);
    }

    #[test]
    fn to_fixed_rounds_like_node() {
        // node -e 'console.log((2.5).toFixed(0), (1.005).toFixed(2), (1.45).toFixed(1), (-0.0001).toFixed(2), (123.456).toFixed(1))'
        // → 3 1.00 1.4 -0.00 123.5
        assert_eq!(to_fixed(2.5, 0), "3");
        assert_eq!(to_fixed(1.005, 2), "1.00");
        assert_eq!(to_fixed(1.45, 1), "1.4");
        assert_eq!(to_fixed(123.456, 1), "123.5");
        assert_eq!(to_fixed(-0.0001, 2), "-0.00");
    }
}
