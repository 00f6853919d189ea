//! The `Math` namespace: ES2020's functions and constants, with V8's edge cases (`Math.round`
//! rounds half up, `Math.max` prefers `+0` over `-0`, `Math.hypot` returns `Infinity` before
//! `NaN`), transcendental functions bit-identical to V8's (`fdlibm.rs`), and `Math.random`,
//! which a test can freeze.
//!
//! ```text
//! Math.max(1, "5", 3)   → rt::call_static("Math.max", &[..])?   → 5
//! Math.round(-2.5)      → -2
//! Math.clz32(1)         → 31
//! ```
//!
//! **Frozen randomness.** When the environment variable `BACKWORKS_FROZEN_RANDOM_SEED` holds a
//! number, `Math.random()` and `crypto.randomUUID()` draw from one process-wide mulberry32
//! generator seeded with it (`seed >>> 0`), exactly as `conformance/harness/freeze.mjs` does in
//! Node, so both sides produce the same sequence for the same sequence of calls:
//!
//! ```text
//! next32():  state = (state + 0x6D2B79F5) mod 2^32
//!            t = imul(state ^ state >>> 15, state | 1)
//!            t = (t + imul(t ^ t >>> 7, t | 61)) ^ t
//!            return (t ^ t >>> 14) >>> 0
//! random():  (next32() >>> 5) * 2^26 + (next32() >>> 6)) / 2^53      (53 random bits)
//! ```
//!
//! Without the variable, `Math.random()` is a per-thread xorshift64* seeded from the clock
//! (not cryptographic, as in JS).

use std::cell::Cell;
use std::sync::{Mutex, OnceLock};

use super::convert::to_number;
use super::error::Throw;
use super::fdlibm;
use super::number::{to_int32, to_uint32};
use super::value::Value;

/// Every `Math.*` function `call` accepts (without the `Math.` prefix).
pub const FUNCTIONS: &[&str] = &[
    "abs", "acos", "acosh", "asin", "asinh", "atan", "atan2", "atanh", "cbrt", "ceil", "clz32",
    "cos", "cosh", "exp", "expm1", "floor", "fround", "hypot", "imul", "log", "log10", "log1p",
    "log2", "max", "min", "pow", "random", "round", "sign", "sin", "sinh", "sqrt", "tan", "tanh",
    "trunc",
];

/// The value of `Math.<name>` for a constant.
pub fn constant(name: &str) -> Option<f64> {
    use std::f64::consts;
    Some(match name {
        "PI" => consts::PI,
        "E" => consts::E,
        "LN2" => consts::LN_2,
        "LN10" => consts::LN_10,
        "LOG2E" => consts::LOG2_E,
        "LOG10E" => consts::LOG10_E,
        "SQRT2" => consts::SQRT_2,
        "SQRT1_2" => consts::FRAC_1_SQRT_2,
        _ => return None,
    })
}

fn number_arg(args: &[Value], index: usize) -> Result<f64, Throw> {
    match args.get(index) {
        Some(value) => to_number(value),
        None => Ok(f64::NAN),
    }
}

fn unary(args: &[Value], op: fn(f64) -> f64) -> Result<Value, Throw> {
    Ok(Value::Number(op(number_arg(args, 0)?)))
}

/// `Math.round`: the nearest integer, halves rounding towards `+Infinity`; keeps `-0` and
/// returns `-0` for `-0.5 <= x < 0`.
pub fn round(x: f64) -> f64 {
    if !x.is_finite() || x == 0.0 {
        return x;
    }
    if x > 0.0 && x < 0.5 {
        return 0.0;
    }
    if (-0.5..0.0).contains(&x) {
        return -0.0;
    }
    let floor = x.floor();
    if x - floor >= 0.5 { floor + 1.0 } else { floor }
}

fn sign(x: f64) -> f64 {
    if x == 0.0 || x.is_nan() {
        x
    } else {
        x.signum()
    }
}

fn min_max(args: &[Value], is_max: bool) -> Result<Value, Throw> {
    // Every argument is converted (observable through valueOf) before NaN short-circuits.
    let mut numbers = Vec::with_capacity(args.len());
    for value in args {
        numbers.push(to_number(value)?);
    }
    let mut result = if is_max {
        f64::NEG_INFINITY
    } else {
        f64::INFINITY
    };
    for x in numbers {
        if x.is_nan() {
            return Ok(Value::Number(f64::NAN));
        }
        let better = if is_max {
            x > result || (x == 0.0 && result == 0.0 && !x.is_sign_negative())
        } else {
            x < result || (x == 0.0 && result == 0.0 && x.is_sign_negative())
        };
        if better {
            result = x;
        }
    }
    Ok(Value::Number(result))
}

/// `Math.hypot` as V8 computes it: scaled by the largest magnitude, Kahan-summed.
fn hypot(args: &[Value]) -> Result<Value, Throw> {
    let mut magnitudes = Vec::with_capacity(args.len());
    let mut any_nan = false;
    let mut max = 0.0_f64;
    for value in args {
        let x = to_number(value)?;
        if x.is_nan() {
            any_nan = true;
        } else {
            max = max.max(x.abs());
        }
        magnitudes.push(x.abs());
    }
    if max == f64::INFINITY {
        return Ok(Value::Number(f64::INFINITY));
    }
    if any_nan {
        return Ok(Value::Number(f64::NAN));
    }
    if max == 0.0 {
        return Ok(Value::Number(0.0));
    }
    let mut sum = 0.0_f64;
    let mut compensation = 0.0_f64;
    for magnitude in magnitudes {
        let scaled = magnitude / max;
        let summand = scaled * scaled - compensation;
        let preliminary = sum + summand;
        compensation = (preliminary - sum) - summand;
        sum = preliminary;
    }
    Ok(Value::Number(sum.sqrt() * max))
}

/// `Math.fround`: the nearest single-precision value.
fn fround(x: f64) -> f64 {
    f64::from(x as f32)
}

/// Calls `Math.<name>(...args)`; `None` if `Math` has no such function.
pub fn call(name: &str, args: &[Value]) -> Option<Result<Value, Throw>> {
    Some(match name {
        "abs" => unary(args, f64::abs),
        "acos" => unary(args, fdlibm::acos),
        "acosh" => unary(args, fdlibm::acosh),
        "asin" => unary(args, fdlibm::asin),
        "asinh" => unary(args, fdlibm::asinh),
        "atan" => unary(args, fdlibm::atan),
        "atanh" => unary(args, fdlibm::atanh),
        "atan2" => (|| {
            let y = number_arg(args, 0)?;
            let x = number_arg(args, 1)?;
            Ok(Value::Number(fdlibm::atan2(y, x)))
        })(),
        "cbrt" => unary(args, fdlibm::cbrt),
        "ceil" => unary(args, f64::ceil),
        "clz32" => (|| {
            let x = to_uint32(number_arg(args, 0)?);
            Ok(Value::Number(f64::from(x.leading_zeros())))
        })(),
        "cos" => unary(args, fdlibm::cos),
        "cosh" => unary(args, fdlibm::cosh),
        "exp" => unary(args, fdlibm::exp),
        "expm1" => unary(args, fdlibm::expm1),
        "floor" => unary(args, f64::floor),
        "fround" => unary(args, fround),
        "hypot" => hypot(args),
        "imul" => (|| {
            let a = to_int32(number_arg(args, 0)?);
            let b = to_int32(number_arg(args, 1)?);
            Ok(Value::Number(f64::from(a.wrapping_mul(b))))
        })(),
        "log" => unary(args, fdlibm::log),
        "log10" => unary(args, fdlibm::log10),
        "log1p" => unary(args, fdlibm::log1p),
        "log2" => unary(args, fdlibm::log2),
        "max" => min_max(args, true),
        "min" => min_max(args, false),
        "pow" => (|| {
            let base = number_arg(args, 0)?;
            let exponent = number_arg(args, 1)?;
            Ok(Value::Number(fdlibm::pow(base, exponent)))
        })(),
        "random" => Ok(Value::Number(random())),
        "round" => unary(args, round),
        "sign" => unary(args, sign),
        "sin" => unary(args, fdlibm::sin),
        "sinh" => unary(args, fdlibm::sinh),
        "sqrt" => unary(args, f64::sqrt),
        "tan" => unary(args, fdlibm::tan),
        "tanh" => unary(args, fdlibm::tanh),
        "trunc" => unary(args, f64::trunc),
        _ => return None,
    })
}

/// One step of mulberry32 on `state` (see the module header); returns the 32-bit output.
pub fn mulberry32(state: &mut u32) -> u32 {
    *state = state.wrapping_add(0x6d2b_79f5);
    let s = *state;
    let mut t = (s ^ (s >> 15)).wrapping_mul(s | 1);
    t = t.wrapping_add((t ^ (t >> 7)).wrapping_mul(t | 61)) ^ t;
    t ^ (t >> 14)
}

/// The frozen generator's state, when `BACKWORKS_FROZEN_RANDOM_SEED` is set.
fn frozen_state() -> Option<&'static Mutex<u32>> {
    static STATE: OnceLock<Option<Mutex<u32>>> = OnceLock::new();
    STATE
        .get_or_init(|| {
            let seed = std::env::var("BACKWORKS_FROZEN_RANDOM_SEED").ok()?;
            let seed = super::number::parse_number(seed.trim());
            Some(Mutex::new(to_uint32(seed)))
        })
        .as_ref()
}

thread_local! {
    static XORSHIFT_STATE: Cell<u64> = Cell::new(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0x9e37_79b9_7f4a_7c15, |elapsed| elapsed.as_nanos() as u64)
            | 1,
    );
}

/// 32 random bits: from the frozen generator when there is one, else from xorshift64*.
pub fn random_u32() -> u32 {
    if let Some(state) = frozen_state() {
        let mut state = state
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        return mulberry32(&mut state);
    }
    XORSHIFT_STATE.with(|state| {
        let mut x = state.get();
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        state.set(x);
        (x.wrapping_mul(0x2545_f491_4f6c_dd1d) >> 32) as u32
    })
}

/// `Math.random()`: 53 random bits from two draws, in `[0, 1)`.
pub fn random() -> f64 {
    let high = f64::from(random_u32() >> 5);
    let low = f64::from(random_u32() >> 6);
    (high * 67_108_864.0 + low) / 9_007_199_254_740_992.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mulberry32_matches_the_reference_sequence() {
        // node -e 'let a=42;const n=()=>{a|=0;a=a+0x6D2B79F5|0;let t=Math.imul(a^a>>>15,1|a);
        //   t=t+Math.imul(t^t>>>7,61|t)^t;return (t^t>>>14)>>>0};console.log(n(),n(),n())'
        let mut state = 42;
        let outputs: Vec<u32> = (0..3).map(|_| mulberry32(&mut state)).collect();
        assert_eq!(outputs, [2581720956, 1925393290, 3661312704]);
    }

    #[test]
    fn rounding_keeps_signs_like_v8() {
        assert_eq!(round(2.5), 3.0);
        assert_eq!(round(-2.5), -2.0);
        assert!(round(-0.2).is_sign_negative());
        assert_eq!(round(0.499_999_999_999_999_94), 0.0);
    }
}
