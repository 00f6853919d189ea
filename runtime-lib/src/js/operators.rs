//! Operators with JavaScript's coercions.
//!
//! ```text
//! a + b     → rt::add(&a, &b)?          1 + "2" → "12",  [1] + 1 → "11",  null + 1 → 1
//! a === b   → rt::strict_eq(&a, &b)     NaN === NaN → false
//! a == b    → rt::loose_eq(&a, &b)?     null == undefined → true,  "1" == 1 → true
//! a < b     → rt::lt(&a, &b)?           "10" < "9" → true (string order),  "10" < 9 → false
//! ```

use std::rc::Rc;

use super::bigint;
use super::convert::{to_number, to_primitive, to_primitive_number, to_string, truthy, type_of};
use super::error::Throw;
use super::number::{to_int32, to_uint32};
use super::value::{ObjectKind, Value};

/// `a + b`. Number + number is inlined into compiled code (as are the other operators' number
/// cases), so a temporary `Value::Number` operand is seen to need no drop; coercions and
/// concatenation are [`add_general`].
#[inline(always)]
pub fn add(a: &Value, b: &Value) -> Result<Value, Throw> {
    if let (Value::Number(x), Value::Number(y)) = (a, b) {
        return Ok(Value::Number(x + y));
    }
    add_general(a, b)
}

#[inline(never)]
fn add_general(a: &Value, b: &Value) -> Result<Value, Throw> {
    let a = to_primitive(a)?;
    let b = to_primitive(b)?;
    match (&a, &b) {
        (Value::String(x), _) => Ok(Value::String(x.concat(&to_string(&b)?))),
        (_, Value::String(y)) => Ok(Value::String(to_string(&a)?.concat(y))),
        _ => match (to_numeric(&a)?, to_numeric(&b)?) {
            (Numeric::Number(x), Numeric::Number(y)) => Ok(Value::Number(x + y)),
            (Numeric::BigInt(x), Numeric::BigInt(y)) => bigint::binary(bigint::Op::Add, &x, &y),
            _ => Err(bigint::mix_error()),
        },
    }
}

/// The result of ToNumeric: a number, or a BigInt (which arithmetic keeps apart from numbers).
enum Numeric {
    Number(f64),
    BigInt(Rc<num_bigint::BigInt>),
}

/// ToNumeric: ToPrimitive with the number hint, then a BigInt stays one and anything else
/// becomes a number (a symbol throws).
fn to_numeric(value: &Value) -> Result<Numeric, Throw> {
    let primitive = match value {
        Value::Object(_) | Value::Array(_) | Value::Function(_) => to_primitive_number(value)?,
        _ => value.clone(),
    };
    match primitive {
        Value::BigInt(big) => Ok(Numeric::BigInt(big)),
        other => Ok(Numeric::Number(to_number(&other)?)),
    }
}

macro_rules! numeric_operator {
    ($(#[$doc:meta])* $name:ident, $op:ident, |$x:ident, $y:ident| $body:expr) => {
        $(#[$doc])*
        #[inline(always)]
        pub fn $name(a: &Value, b: &Value) -> Result<Value, Throw> {
            #[inline(never)]
            fn coerced(a: &Value, b: &Value) -> Result<Value, Throw> {
                match (to_numeric(a)?, to_numeric(b)?) {
                    (Numeric::Number($x), Numeric::Number($y)) => Ok(Value::Number($body)),
                    (Numeric::BigInt(x), Numeric::BigInt(y)) => {
                        bigint::binary(bigint::Op::$op, &x, &y)
                    }
                    _ => Err(bigint::mix_error()),
                }
            }
            if let (Value::Number($x), Value::Number($y)) = (a, b) {
                let ($x, $y) = (*$x, *$y);
                return Ok(Value::Number($body));
            }
            coerced(a, b)
        }
    };
}

numeric_operator!(
    /// `a - b`.
    sub, Sub, |x, y| x - y);
numeric_operator!(
    /// `a * b`.
    mul, Mul, |x, y| x * y);
numeric_operator!(
    /// `a / b`.
    div, Div, |x, y| x / y);
numeric_operator!(
    /// `a % b` (the sign follows the dividend, as Rust's `%` on floats does).
    rem, Rem, |x, y| x % y);
numeric_operator!(
    /// `a ** b` (fdlibm's pow, as `Math.pow` and V8 compute it).
    pow, Pow, |x, y| super::fdlibm::pow(x, y));
numeric_operator!(
    /// `a & b`.
    bit_and, BitAnd, |x, y| f64::from(to_int32(x) & to_int32(y)));
numeric_operator!(
    /// `a | b`.
    bit_or, BitOr, |x, y| f64::from(to_int32(x) | to_int32(y)));
numeric_operator!(
    /// `a ^ b`.
    bit_xor, BitXor, |x, y| f64::from(to_int32(x) ^ to_int32(y)));
numeric_operator!(
    /// `a << b`.
    shl, Shl, |x, y| f64::from(to_int32(x).wrapping_shl(to_uint32(y) & 31)));
numeric_operator!(
    /// `a >> b`.
    shr, Shr, |x, y| f64::from(to_int32(x).wrapping_shr(to_uint32(y) & 31)));
numeric_operator!(
    /// `a >>> b`.
    ushr, Ushr, |x, y| f64::from(to_uint32(x).wrapping_shr(to_uint32(y) & 31)));

/// `-a`.
pub fn neg(a: &Value) -> Result<Value, Throw> {
    match to_numeric(a)? {
        Numeric::Number(x) => Ok(Value::Number(-x)),
        Numeric::BigInt(x) => Ok(bigint::negate(&x)),
    }
}

/// `+a`.
pub fn plus(a: &Value) -> Result<Value, Throw> {
    Ok(Value::Number(to_number(a)?))
}

/// `~a`.
pub fn bit_not(a: &Value) -> Result<Value, Throw> {
    match to_numeric(a)? {
        Numeric::Number(x) => Ok(Value::Number(f64::from(!to_int32(x)))),
        Numeric::BigInt(x) => Ok(bigint::bit_not(&x)),
    }
}

/// `x++` / `x--` of a value that is not a numeric local: the old value as ToNumeric gives it
/// and the new one.
pub fn step(value: &Value, delta: f64) -> Result<(Value, Value), Throw> {
    match to_numeric(value)? {
        Numeric::Number(old) => Ok((Value::Number(old), Value::Number(old + delta))),
        Numeric::BigInt(old) => {
            let new = bigint::step(&old, delta);
            Ok((Value::BigInt(old), new))
        }
    }
}

/// `!a`.
pub fn not(a: &Value) -> Value {
    Value::Bool(!truthy(a))
}

/// `typeof a`.
pub fn type_of_value(a: &Value) -> Value {
    Value::str(type_of(a))
}

/// `a === b`.
pub fn strict_eq(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x == y,
        (Value::Undefined, Value::Undefined) | (Value::Null, Value::Null) => true,
        (Value::Bool(x), Value::Bool(y)) => x == y,
        (Value::String(x), Value::String(y)) => x == y,
        (Value::Object(x), Value::Object(y)) => {
            Rc::ptr_eq(x, y)
                || matches!((&x.kind, &y.kind), (ObjectKind::Prototype(a), ObjectKind::Prototype(b)) if a == b)
        }
        (Value::Array(x), Value::Array(y)) => Rc::ptr_eq(x, y),
        (Value::Symbol(x), Value::Symbol(y)) => super::symbol::same_symbol(x, y),
        (Value::BigInt(x), Value::BigInt(y)) => x == y,
        (Value::Function(x), Value::Function(y)) => {
            Rc::ptr_eq(x, y) || (x.builtin.is_some() && x.builtin == y.builtin)
        }
        _ => false,
    }
}

/// SameValueZero (used by `includes`, `Set`, `Map`): like `===` but `NaN` equals itself.
pub fn same_value_zero(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) if x.is_nan() && y.is_nan() => true,
        _ => strict_eq(a, b),
    }
}

/// `a == b`.
pub fn loose_eq(a: &Value, b: &Value) -> Result<bool, Throw> {
    if let (Value::Number(x), Value::Number(y)) = (a, b) {
        return Ok(x == y);
    }
    let is_object = |value: &Value| {
        matches!(
            value,
            Value::Object(_) | Value::Array(_) | Value::Function(_)
        )
    };
    Ok(match (a, b) {
        (x, y) if x.is_nullish() || y.is_nullish() => x.is_nullish() && y.is_nullish(),
        (Value::BigInt(x), y @ (Value::BigInt(_) | Value::Number(_) | Value::String(_))) => {
            bigint::loosely_equals(x, y)
        }
        (x @ (Value::Number(_) | Value::String(_)), Value::BigInt(y)) => {
            bigint::loosely_equals(y, x)
        }
        (Value::Number(_), Value::String(_)) | (Value::String(_), Value::Number(_)) => {
            to_number(a)? == to_number(b)?
        }
        (Value::Bool(_), _) => loose_eq(&Value::Number(to_number(a)?), b)?,
        (_, Value::Bool(_)) => loose_eq(a, &Value::Number(to_number(b)?))?,
        (x, y) if is_object(x) && !is_object(y) => loose_eq(&to_primitive(x)?, y)?,
        (x, y) if !is_object(x) && is_object(y) => loose_eq(x, &to_primitive(y)?)?,
        _ => strict_eq(a, b),
    })
}

/// Abstract relational comparison: `Some(true)` if `a < b`, `None` if undefined (NaN).
#[inline(never)]
fn less_than(a: &Value, b: &Value) -> Result<Option<bool>, Throw> {
    let a = to_primitive_number(a)?;
    let b = to_primitive_number(b)?;
    if let (Value::String(x), Value::String(y)) = (&a, &b) {
        return Ok(Some(x < y));
    }
    if let Some(order) = bigint::less_than(&a, &b) {
        return Ok(order);
    }
    let x = to_number(&a)?;
    let y = to_number(&b)?;
    if x.is_nan() || y.is_nan() {
        return Ok(None);
    }
    Ok(Some(x < y))
}

/// `a < b`.
#[inline(always)]
pub fn lt(a: &Value, b: &Value) -> Result<bool, Throw> {
    if let (Value::Number(x), Value::Number(y)) = (a, b) {
        return Ok(x < y);
    }
    Ok(less_than(a, b)? == Some(true))
}

/// `a > b`.
#[inline(always)]
pub fn gt(a: &Value, b: &Value) -> Result<bool, Throw> {
    if let (Value::Number(x), Value::Number(y)) = (a, b) {
        return Ok(x > y);
    }
    Ok(less_than(b, a)? == Some(true))
}

/// `a <= b`.
#[inline(always)]
pub fn le(a: &Value, b: &Value) -> Result<bool, Throw> {
    if let (Value::Number(x), Value::Number(y)) = (a, b) {
        return Ok(x <= y);
    }
    Ok(less_than(b, a)? == Some(false))
}

/// `a >= b`.
#[inline(always)]
pub fn ge(a: &Value, b: &Value) -> Result<bool, Throw> {
    if let (Value::Number(x), Value::Number(y)) = (a, b) {
        return Ok(x >= y);
    }
    Ok(less_than(a, b)? == Some(false))
}

/// `key in object`.
pub fn has_property(key: &Value, object: &Value) -> Result<bool, Throw> {
    if let Some(proxy) = super::proxy::proxy_of(object) {
        return super::proxy::has(proxy, &super::reflect::property_key(key)?);
    }
    match object {
        Value::Object(_) | Value::Array(_) | Value::Function(_) => {
            Ok(super::access::get_computed_opt(object, key)?.is_some())
        }
        other => Err(Throw::type_error(format!(
            "Cannot use 'in' operator to search for '{}' in {}",
            to_string(key)?,
            to_string(other)?
        ))),
    }
}
