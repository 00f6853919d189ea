//! The `BigInt` global (`BigInt(x)`, `BigInt.asIntN`, `BigInt.asUintN`) and the methods of
//! `BigInt.prototype` (`toString(radix)`, `toLocaleString()`, `valueOf()`).
//!
//! ```text
//! BigInt(" 0x1f ")        → 31n       BigInt(true) → 1n       BigInt("1.5") → SyntaxError
//! BigInt.asIntN(8, 255n)  → -1n       (255n).toString(16) → "ff"
//! new BigInt(1)           → TypeError: BigInt is not a constructor
//! ```
//!
//! The values and their arithmetic are `bigint.rs`.

use num_bigint::BigInt;

use super::bigint;
use super::convert::{to_number, to_primitive_number, to_string};
use super::error::Throw;
use super::number;
use super::value::Value;

/// ToBigInt: what `BigInt.asIntN`, typed arrays and `Buffer` writes accept (a number is a
/// TypeError here, unlike in `BigInt(x)`).
pub fn to_bigint(value: &Value) -> Result<BigInt, Throw> {
    let primitive = to_primitive_number(value)?;
    match &primitive {
        Value::BigInt(big) => Ok(big.as_ref().clone()),
        Value::Bool(flag) => Ok(BigInt::from(u8::from(*flag))),
        Value::String(text) => bigint::parse(&text.to_rust()).ok_or_else(|| {
            Throw::syntax_error(format!("Cannot convert {} to a BigInt", text.to_rust()))
        }),
        Value::Symbol(symbol) => Err(Throw::type_error(format!(
            "Cannot convert {} to a BigInt",
            super::symbol::descriptive_string(symbol)
        ))),
        other => Err(Throw::type_error(format!(
            "Cannot convert {} to a BigInt",
            to_string(other)?.to_rust()
        ))),
    }
}

/// `BigInt(value)`: an integral number converts, everything else goes through ToBigInt.
pub fn call(args: &[Value]) -> Result<Value, Throw> {
    let primitive = to_primitive_number(args.first().unwrap_or(&Value::Undefined))?;
    match primitive {
        Value::Number(number) => Ok(bigint::value(bigint::from_number(number)?)),
        other => Ok(bigint::value(to_bigint(&other)?)),
    }
}

/// `BigInt.asIntN` / `BigInt.asUintN`; `None` for other names.
pub fn call_static(name: &str, args: &[Value]) -> Option<Result<Value, Throw>> {
    let signed = match name {
        "asIntN" => true,
        "asUintN" => false,
        _ => return None,
    };
    Some((|| {
        let bits = to_index(args.first().unwrap_or(&Value::Undefined))?;
        let big = to_bigint(args.get(1).unwrap_or(&Value::Undefined))?;
        Ok(bigint::value(bigint::as_n_bits(bits, &big, signed)?))
    })())
}

/// ToIndex: an integer from 0 to 2^53 - 1.
fn to_index(value: &Value) -> Result<u64, Throw> {
    let index = number::to_integer(to_number(value)?);
    if !(0.0..=9_007_199_254_740_991.0).contains(&index) {
        return Err(Throw::range_error(
            "Invalid value: not (convertible to) a safe integer",
        ));
    }
    Ok(index as u64)
}

/// `big.name(...args)` for `BigInt.prototype`'s methods.
pub fn call_method(big: &BigInt, name: &str, args: &[Value]) -> Option<Result<Value, Throw>> {
    Some(match name {
        "toString" => (|| {
            let radix = match args.first() {
                None | Some(Value::Undefined) => 10.0,
                Some(other) => number::to_integer(to_number(other)?),
            };
            if !(2.0..=36.0).contains(&radix) {
                return Err(Throw::range_error(
                    "toString() radix argument must be between 2 and 36",
                ));
            }
            Ok(Value::str(&bigint::to_string_radix(big, radix as u32)))
        })(),
        #[cfg(feature = "intl")]
        "toLocaleString" if !args.is_empty() => {
            super::intl::bigint_to_locale_string(&bigint::value(big.clone()), args)
        }
        "toLocaleString" => Ok(Value::str(&bigint::to_locale_string(big))),
        "valueOf" => Ok(bigint::value(big.clone())),
        _ => return None,
    })
}
