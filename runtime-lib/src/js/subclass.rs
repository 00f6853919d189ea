//! Classes that extend the built-in `Array`, `Map` and `Set`.
//!
//! An instance is a real array, Map or Set that remembers its class, so every built-in
//! behaviour (indexing, `length`, `size`, JSON, spread, `Array.isArray`) holds unchanged and
//! the class's own methods are found first (`class.rs`, `access.rs`). `super(…)` runs the
//! built-in constructor on the instance `new` allocated; the `Map` and `Set` constructors add
//! their entries through the instance's `set`/`add`, so an override sees them, as in V8. The
//! array methods that build a new array through the species constructor (`map`, `filter`,
//! `slice`, `splice`, `concat`, `flat`, `flatMap`) and the statics `from`/`of` construct the
//! subclass instead (`new C(length)`, constructor body included):
//!
//! ```text
//! class Stack extends Array { peek() { … } }
//! new Stack(3)                    → Stack(3) [ <3 empty items> ]    (Array constructor rules)
//! new Stack(1, 2).map((x) => x)   → new Stack(2), then its elements → instanceof Stack
//! class Registry extends Map { set(k, v) { … } }
//! new Registry([["a", 1]])        → calls this.set("a", 1)
//! ```
//!
//! Spec: ECMA-262 §23.1.1.1 (Array), §24.1.1.1 (Map: AddEntriesFromIterable), §24.2.1.1
//! (Set), §10.4.2.3 (ArraySpeciesCreate).

use std::cell::RefCell;
use std::rc::Rc;

use super::class::{BuiltinBase, new_instance};
use super::elements::{JsArray, valid_length};
use super::error::Throw;
use super::ordered_table::OrderedTable;
use super::string::JsString;
use super::value::{JsFunction, ObjectKind, Value};

/// The array methods whose result V8 creates with the receiver's species constructor.
const SPECIES_METHODS: &[&str] = &[
    "map", "filter", "slice", "splice", "concat", "flat", "flatMap",
];

/// A fresh, empty array that is an instance of `class` (a class extending `Array`).
pub(super) fn allocate_array(class: &Rc<JsFunction>) -> Value {
    let array = JsArray::default();
    array.set_class(class.clone());
    Value::Array(Rc::new(array))
}

/// The kind of a fresh instance of a class extending `Map` or `Set`; `None` for other bases.
pub(super) fn collection_kind(base: BuiltinBase) -> Option<ObjectKind> {
    match base {
        BuiltinBase::Map => Some(ObjectKind::Map(RefCell::new(OrderedTable::new()))),
        BuiltinBase::Set => Some(ObjectKind::Set(RefCell::new(OrderedTable::new()))),
        BuiltinBase::Array | BuiltinBase::Error(_) => None,
    }
}

/// `super(...args)` where the parent is `Array`, `Map` or `Set`: the built-in constructor's
/// work on the instance `new` allocated.
pub(super) fn construct(base: BuiltinBase, this: &Value, args: &[Value]) -> Result<(), Throw> {
    match base {
        BuiltinBase::Array => {
            let Value::Array(array) = this else {
                return Ok(());
            };
            match args {
                // `super(n)`: n holes, as `new Array(n)`.
                [Value::Number(length)] => array.set_len(valid_length(*length)?),
                items => array.extend(items.iter().cloned())?,
            }
            Ok(())
        }
        BuiltinBase::Map => add_entries(this, args, "set"),
        BuiltinBase::Set => add_entries(this, args, "add"),
        BuiltinBase::Error(_) => Ok(()),
    }
}

/// The `Map`/`Set` constructors' loop: `this[adder](…)` for each item of the iterable, so a
/// subclass's override runs. The adder is read (and checked) before the iterable is.
fn add_entries(this: &Value, args: &[Value], adder_name: &str) -> Result<(), Throw> {
    let Some(source) = args.first().filter(|source| !source.is_nullish()) else {
        return Ok(());
    };
    let adder = super::access::get(this, adder_name)?;
    if !matches!(adder, Value::Function(_)) {
        let shown = super::convert::to_rust_string(&adder).unwrap_or_default();
        return Err(Throw::type_error(format!(
            "'{shown}' returned for property '{adder_name}' of object '{}' is not a function",
            match class_name(this) {
                Some(name) => format!("#<{name}>"),
                None => super::console::inspect_short(this),
            }
        )));
    }
    for item in super::iterate::collect_argument(source)? {
        if adder_name == "add" {
            super::access::call_with_this(&adder, this, &[item])?;
            continue;
        }
        let (key, value) = super::collections::entry_of(&item)?;
        super::access::call_with_this(&adder, this, &[key, value])?;
    }
    Ok(())
}

/// `array.name(...args)` on an instance of `class` (a class extending `Array`) when `name`
/// creates its result through the species constructor; `None` for the other methods.
pub(super) fn species_call(
    array: &Value,
    items: &Rc<JsArray>,
    class: &Rc<JsFunction>,
    name: &str,
    args: &[Value],
) -> Option<Result<Value, Throw>> {
    if !SPECIES_METHODS.contains(&name) {
        return None;
    }
    let species = Value::Function(class.clone());
    let source = class.name.to_rust();
    Some((|| {
        // V8 constructs before the callbacks run; `slice` and `splice` pass the result's
        // length, known once their (callback-free) work is done.
        let early = match name {
            "map" => Some(new_instance(
                &species,
                &[Value::from(items.len())],
                &source,
            )?),
            "filter" | "flatMap" | "concat" | "flat" => {
                Some(new_instance(&species, &[Value::from(0)], &source)?)
            }
            _ => None,
        };
        let plain =
            super::array::call_builtin(array, items, name, args).unwrap_or(Ok(Value::Undefined))?;
        let Value::Array(result) = &plain else {
            return Ok(plain);
        };
        let target = match early {
            Some(target) => target,
            None => new_instance(&species, &[Value::from(result.len())], &source)?,
        };
        let sets_length = matches!(name, "slice" | "splice" | "concat");
        fill(&target, result, sets_length)?;
        Ok(target)
    })())
}

/// Defines the elements of `source` on `target` (CreateDataPropertyOrThrow), then its
/// `length` when the method sets it.
fn fill(target: &Value, source: &JsArray, sets_length: bool) -> Result<(), Throw> {
    for index in source.present_indices() {
        super::access::set_computed_strict(target, &Value::from(index), source.read(index))?;
    }
    if sets_length {
        super::access::set_strict(target, "length", Value::from(source.len()))?;
    }
    Ok(())
}

/// `C.from(…)`, `C.of(…)` and `C.isArray(…)` for a class `C` extending `Array` (the statics
/// it inherits from `Array`): the result is built with `new C(…)`; `None` for other names
/// and other classes.
pub(super) fn static_call(
    class: &Rc<JsFunction>,
    name: &str,
    args: &[Value],
) -> Option<Result<Value, Throw>> {
    let base = class.class.as_ref().and_then(|data| data.base);
    if base != Some(BuiltinBase::Array) {
        return None;
    }
    let species = Value::Function(class.clone());
    let source = class.name.to_rust();
    Some(match name {
        "isArray" => Ok(Value::Bool(super::array::is_array(
            &args.first().cloned().unwrap_or_default(),
        ))),
        "from" => (|| {
            let plain = super::array::from(args)?;
            let Value::Array(result) = &plain else {
                return Ok(plain);
            };
            // An iterable source is read into `new C()`, an array-like into `new C(length)`.
            let iterable = args.first().is_some_and(|source| {
                !matches!(source, Value::Object(_)) || super::iterate::is_iterable(source)
            });
            let constructor_args = if iterable {
                Vec::new()
            } else {
                vec![Value::from(result.len())]
            };
            let target = new_instance(&species, &constructor_args, &source)?;
            fill(&target, result, true)?;
            Ok(target)
        })(),
        "of" => (|| {
            let target = new_instance(&species, &[Value::from(args.len())], &source)?;
            fill(&target, &JsArray::new(args.to_vec()), true)?;
            Ok(target)
        })(),
        _ => return None,
    })
}

/// The name a subclass instance is shown with (`Stack(2) [ 1, 2 ]`, `Registry(1) [Map] {…}`).
pub(super) fn class_name(value: &Value) -> Option<JsString> {
    match value {
        Value::Array(array) => array.class().map(|class| class.name.clone()),
        Value::Object(object) => object.class.as_ref().map(|class| class.name.clone()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::super::access::{call_method, get};
    use super::super::class::{ClassParent, class, instance_of_value, super_construct};
    use super::*;

    /// `class <name> extends <base> {}`: the implicit constructor passes its arguments on.
    fn subclass(name: &str, base: &'static str) -> Value {
        let parent = ClassParent::builtin(base);
        class(name, 0, parent.clone(), move |this, args| {
            super_construct(&parent, this, args)?;
            Ok(Value::Undefined)
        })
        .unwrap()
    }

    fn numbers(value: &Value) -> Vec<f64> {
        let Value::Array(array) = value else {
            panic!("not an array")
        };
        array
            .to_vec()
            .unwrap()
            .iter()
            .map(super::super::convert::number_value)
            .collect()
    }

    #[test]
    fn array_subclass_instances_are_arrays_and_map_builds_the_subclass() {
        let stack = subclass("Stack", "Array");
        let three = new_instance(&stack, &[Value::from(3)], "Stack").unwrap();
        assert!(matches!(get(&three, "length").unwrap(), Value::Number(n) if n == 3.0));
        let items = new_instance(&stack, &[Value::from(1), Value::from(2)], "Stack").unwrap();
        assert_eq!(numbers(&items), [1.0, 2.0]);
        let double = Value::function("double", 1, |_, args| {
            Ok(Value::Number(
                super::super::convert::number_value(&args[0]) * 2.0,
            ))
        });
        let mapped = call_method(&items, "map", &[double]).unwrap();
        assert_eq!(numbers(&mapped), [2.0, 4.0]);
        assert!(instance_of_value(&mapped, &stack).unwrap());
        let reversed = call_method(&items, "toReversed", &[]).unwrap();
        assert!(!instance_of_value(&reversed, &stack).unwrap());
    }

    #[test]
    fn map_subclass_constructor_checks_entries() {
        let registry = subclass("Registry", "Map");
        let entries = Value::array(vec![Value::array(vec![Value::str("a"), Value::from(1)])]);
        let map = new_instance(&registry, &[entries], "Registry").unwrap();
        assert!(matches!(get(&map, "size").unwrap(), Value::Number(n) if n == 1.0));
        let error = new_instance(&registry, &[Value::array(vec![Value::from(1)])], "Registry");
        assert!(error.is_err());
    }
}
