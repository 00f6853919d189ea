//! Global functions and the static members of the built-in namespaces (`Math`, `JSON`,
//! `Object`, `Number`, `String`, `Array`, `Date`, `Promise`, `console`).
//!
//! The compiler resolves a call to a global it knows at compile time and emits one call by
//! name; the runtime dispatches on that name:
//!
//! ```text
//! Math.max(1, n)      → rt::call_static("Math.max", &[Value::Number(1.0), n])?
//! parseInt(s, 10)     → rt::call_static("parseInt", &[s, Value::Number(10.0)])?
//! .filter(Boolean)    → .filter(rt::static_fn("Boolean"))
//! new Set(words)      → rt::construct("Set", &[words])?
//! Math.PI             → rt::static_value("Math.PI")
//! ```
//!
//! `STATIC_CALLS`, `STATIC_VALUES` and `CONSTRUCTORS` list what exists; the compiler checks
//! names against its copy of these lists and reports the others as unsupported.

use std::cell::Cell;

use super::convert::{to_number, to_string, truthy};
use super::error::{ERROR_CLASSES, Throw, new_error};
use super::number;
use super::value::Value;

/// Every name `call_static` accepts.
pub const STATIC_CALLS: &[&str] = &[
    "Math.abs",
    "Math.ceil",
    "Math.floor",
    "Math.round",
    "Math.trunc",
    "Math.sign",
    "Math.sqrt",
    "Math.cbrt",
    "Math.pow",
    "Math.min",
    "Math.max",
    "Math.random",
    "Math.log",
    "Math.log2",
    "Math.log10",
    "Math.exp",
    "Math.sin",
    "Math.cos",
    "Math.tan",
    "Math.atan",
    "Math.atan2",
    "Math.hypot",
    "JSON.stringify",
    "JSON.parse",
    "Object.keys",
    "Object.values",
    "Object.entries",
    "Object.assign",
    "Object.fromEntries",
    "Object.freeze",
    "Object.seal",
    "Object.preventExtensions",
    "Object.hasOwn",
    "Number",
    "Number.isInteger",
    "Number.isFinite",
    "Number.isNaN",
    "Number.isSafeInteger",
    "Number.parseInt",
    "Number.parseFloat",
    "String",
    "String.fromCharCode",
    "Boolean",
    "Array.isArray",
    "Array.from",
    "Array.of",
    "parseInt",
    "parseFloat",
    "isNaN",
    "isFinite",
    "Date.now",
    "Date.parse",
    "Date.UTC",
    "Promise.resolve",
    "Promise.reject",
    "Promise.all",
    "console.log",
    "console.info",
    "console.warn",
    "console.error",
    "console.debug",
    "Error",
    "TypeError",
    "RangeError",
    "SyntaxError",
    "ReferenceError",
    "EvalError",
];

/// Every name `static_value` accepts.
pub const STATIC_VALUES: &[&str] = &[
    "Math.PI",
    "Math.E",
    "Math.LN2",
    "Math.LN10",
    "Math.LOG2E",
    "Math.LOG10E",
    "Math.SQRT2",
    "Math.SQRT1_2",
    "Number.MAX_SAFE_INTEGER",
    "Number.MIN_SAFE_INTEGER",
    "Number.EPSILON",
    "Number.MAX_VALUE",
    "Number.MIN_VALUE",
    "Number.POSITIVE_INFINITY",
    "Number.NEGATIVE_INFINITY",
    "Number.NaN",
    "NaN",
    "Infinity",
];

/// Every class `construct` accepts.
pub const CONSTRUCTORS: &[&str] = &[
    "Date",
    "Set",
    "Map",
    "Error",
    "TypeError",
    "RangeError",
    "SyntaxError",
    "ReferenceError",
    "EvalError",
    "RegExp",
    "Array",
    "Object",
];

fn arg(args: &[Value], index: usize) -> Value {
    args.get(index).cloned().unwrap_or_default()
}

fn math1(args: &[Value], op: fn(f64) -> f64) -> Result<Value, Throw> {
    Ok(Value::Number(op(to_number(&arg(args, 0))?)))
}

fn round(x: f64) -> f64 {
    if !x.is_finite() {
        return x;
    }
    let floor = x.floor();
    if x - floor >= 0.5 { floor + 1.0 } else { floor }
}

thread_local! {
    static RANDOM_STATE: Cell<u64> = Cell::new(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0x9e37_79b9_7f4a_7c15, |elapsed| elapsed.as_nanos() as u64)
            | 1,
    );
}

/// `Math.random()` (xorshift64*; not cryptographic, as in JS).
fn random() -> f64 {
    RANDOM_STATE.with(|state| {
        let mut x = state.get();
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        state.set(x);
        (x.wrapping_mul(0x2545_f491_4f6c_dd1d) >> 11) as f64 / (1u64 << 53) as f64
    })
}

/// Calls the global function or static method `name` (see [`STATIC_CALLS`]).
pub fn call_static(name: &str, args: &[Value]) -> Result<Value, Throw> {
    if let Some(method) = name.strip_prefix("Object.")
        && let Some(result) = super::object_methods::call_static(method, args)
    {
        return result;
    }
    if let Some(level) = name.strip_prefix("console.") {
        return Ok(super::console::log(level, args));
    }
    if ERROR_CLASSES.contains(&name) {
        return construct(name, args);
    }
    match name {
        "Math.abs" => math1(args, f64::abs),
        "Math.ceil" => math1(args, f64::ceil),
        "Math.floor" => math1(args, f64::floor),
        "Math.round" => math1(args, round),
        "Math.trunc" => math1(args, f64::trunc),
        "Math.sign" => math1(args, |x| {
            if x == 0.0 || x.is_nan() {
                x
            } else {
                x.signum()
            }
        }),
        "Math.sqrt" => math1(args, f64::sqrt),
        "Math.cbrt" => math1(args, f64::cbrt),
        "Math.log" => math1(args, f64::ln),
        "Math.log2" => math1(args, f64::log2),
        "Math.log10" => math1(args, f64::log10),
        "Math.exp" => math1(args, f64::exp),
        "Math.sin" => math1(args, f64::sin),
        "Math.cos" => math1(args, f64::cos),
        "Math.tan" => math1(args, f64::tan),
        "Math.atan" => math1(args, f64::atan),
        "Math.atan2" => Ok(Value::Number(
            to_number(&arg(args, 0))?.atan2(to_number(&arg(args, 1))?),
        )),
        "Math.pow" => super::operators::pow(&arg(args, 0), &arg(args, 1)),
        "Math.random" => Ok(Value::Number(random())),
        "Math.min" | "Math.max" => {
            let mut numbers = Vec::with_capacity(args.len());
            for value in args {
                numbers.push(to_number(value)?);
            }
            let is_max = name == "Math.max";
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
        "Math.hypot" => {
            let mut sum = 0.0;
            for value in args {
                let x = to_number(value)?;
                sum += x * x;
            }
            Ok(Value::Number(sum.sqrt()))
        }
        "JSON.stringify" => super::json::stringify_value(args),
        "JSON.parse" => super::json::parse_value(args),
        "Number" => Ok(Value::Number(if args.is_empty() {
            0.0
        } else {
            to_number(&args[0])?
        })),
        "Number.isInteger" | "Number.isSafeInteger" | "Number.isFinite" | "Number.isNaN" => {
            let Value::Number(x) = arg(args, 0) else {
                return Ok(Value::Bool(false));
            };
            Ok(Value::Bool(match name {
                "Number.isInteger" => x.is_finite() && x.trunc() == x,
                "Number.isSafeInteger" => {
                    x.is_finite() && x.trunc() == x && x.abs() <= 9_007_199_254_740_991.0
                }
                "Number.isFinite" => x.is_finite(),
                _ => x.is_nan(),
            }))
        }
        "parseInt" | "Number.parseInt" => {
            let text = to_string(&arg(args, 0))?;
            let radix = number::to_int32(to_number(&arg(args, 1))?);
            Ok(Value::Number(number::parse_int(&text.to_rust(), radix)))
        }
        "parseFloat" | "Number.parseFloat" => {
            let text = to_string(&arg(args, 0))?;
            Ok(Value::Number(number::parse_float(&text.to_rust())))
        }
        "isNaN" => Ok(Value::Bool(to_number(&arg(args, 0))?.is_nan())),
        "isFinite" => Ok(Value::Bool(to_number(&arg(args, 0))?.is_finite())),
        "String" => Ok(Value::String(if args.is_empty() {
            super::string::JsString::empty()
        } else {
            to_string(&args[0])?
        })),
        "String.fromCharCode" => {
            let mut units = Vec::with_capacity(args.len());
            for value in args {
                units.push(number::to_uint32(to_number(value)?) as u16);
            }
            Ok(Value::String(super::string::JsString::from_units(&units)))
        }
        "Boolean" => Ok(Value::Bool(truthy(&arg(args, 0)))),
        "Array.isArray" => Ok(Value::Bool(super::array::is_array(&arg(args, 0)))),
        "Array.from" => super::array::from(args),
        "Array.of" => Ok(Value::array(args.to_vec())),
        "Date.now" => Ok(Value::Number(super::date::now())),
        "Date.parse" => Ok(Value::Number(super::date::parse(
            &to_string(&arg(args, 0))?.to_rust(),
        ))),
        "Date.UTC" => super::date::utc(args),
        "Promise.resolve" => Ok(super::promise::resolve(arg(args, 0))),
        "Promise.reject" => Ok(super::promise::reject(arg(args, 0))),
        "Promise.all" => super::promise::all(&arg(args, 0)),
        _ => Err(Throw::type_error(format!("{name} is not a function"))),
    }
}

/// A global function as a value, e.g. `Boolean` in `.filter(Boolean)`.
pub fn static_fn(name: &'static str) -> Value {
    let short = name.rsplit('.').next().unwrap_or(name);
    Value::function(short, 1, move |_, args| call_static(name, args))
}

/// The value of a static constant (see [`STATIC_VALUES`]).
pub fn static_value(name: &str) -> Value {
    Value::Number(match name {
        "Math.PI" => std::f64::consts::PI,
        "Math.E" => std::f64::consts::E,
        "Math.LN2" => std::f64::consts::LN_2,
        "Math.LN10" => std::f64::consts::LN_10,
        "Math.LOG2E" => std::f64::consts::LOG2_E,
        "Math.LOG10E" => std::f64::consts::LOG10_E,
        "Math.SQRT2" => std::f64::consts::SQRT_2,
        "Math.SQRT1_2" => std::f64::consts::FRAC_1_SQRT_2,
        "Number.MAX_SAFE_INTEGER" => 9_007_199_254_740_991.0,
        "Number.MIN_SAFE_INTEGER" => -9_007_199_254_740_991.0,
        "Number.EPSILON" => f64::EPSILON,
        "Number.MAX_VALUE" => f64::MAX,
        "Number.MIN_VALUE" => 5e-324,
        "Number.POSITIVE_INFINITY" | "Infinity" => f64::INFINITY,
        "Number.NEGATIVE_INFINITY" => f64::NEG_INFINITY,
        _ => f64::NAN,
    })
}

/// `new Name(...args)` for a built-in class (see [`CONSTRUCTORS`]).
pub fn construct(name: &str, args: &[Value]) -> Result<Value, Throw> {
    if ERROR_CLASSES.contains(&name) {
        let message = match arg(args, 0) {
            Value::Undefined => String::new(),
            other => to_string(&other)?.to_string(),
        };
        return Ok(new_error(name, &message));
    }
    match name {
        "Date" => super::date::construct(args),
        "Set" => super::collections::new_set(args),
        "Map" => super::collections::new_map(args),
        "RegExp" => {
            let source = match arg(args, 0) {
                Value::Undefined => "(?:)".to_string(),
                other => to_string(&other)?.to_string(),
            };
            let flags = match arg(args, 1) {
                Value::Undefined => String::new(),
                other => to_string(&other)?.to_string(),
            };
            super::regexp::regexp(&source, &flags)
        }
        "Array" => match args {
            [Value::Number(length)] => {
                if *length < 0.0 || length.fract() != 0.0 || *length > 4_294_967_295.0 {
                    return Err(Throw::range_error("Invalid array length"));
                }
                Ok(Value::array(vec![Value::Undefined; *length as usize]))
            }
            other => Ok(Value::array(other.to_vec())),
        },
        "Object" => Ok(Value::object(Vec::<(&str, Value)>::new())),
        _ => Err(Throw::type_error(format!("{name} is not a constructor"))),
    }
}

/// `value instanceof Name` for a built-in class.
pub fn instance_of(value: &Value, name: &str) -> bool {
    use super::value::ObjectKind;
    match (value, name) {
        (Value::Array(_), "Array" | "Object") => true,
        (Value::Function(_), "Function" | "Object") => true,
        (Value::Object(_), "Object") => true,
        (Value::Object(object), _) => match (&object.kind, name) {
            (ObjectKind::Date(_), "Date")
            | (ObjectKind::Set(_), "Set")
            | (ObjectKind::Map(_), "Map")
            | (ObjectKind::RegExp(_), "RegExp")
            | (ObjectKind::Promise(_), "Promise")
            | (ObjectKind::Error(_), "Error") => true,
            (ObjectKind::Error(data), class) => {
                *data.name.borrow() == super::string::JsString::new(class)
            }
            _ => false,
        },
        _ => false,
    }
}
