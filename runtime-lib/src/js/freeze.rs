//! `Object.freeze`, `seal` and `preventExtensions`, and the checks every write makes.
//!
//! An object or array carries one [`Integrity`] level. Writes that the level forbids are
//! ignored in sloppy code and throw V8's `TypeError` in strict code (ES modules, classes,
//! `"use strict"` functions): the compiler calls `rt::set_strict`/`rt::delete_strict` there.
//! Built-in methods (`push`, `Object.assign`) are strict in any code, so they always throw:
//!
//! ```text
//! const o = Object.freeze({ a: 1 });
//! o.a = 2;        // CommonJS: ignored      ESM: TypeError: Cannot assign to read only property 'a' of object '#<Object>'
//! o.b = 2;        // CommonJS: ignored      ESM: TypeError: Cannot add property b, object is not extensible
//! delete o.a;     // CommonJS: false        ESM: TypeError: Cannot delete property 'a' of #<Object>
//! Object.freeze([1, 2]).push(3)   // always: TypeError: Cannot add property 2, object is not extensible
//! ```
//!
//! The internal state of Maps, Sets and Dates is not a property: freezing them does not stop
//! `set`/`add`/`setTime`, as in V8.

use super::elements::JsArray;
use super::error::Throw;
use super::string::JsString;
use super::value::{JsObject, ObjectKind, Value};

/// How far an object is locked, from open to frozen (each level implies the previous ones).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub enum Integrity {
    /// Properties may be added, changed and deleted.
    #[default]
    Extensible,
    /// `Object.preventExtensions`: no new properties.
    NonExtensible,
    /// `Object.seal`: no new properties, none deleted.
    Sealed,
    /// `Object.freeze`: nothing changes.
    Frozen,
}

/// What a write would do to an existing or missing property.
enum Write {
    Change,
    Add,
    Delete,
}

fn integrity_of(value: &Value) -> Option<Integrity> {
    match value {
        Value::Object(object) => Some(object.integrity.get()),
        Value::Array(items) => Some(items.integrity.get()),
        // A function's own properties are not locked (see `lock`): it stays extensible.
        Value::Function(_) => Some(Integrity::Extensible),
        _ => None,
    }
}

/// Raises `value`'s level to `level` (never lowers it). Primitives are returned unchanged, and
/// so are functions: locking their static properties is not modelled.
pub fn lock(value: &Value, level: Integrity) -> Value {
    match value {
        Value::Object(object) => object.integrity.set(object.integrity.get().max(level)),
        Value::Array(items) => items.integrity.set(items.integrity.get().max(level)),
        _ => {}
    }
    value.clone()
}

/// `Object.isFrozen` / `isSealed`: a non-extensible object without properties is both.
pub fn is_at_least(value: &Value, level: Integrity) -> bool {
    let Some(current) = integrity_of(value) else {
        return true;
    };
    if current >= level {
        return true;
    }
    current == Integrity::NonExtensible
        && match value {
            Value::Object(object) => object.props.borrow().is_empty(),
            Value::Array(items) => items.is_empty() && !items.has_props(),
            _ => true,
        }
}

/// `Object.isExtensible`.
pub fn is_extensible(value: &Value) -> bool {
    integrity_of(value).is_some_and(|level| level == Integrity::Extensible)
}

/// How V8 names an object in these messages: `#<Object>`, `#<User>`, `[object Array]`, or the
/// string of an Error.
fn describe(value: &Value) -> String {
    match value {
        Value::Array(_) => "[object Array]".to_string(),
        Value::Object(object) => match (&object.kind, &object.class) {
            (ObjectKind::Error(_), _) => super::convert::to_rust_string(value).unwrap_or_default(),
            (_, Some(class)) => format!("#<{}>", class.name),
            _ => "#<Object>".to_string(),
        },
        _ => "#<Object>".to_string(),
    }
}

fn forbidden(target: &Value, key: &JsString, write: Write) -> Throw {
    Throw::type_error(match write {
        Write::Change => format!(
            "Cannot assign to read only property '{key}' of object '{}'",
            describe(target)
        ),
        Write::Add => format!("Cannot add property {key}, object is not extensible"),
        Write::Delete => format!("Cannot delete property '{key}' of {}", describe(target)),
    })
}

/// A forbidden write: ignored in sloppy code (`Ok(false)`), V8's TypeError in strict code.
fn refuse(target: &Value, key: &JsString, write: Write, strict: bool) -> Result<bool, Throw> {
    if strict {
        Err(forbidden(target, key, write))
    } else {
        Ok(false)
    }
}

/// Whether writing `key` on `object` is allowed. `Ok(false)`: ignore the write (sloppy code);
/// `Err`: the TypeError strict code throws.
pub fn may_set(
    target: &Value,
    object: &JsObject,
    key: &JsString,
    strict: bool,
) -> Result<bool, Throw> {
    let level = object.integrity.get();
    if level == Integrity::Extensible {
        return Ok(true);
    }
    let exists = object.props.borrow().contains(key);
    let write = match (exists, level) {
        (true, Integrity::Frozen) => Write::Change,
        (true, _) => return Ok(true),
        (false, _) => Write::Add,
    };
    refuse(target, key, write, strict)
}

/// Like [`may_set`] for an array element or `length`.
pub fn may_set_element(
    target: &Value,
    items: &JsArray,
    key: &JsString,
    strict: bool,
) -> Result<bool, Throw> {
    let level = items.integrity.get();
    if level == Integrity::Extensible {
        return Ok(true);
    }
    let exists = key.as_ascii() == Some("length") || items.has_own_key(key);
    let write = match (exists, level) {
        (true, Integrity::Frozen) => Write::Change,
        (true, _) if key.as_ascii() == Some("length") && level >= Integrity::Sealed => {
            // Shortening a sealed array would delete elements.
            Write::Delete
        }
        (true, _) => return Ok(true),
        (false, _) => Write::Add,
    };
    refuse(target, key, write, strict)
}

/// Whether `delete target[key]` may remove an existing property (same contract as [`may_set`]).
pub fn may_delete(target: &Value, key: &JsString, strict: bool) -> Result<bool, Throw> {
    let exists = match target {
        Value::Object(object) => object.props.borrow().contains(key),
        Value::Array(items) => items.has_own_key(key),
        _ => false,
    };
    if !exists || integrity_of(target).is_none_or(|level| level < Integrity::Sealed) {
        return Ok(true);
    }
    refuse(target, key, Write::Delete, strict)
}

/// The TypeError a mutating array method throws on a locked array, checked before the method
/// runs (V8 fails on the first write, which these messages name).
pub fn check_array_method(items: &JsArray, name: &str, args: &[Value]) -> Result<(), Throw> {
    let level = items.integrity.get();
    if level == Integrity::Extensible {
        return Ok(());
    }
    let length = items.len();
    let target = Value::array(Vec::new());
    let key = |index: usize| JsString::new(&index.to_string());
    let length_key = JsString::new("length");
    let adds = |count: usize| {
        if count == 0 {
            (level == Integrity::Frozen).then(|| forbidden(&target, &length_key, Write::Change))
        } else {
            Some(forbidden(&target, &key(length + count - 1), Write::Add))
        }
    };
    let removes_last = || {
        if length == 0 {
            (level == Integrity::Frozen).then(|| forbidden(&target, &length_key, Write::Change))
        } else if level >= Integrity::Sealed {
            Some(forbidden(&target, &key(length - 1), Write::Delete))
        } else {
            None
        }
    };
    let error = match name {
        "push" => adds(args.len()),
        "unshift" => adds(args.len()),
        "pop" => removes_last(),
        "shift" if level == Integrity::Frozen && length > 1 => {
            Some(forbidden(&target, &key(0), Write::Change))
        }
        "shift" => removes_last(),
        "splice" => {
            let start = super::array::relative_index(
                &args.first().cloned().unwrap_or_default(),
                length,
                0,
            )?;
            let removed = match args.get(1) {
                None => length - start,
                Some(count) => (super::number::to_integer(super::convert::to_number(count)?)
                    .max(0.0) as usize)
                    .min(length - start),
            };
            let inserted = args.len().saturating_sub(2);
            if level == Integrity::Frozen && (removed > 0 || inserted > 0) {
                Some(forbidden(&target, &key(start), Write::Change))
            } else if inserted > removed {
                Some(forbidden(
                    &target,
                    &key(length + inserted - removed - 1),
                    Write::Add,
                ))
            } else if inserted < removed && level >= Integrity::Sealed {
                Some(forbidden(&target, &key(length - 1), Write::Delete))
            } else {
                None
            }
        }
        "sort" | "reverse" | "fill" | "copyWithin" if level == Integrity::Frozen && length > 0 => {
            Some(forbidden(&target, &key(0), Write::Change))
        }
        _ => None,
    };
    error.map_or(Ok(()), Err)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::js::{call_method, get, set, set_strict};

    #[test]
    fn sloppy_writes_are_ignored_and_strict_writes_throw() {
        // node -e 'const o = Object.freeze({ a: 1 }); o.a = 2; console.log(o.a);
        //   try { (() => { "use strict"; o.a = 2 })() } catch (e) { console.log(e.message) }'
        // → 1, Cannot assign to read only property 'a' of object '#<Object>'
        let o = lock(
            &Value::object([("a", Value::Number(1.0))]),
            Integrity::Frozen,
        );
        set(&o, "a", Value::Number(2.0)).unwrap();
        assert!(matches!(get(&o, "a").unwrap(), Value::Number(n) if n == 1.0));
        let error = set_strict(&o, "a", Value::Number(2.0)).unwrap_err();
        assert_eq!(
            crate::js::to_string(&error.value).unwrap().to_string(),
            "TypeError: Cannot assign to read only property 'a' of object '#<Object>'"
        );
    }

    #[test]
    fn push_on_a_frozen_array_always_throws() {
        // node -e 'try { Object.freeze([1, 2]).push(3) } catch (e) { console.log(e.message) }'
        // → Cannot add property 2, object is not extensible
        let array = lock(
            &Value::array(vec![Value::Null, Value::Null]),
            Integrity::Frozen,
        );
        let error = call_method(&array, "push", &[Value::Null]).unwrap_err();
        assert_eq!(
            crate::js::to_string(&error.value).unwrap().to_string(),
            "TypeError: Cannot add property 2, object is not extensible"
        );
        assert!(is_at_least(&array, Integrity::Sealed));
    }
}
