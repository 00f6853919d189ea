//! A function's `arguments` object, as a value of its own (ECMA-262 §10.4.4, the unmapped
//! kind: strict-mode semantics).
//!
//! ```text
//! function f() { return arguments }   f(1, "a")
//!   → [Arguments] { '0': 1, '1': 'a' }     Object.prototype.toString.call(…) → "[object Arguments]"
//!   JSON.stringify(…) → {"0":1,"1":"a"}    Array.isArray(…) → false     [...arguments] → [1, "a"]
//! ```
//!
//! Its elements are ordinary own enumerable properties `"0"` … `"n-1"`; `length` is an own
//! property that is writable but hidden from enumeration, and `[Symbol.iterator]` is
//! `Array.prototype.values` (hidden too), so spread, `for…of`, `Array.from` and `apply` walk
//! it. The object's kind ([`ObjectKind::Arguments`]) gives only its tag and how Node prints
//! it; its prototype is `Object.prototype`. It is a copy of the call's arguments: assigning a
//! parameter does not change it, as in strict code (the compiler refuses sloppy functions
//! that assign a parameter and read `arguments`, where V8 would keep the two in sync).
//! `arguments.callee` is not modelled (strict code forbids it).

use super::property::{Attributes, PropertyMap};
use super::string::JsString;
use super::value::{JsObject, ObjectKind, Value};

/// The `arguments` object of a call with `args`.
pub fn arguments_object(args: &[Value]) -> Value {
    let mut props = PropertyMap::with_capacity(args.len() + 1);
    for (index, value) in args.iter().enumerate() {
        props.insert(JsString::new(&index.to_string()), value.clone());
    }
    let length = JsString::new("length");
    props.insert(length.clone(), Value::from(args.len()));
    props.set_attributes(
        &length,
        Attributes {
            enumerable: false,
            ..Attributes::DATA
        },
    );
    let object = Value::Object(std::rc::Rc::new(JsObject::new(
        ObjectKind::Arguments,
        props,
    )));
    if let (Some(values), Value::Symbol(iterator)) = (
        super::builtin_prototypes::member("Array", "values"),
        super::symbol::well_known("iterator"),
    ) {
        super::symbol_props::define_method(&object, &iterator, values);
    }
    object
}
