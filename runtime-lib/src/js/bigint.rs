//! `BigInt` values: arbitrary-precision integers (`num-bigint`) with ECMAScript's operators,
//! conversions and V8's error messages.
//!
//! ```text
//! 2n ** 64n           → 18446744073709551616n      -7n / 2n → -3n (truncates)
//! -5n >> 1n           → -3n (floors, two's complement)
//! 1n + 1              → TypeError: Cannot mix BigInt and other types, use explicit conversions
//! BigInt("0x1f")      → 31n        BigInt(1.5) → RangeError: The number 1.5 cannot be …
//! 1n == "1", 2n > 1.5 → true       (exact comparison across types, no rounding)
//! ```
//!
//! The operators' number paths stay inline in `operators.rs`; a BigInt operand only ever reaches
//! the out-of-line coercion paths, which call [`binary`] and [`compare_mixed`] here. The
//! `BigInt` global and `BigInt.prototype`'s methods are `bigint_global.rs`. Sizes are capped as
//! V8 caps them (2^30 bits), so `1n << 10n ** 10n` is V8's RangeError, not an allocation failure.

use std::cmp::Ordering;
use std::rc::Rc;

use num_bigint::BigInt;
use num_traits::{FromPrimitive, One, Signed, ToPrimitive, Zero};

use super::error::Throw;
use super::value::Value;

/// V8's largest BigInt, in bits (`BigInt::kMaxLengthBits`).
const MAX_BITS: u64 = 1 << 30;

/// A BigInt value.
pub fn value(big: BigInt) -> Value {
    Value::BigInt(Rc::new(big))
}

/// A BigInt literal of compiled code (`123n`, `0x1fn`), given as its decimal digits.
pub fn literal(decimal: &str) -> Value {
    value(BigInt::parse_bytes(decimal.as_bytes(), 10).unwrap_or_default())
}

/// `Cannot mix BigInt and other types`: an arithmetic operator with a BigInt and a number.
pub fn mix_error() -> Throw {
    Throw::type_error("Cannot mix BigInt and other types, use explicit conversions")
}

/// ToNumber of a BigInt (`+1n`, `Math.floor(1n)`, `isNaN(1n)`).
pub fn to_number_error() -> Throw {
    Throw::type_error("Cannot convert a BigInt value to a number")
}

fn size_error() -> Throw {
    Throw::range_error("Maximum BigInt size exceeded")
}

/// The binary operators that BigInts support.
#[derive(Clone, Copy)]
pub enum Op {
    Add,
    Sub,
    Mul,
    Div,
    Rem,
    Pow,
    BitAnd,
    BitOr,
    BitXor,
    Shl,
    Shr,
    Ushr,
}

/// `a op b` of two BigInts.
pub fn binary(op: Op, a: &BigInt, b: &BigInt) -> Result<Value, Throw> {
    let result = match op {
        Op::Add => a + b,
        Op::Sub => a - b,
        Op::Mul => {
            if a.bits() + b.bits() > MAX_BITS {
                return Err(size_error());
            }
            a * b
        }
        // num-bigint's `/` and `%` truncate toward zero, as ECMAScript's do.
        Op::Div | Op::Rem if b.is_zero() => return Err(Throw::range_error("Division by zero")),
        Op::Div => a / b,
        Op::Rem => a % b,
        Op::Pow => power(a, b)?,
        // num-bigint's bitwise operators on signed values are two's complement, as the spec's.
        Op::BitAnd => a & b,
        Op::BitOr => a | b,
        Op::BitXor => a ^ b,
        Op::Shl => shift_left(a, b)?,
        Op::Shr => shift_left(a, &-b)?,
        Op::Ushr => {
            return Err(Throw::type_error(
                "BigInts have no unsigned right shift, use >> instead",
            ));
        }
    };
    Ok(value(result))
}

fn power(base: &BigInt, exponent: &BigInt) -> Result<BigInt, Throw> {
    if exponent.is_negative() {
        // V8 20's message, word for word.
        return Err(Throw::range_error("undefined must be positive"));
    }
    if exponent.is_zero() {
        return Ok(BigInt::one());
    }
    if base.is_zero() || base.is_one() {
        return Ok(base.clone());
    }
    if *base == BigInt::from(-1) {
        return Ok(if exponent.bit(0) {
            base.clone()
        } else {
            BigInt::one()
        });
    }
    let exponent = exponent
        .to_u64()
        .filter(|e| base.bits().saturating_sub(1).saturating_mul(*e) < MAX_BITS)
        .ok_or_else(size_error)?;
    let exponent = u32::try_from(exponent).map_err(|_| size_error())?;
    Ok(num_traits::pow::Pow::pow(base, exponent))
}

/// `a << b`; a negative `b` shifts right, flooring (`-5n >> 1n` is `-3n`).
fn shift_left(a: &BigInt, b: &BigInt) -> Result<BigInt, Throw> {
    if a.is_zero() {
        return Ok(BigInt::zero());
    }
    if b.is_negative() {
        let Some(amount) = b.magnitude().to_u64().filter(|amount| *amount < a.bits()) else {
            return Ok(if a.is_negative() {
                BigInt::from(-1)
            } else {
                BigInt::zero()
            });
        };
        return Ok(a >> amount);
    }
    let amount = b
        .to_u64()
        .filter(|amount| a.bits() + amount <= MAX_BITS)
        .ok_or_else(size_error)?;
    Ok(a << amount)
}

/// `-a`.
pub fn negate(a: &BigInt) -> Value {
    value(-a)
}

/// `~a`.
pub fn bit_not(a: &BigInt) -> Value {
    value(-a - 1)
}

/// `a ± 1` (`++`/`--`).
pub fn step(a: &BigInt, delta: f64) -> Value {
    value(if delta > 0.0 { a + 1 } else { a - 1 })
}

/// The Number nearest a BigInt (`Number(2n ** 64n)`), infinite past the largest double.
pub fn to_f64(a: &BigInt) -> f64 {
    a.to_f64().unwrap_or(if a.is_negative() {
        f64::NEG_INFINITY
    } else {
        f64::INFINITY
    })
}

/// A BigInt from an integral number (`BigInt(2 ** 53)`), V8's RangeError for any other.
pub fn from_number(number: f64) -> Result<BigInt, Throw> {
    if number.is_finite() && number.trunc() == number {
        return Ok(BigInt::from_f64(number).unwrap_or_default());
    }
    Err(Throw::range_error(format!(
        "The number {} cannot be converted to a BigInt because it is not an integer",
        super::number::to_string(number)
    )))
}

/// StringToBigInt: optional whitespace around decimal digits with an optional sign, or
/// `0x`/`0o`/`0b` digits without one; the empty string is `0n`. `None` for anything else
/// (`"1.5"`, `"1e3"`, `"1_000"`, `"-0x1"`).
pub fn parse(text: &str) -> Option<BigInt> {
    let text = text.trim_matches(super::number::is_js_whitespace);
    if text.is_empty() {
        return Some(BigInt::zero());
    }
    let bytes = text.as_bytes();
    let radix = match bytes {
        [b'0', b'x' | b'X', ..] => 16,
        [b'0', b'o' | b'O', ..] => 8,
        [b'0', b'b' | b'B', ..] => 2,
        _ => 10,
    };
    let (negative, digits) = if radix == 10 {
        match bytes[0] {
            b'-' => (true, &text[1..]),
            b'+' => (false, &text[1..]),
            _ => (false, text),
        }
    } else {
        (false, &text[2..])
    };
    if digits.is_empty() || !digits.chars().all(|c| c.is_digit(radix)) {
        return None;
    }
    let magnitude = BigInt::parse_bytes(digits.as_bytes(), radix)?;
    Some(if negative { -magnitude } else { magnitude })
}

/// How a BigInt compares with a number: exactly, `None` against NaN.
pub fn compare_number(a: &BigInt, number: f64) -> Option<Ordering> {
    if number.is_nan() {
        return None;
    }
    if number.is_infinite() {
        return Some(if number > 0.0 {
            Ordering::Less
        } else {
            Ordering::Greater
        });
    }
    let floor = BigInt::from_f64(number.floor()).unwrap_or_default();
    Some(match a.cmp(&floor) {
        // Equal to the floor of a fraction is below the fraction.
        Ordering::Equal if number.fract() != 0.0 => Ordering::Less,
        order => order,
    })
}

/// `a < b` where one primitive side is a BigInt and the other a BigInt, number or string (a
/// string that is not an integer makes the comparison undefined); `None` when neither is one.
pub fn less_than(a: &Value, b: &Value) -> Option<Option<bool>> {
    let order = match (a, b) {
        (Value::BigInt(x), Value::BigInt(y)) => Some(x.cmp(y)),
        (Value::BigInt(x), Value::String(text)) => {
            parse(&text.to_rust()).map(|y| x.as_ref().cmp(&y))
        }
        (Value::String(text), Value::BigInt(y)) => parse(&text.to_rust()).map(|x| x.cmp(y)),
        (Value::BigInt(x), other) => compare_number(x, number_side(other)?),
        (other, Value::BigInt(y)) => compare_number(y, number_side(other)?).map(Ordering::reverse),
        _ => return None,
    };
    Some(order.map(|order| order == Ordering::Less))
}

/// The number a non-BigInt primitive compares as (booleans, null, undefined, numbers).
fn number_side(value: &Value) -> Option<f64> {
    Some(match value {
        Value::Number(number) => *number,
        Value::Bool(flag) => f64::from(u8::from(*flag)),
        Value::Null => 0.0,
        Value::Undefined => f64::NAN,
        _ => return None,
    })
}

/// `a == b` for a BigInt and a number or string primitive (`1n == 1`, `1n == "1"`).
pub fn loosely_equals(big: &BigInt, other: &Value) -> bool {
    match other {
        Value::BigInt(other) => big == other.as_ref(),
        Value::Number(number) => compare_number(big, *number) == Some(Ordering::Equal),
        Value::String(text) => parse(&text.to_rust()).is_some_and(|other| *big == other),
        _ => false,
    }
}

/// `toString(radix)`: lower-case digits and a leading `-`, as V8.
pub fn to_string_radix(big: &BigInt, radix: u32) -> String {
    big.to_str_radix(radix)
}

/// `toLocaleString()` in the `en` locale: groups of three digits (`1,234,567`).
pub fn to_locale_string(big: &BigInt) -> String {
    let digits = big.magnitude().to_string();
    let mut out = String::with_capacity(digits.len() * 4 / 3 + 1);
    if big.is_negative() {
        out.push('-');
    }
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

/// `BigInt.asIntN(bits, big)` (`signed`) and `BigInt.asUintN(bits, big)`: `big` modulo
/// `2^bits`, read as two's complement when signed.
pub fn as_n_bits(bits: u64, big: &BigInt, signed: bool) -> Result<BigInt, Throw> {
    if bits == 0 {
        return Ok(BigInt::zero());
    }
    // A value that already fits comes back as it is, whatever the width.
    let fits = if signed {
        big.bits() < bits
    } else {
        !big.is_negative() && big.bits() <= bits
    };
    if fits {
        return Ok(big.clone());
    }
    if bits > MAX_BITS {
        return Err(size_error());
    }
    let modulus = BigInt::one() << bits;
    let mut rest = big % &modulus;
    if rest.is_negative() {
        rest += &modulus;
    }
    if signed && rest.bit(bits - 1) {
        rest -= &modulus;
    }
    Ok(rest)
}

/// The 64-bit two's-complement pattern of a BigInt, as typed arrays, `DataView` and `Buffer`
/// store it (`BigInt.asUintN(64, big)`).
pub fn to_u64_wrapping(big: &BigInt) -> u64 {
    as_n_bits(64, big, false)
        .ok()
        .and_then(|low| low.to_u64())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bigint_does_not_widen_value() {
        // Number paths move `Value`s by the million; the BigInt variant must not widen them:
        // a value is as large as a string, its largest payload, whose niche holds the tag.
        assert_eq!(
            std::mem::size_of::<Value>(),
            std::mem::size_of::<super::super::string::JsString>()
        );
    }

    #[test]
    fn shifts_floor_and_sizes_are_capped_as_in_v8() {
        let shr = |a: i64, b: i64| match binary(Op::Shr, &BigInt::from(a), &BigInt::from(b)) {
            Ok(Value::BigInt(big)) => big.to_string(),
            _ => "error".to_string(),
        };
        // Node: -5n >> 1n === -3n, -1n >> 1000n === -1n, 1n >> 1000n === 0n, 7n >> -2n === 28n.
        assert_eq!(shr(-5, 1), "-3");
        assert_eq!(shr(-1, 1000), "-1");
        assert_eq!(shr(1, 1000), "0");
        assert_eq!(shr(7, -2), "28");
        assert!(binary(Op::Shl, &BigInt::from(1), &BigInt::from(1u64 << 31)).is_err());
    }

    #[test]
    fn string_to_bigint_follows_the_spec_grammar() {
        let parsed = |text: &str| parse(text).map(|big| big.to_string());
        assert_eq!(parsed(" 0x1f "), Some("31".to_string()));
        assert_eq!(parsed(""), Some("0".to_string()));
        assert_eq!(parsed("-12"), Some("-12".to_string()));
        assert_eq!(parsed("-0x1"), None);
        assert_eq!(parsed("1_000"), None);
        assert_eq!(parsed("0b"), None);
    }
}
