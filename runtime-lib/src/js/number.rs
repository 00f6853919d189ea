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
    let mut text = String::new();
    write(number, &mut text);
    text
}

/// Appends `String(number)` to `out` without allocating (`JSON.stringify` writes every number
/// of a document this way).
pub fn write(number: f64, out: &mut String) {
    if number == 0.0 {
        out.push('0');
        return;
    }
    // Integers below 2^53 print as their exact decimal digits in JS: no need for the
    // shortest-round-trip search.
    if number.fract() == 0.0 && number.abs() < 9_007_199_254_740_992.0 {
        write_integer(number as i64, out);
        return;
    }
    let mut buffer = ryu_js::Buffer::new();
    out.push_str(buffer.format(number));
}

/// Appends the decimal digits of `integer` (|integer| < 2^53), with a `-` if negative.
fn write_integer(integer: i64, out: &mut String) {
    out.push_str(decimal_digits(
        integer.unsigned_abs(),
        integer < 0,
        1,
        &mut [0; 24],
    ));
}

/// The decimal digits of `value`, zero-padded to at least `width` (at most 20) digits and led
/// by `-` when `negative`, written from the end of `buffer`: integers printed without
/// `core::fmt` (numbers in JSON, date fields, log fields).
pub fn decimal_digits(value: u64, negative: bool, width: usize, buffer: &mut [u8; 24]) -> &str {
    let mut start = buffer.len();
    let mut rest = value;
    loop {
        start -= 1;
        buffer[start] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    while buffer.len() - start < width.min(20) {
        start -= 1;
        buffer[start] = b'0';
    }
    if negative {
        start -= 1;
        buffer[start] = b'-';
    }
    std::str::from_utf8(&buffer[start..]).unwrap_or_default()
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

/// `number.toString(radix)` for radix ≠ 10, as V8's `DoubleToRadixCString` computes it: fraction
/// digits only up to the double's precision (rounding the last one half to even), integer
/// digits beyond 2^53 filled with zeros.
pub fn to_string_radix(number: f64, radix: u32) -> String {
    if !number.is_finite() || radix == 10 {
        return to_string(number);
    }
    let digit_char = |digit: u32| char::from_digit(digit, radix).unwrap_or('0');
    let base = f64::from(radix);
    let negative = number < 0.0;
    let value = number.abs();
    let mut integer = value.floor();
    let mut fraction = value - integer;
    let next_up = f64::from_bits(value.to_bits() + 1);
    let mut delta = (0.5 * (next_up - value)).max(f64::from_bits(1));
    let mut fraction_digits: Vec<u32> = Vec::new();
    if fraction >= delta {
        loop {
            fraction *= base;
            delta *= base;
            let digit = fraction as u32;
            fraction_digits.push(digit);
            fraction -= f64::from(digit);
            if (fraction > 0.5 || (fraction == 0.5 && digit & 1 == 1)) && fraction + delta > 1.0 {
                // Round up, carrying through the digits already written.
                loop {
                    match fraction_digits.pop() {
                        None => {
                            integer += 1.0;
                            break;
                        }
                        Some(last) if last + 1 < radix => {
                            fraction_digits.push(last + 1);
                            break;
                        }
                        Some(_) => {}
                    }
                }
                break;
            }
            if fraction < delta {
                break;
            }
        }
    }
    // Integer digits: zeros for the places a double cannot represent, then exact digits.
    let mut integer_digits: Vec<char> = Vec::new();
    while exponent(integer / base) > 0 {
        integer /= base;
        integer_digits.push('0');
    }
    loop {
        let remainder = integer % base;
        integer_digits.push(digit_char(remainder as u32));
        integer = (integer - remainder) / base;
        if integer <= 0.0 {
            break;
        }
    }
    let mut text = String::new();
    if negative {
        text.push('-');
    }
    text.extend(integer_digits.iter().rev());
    if !fraction_digits.is_empty() {
        text.push('.');
        text.extend(fraction_digits.into_iter().map(digit_char));
    }
    text
}

/// The binary exponent of `value` as double-conversion's `Double::Exponent` defines it (the
/// power of two of the 53-bit integer significand): positive once `value >= 2^53`.
fn exponent(value: f64) -> i64 {
    let biased = ((value.to_bits() >> 52) & 0x7ff) as i64;
    if biased == 0 { -1074 } else { biased - 1075 }
}

/// The first `count` significant decimal digits of `|number|` (finite, non-zero), rounded half
/// up on the exact binary value as V8's precision mode does, with the decimal exponent of the
/// first digit.
fn significant_digits(number: f64, count: usize) -> (Vec<u8>, i32) {
    // Thirty more digits than needed: the first of them decides the rounding (a tie rounds up,
    // and so does anything above it), whatever follows.
    let exact = format!("{:.*e}", count - 1 + 30, number.abs());
    let (mantissa, exponent) = exact.split_once('e').unwrap_or((&exact, "0"));
    let mut exponent: i32 = exponent.parse().unwrap_or(0);
    let all: Vec<u8> = mantissa.bytes().filter(u8::is_ascii_digit).collect();
    let mut digits = all[..count].to_vec();
    if all[count] >= b'5' {
        let mut index = count;
        loop {
            if index == 0 {
                digits.insert(0, b'1');
                digits.pop();
                exponent += 1;
                break;
            }
            index -= 1;
            if digits[index] == b'9' {
                digits[index] = b'0';
            } else {
                digits[index] += 1;
                break;
            }
        }
    }
    (digits, exponent)
}

fn exponent_suffix(exponent: i32) -> String {
    if exponent < 0 {
        format!("e-{}", -exponent)
    } else {
        format!("e+{exponent}")
    }
}

/// `number.toExponential(fraction_digits)` for a finite number; `None` digits means as many as
/// it takes to identify the number.
pub fn to_exponential(number: f64, fraction_digits: Option<usize>) -> String {
    let sign = if number < 0.0 { "-" } else { "" };
    let (digits, exponent) = if number == 0.0 {
        (vec![b'0'; fraction_digits.unwrap_or(0) + 1], 0)
    } else {
        match fraction_digits {
            Some(count) => significant_digits(number, count + 1),
            None => {
                // Rust's `{:e}` prints the shortest digits that round-trip, as JS does.
                let shortest = format!("{:e}", number.abs());
                let (mantissa, exponent) = shortest.split_once('e').unwrap_or((&shortest, "0"));
                (
                    mantissa.bytes().filter(u8::is_ascii_digit).collect(),
                    exponent.parse().unwrap_or(0),
                )
            }
        }
    };
    let mut text = String::from(sign);
    text.push(char::from(digits[0]));
    if digits.len() > 1 {
        text.push('.');
        text.extend(digits[1..].iter().map(|digit| char::from(*digit)));
    }
    text + &exponent_suffix(exponent)
}

/// `number.toPrecision(precision)` for a finite number and `1 <= precision <= 100`.
pub fn to_precision(number: f64, precision: usize) -> String {
    let sign = if number < 0.0 { "-" } else { "" };
    let (digits, exponent) = if number == 0.0 {
        (vec![b'0'; precision], 0)
    } else {
        significant_digits(number, precision)
    };
    let digits: String = digits.into_iter().map(char::from).collect();
    let body = if exponent < -6 || exponent >= precision as i32 {
        let mut text = digits[..1].to_string();
        if precision > 1 {
            text.push('.');
            text.push_str(&digits[1..]);
        }
        text + &exponent_suffix(exponent)
    } else if exponent >= 0 {
        let point = exponent as usize + 1;
        if point == precision {
            digits
        } else {
            format!("{}.{}", &digits[..point], &digits[point..])
        }
    } else {
        format!("0.{}{digits}", "0".repeat((-exponent - 1) as usize))
    };
    format!("{sign}{body}")
}

/// `number.toLocaleString()` in en-US, as ICU formats it: at most three fraction digits,
/// rounded half away from zero on the shortest decimal form, integer digits grouped by three.
pub fn to_locale_string(number: f64) -> String {
    if number.is_nan() {
        return "NaN".to_string();
    }
    let sign = if number.is_sign_negative() { "-" } else { "" };
    if number.is_infinite() {
        return format!("{sign}∞");
    }
    // The shortest digits and the position of the decimal point among them.
    let shortest = format!("{:e}", number.abs());
    let (mantissa, exponent) = shortest.split_once('e').unwrap_or((&shortest, "0"));
    let mut digits: Vec<u8> = mantissa.bytes().filter(u8::is_ascii_digit).collect();
    let mut point = exponent.parse::<i64>().unwrap_or(0) + 1;
    if point <= 0 {
        let mut padded = vec![b'0'; (1 - point) as usize];
        padded.extend(digits);
        digits = padded;
        point = 1;
    }
    let mut point = point as usize;
    if digits.len() < point {
        digits.resize(point, b'0');
    }
    let keep = point + 3;
    if digits.len() > keep {
        let round_up = digits[keep] >= b'5';
        digits.truncate(keep);
        if round_up {
            let mut index = keep;
            loop {
                if index == 0 {
                    digits.insert(0, b'1');
                    point += 1;
                    break;
                }
                index -= 1;
                if digits[index] == b'9' {
                    digits[index] = b'0';
                } else {
                    digits[index] += 1;
                    break;
                }
            }
        }
    }
    let (integer, fraction) = digits.split_at(point);
    let integer: String = integer.iter().map(|digit| char::from(*digit)).collect();
    let fraction: String = fraction.iter().map(|digit| char::from(*digit)).collect();
    let fraction = fraction.trim_end_matches('0');
    let integer = integer.trim_start_matches('0');
    let integer = if integer.is_empty() { "0" } else { integer };
    let mut grouped = String::with_capacity(integer.len() + integer.len() / 3);
    for (index, digit) in integer.chars().enumerate() {
        if index > 0 && (integer.len() - index) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    if fraction.is_empty() {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped}.{fraction}")
    }
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
    fn integers_print_as_the_shortest_round_trip_does() {
        let edge = 9_007_199_254_740_992.0_f64;
        let mut cases = vec![edge - 1.0, -(edge - 1.0), edge, 1e15, 123_456_789.0, -42.0];
        cases.extend((-1000..1000).map(f64::from));
        for number in cases {
            let mut buffer = ryu_js::Buffer::new();
            let expected = if number == 0.0 {
                "0"
            } else {
                buffer.format(number)
            };
            assert_eq!(to_string(number), expected, "{number}");
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
    fn radix_strings_match_node() {
        // node -e 'console.log(JSON.stringify([(255).toString(16), (0.1).toString(3), (3.75).toString(16),
        //   (1e21).toString(36), (2**53).toString(32), (0.5).toString(2), (-0).toString(16),
        //   (Math.PI).toString(7), (1/3).toString(2)]))'
        let cases = [
            (255.0, 16, "ff"),
            (0.1, 3, "0.0022002200220022002200220022002201"),
            (3.75, 16, "3.c"),
            (1e21, 36, "5v1j4f4ds7c000"),
            (9007199254740992.0, 32, "80000000000"),
            (0.5, 2, "0.1"),
            (-0.0, 16, "0"),
            (std::f64::consts::PI, 7, "3.066365143203613411"),
            (
                1.0 / 3.0,
                2,
                "0.010101010101010101010101010101010101010101010101010101",
            ),
        ];
        for (number, radix, expected) in cases {
            assert_eq!(
                to_string_radix(number, radix),
                expected,
                "{number} in {radix}"
            );
        }
    }

    #[test]
    fn exponential_and_precision_match_node() {
        // node -e 'console.log(JSON.stringify([(123456).toExponential(2), (0.00015).toExponential(1),
        //   (1).toExponential(), (0).toExponential(3), (-12.5).toExponential(0),
        //   (123.456).toExponential(), (0.125).toExponential(1)]))'
        let exponential = [
            (123456.0, Some(2), "1.23e+5"),
            (0.00015, Some(1), "1.5e-4"),
            (1.0, None, "1e+0"),
            (0.0, Some(3), "0.000e+0"),
            (-12.5, Some(0), "-1e+1"),
            (123.456, None, "1.23456e+2"),
            (0.125, Some(1), "1.3e-1"),
        ];
        for (number, digits, expected) in exponential {
            assert_eq!(to_exponential(number, digits), expected);
        }
        // node -e 'console.log(JSON.stringify([(123.456).toPrecision(4), (0.000123).toPrecision(2),
        //   (123456).toPrecision(2), (2.5).toPrecision(1), (1e21).toPrecision(3), (99.99).toPrecision(3),
        //   (0).toPrecision(3), (-1.005).toPrecision(3), (1e-7).toPrecision(2), (0.000001).toPrecision(1)]))'
        let precision = [
            (123.456, 4, "123.5"),
            (0.000123, 2, "0.00012"),
            (123456.0, 2, "1.2e+5"),
            (2.5, 1, "3"),
            (1e21, 3, "1.00e+21"),
            (99.99, 3, "100"),
            (0.0, 3, "0.00"),
            (-1.005, 3, "-1.00"),
            (1e-7, 2, "1.0e-7"),
            (0.000001, 1, "0.000001"),
        ];
        for (number, digits, expected) in precision {
            assert_eq!(to_precision(number, digits), expected);
        }
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
