//! `structuredClone(value)`: a deep copy that keeps cycles and shared references, copies
//! Dates, Maps, Sets, RegExps and Errors as their own kinds, and refuses functions and promises
//! with a `DataCloneError` as Node does.
//!
//! ```text
//! const o = { d: new Date(0), m: new Map([["k", [1]]]) }; o.self = o;
//! structuredClone(o)   → a new object; .d is a Date, .m a Map with a copied [1], .self === the copy
//! structuredClone(() => 1)   → throws DataCloneError: () => 1 could not be cloned.
//! ```
//!
//! Reference: HTML's StructuredSerializeInternal (own enumerable string keys, in order).

use std::cell::{Cell, RefCell};
use std::collections::HashMap;

use super::error::{Throw, new_error};
use super::ordered_table::OrderedTable;
use super::value::{ErrorData, ObjectKind, Value};

/// `structuredClone(value)`.
pub fn structured_clone(args: &[Value]) -> Result<Value, Throw> {
    let Some(value) = args.first() else {
        return Err(Throw::type_error(
            "The \"value\" argument must be specified",
        ));
    };
    clone_value(value, &mut HashMap::new())
}

fn data_clone_error(value: &Value) -> Throw {
    let described = match value {
        Value::Function(_) => super::convert::to_string(value)
            .map(|text| text.to_string())
            .unwrap_or_default(),
        Value::Object(object) => match &object.kind {
            ObjectKind::WeakMap(_) => "#<WeakMap>".to_string(),
            ObjectKind::WeakSet(_) => "#<WeakSet>".to_string(),
            ObjectKind::Iterator(iterator) => format!("#<{}>", iterator.tag),
            ObjectKind::Generator(_) => super::to_primitive::object_tag(value),
            _ => "#<Promise>".to_string(),
        },
        Value::Symbol(symbol) => super::symbol::descriptive_string(symbol),
        _ => "#<Promise>".to_string(),
    };
    Throw::new(new_error(
        "DataCloneError",
        &format!("{described} could not be cloned."),
    ))
}

/// Copies `value`; `seen` maps the address of every object already copied to its copy.
fn clone_value(value: &Value, seen: &mut HashMap<usize, Value>) -> Result<Value, Throw> {
    let address = match value {
        Value::Object(object) => std::rc::Rc::as_ptr(object) as *const () as usize,
        Value::Array(items) => std::rc::Rc::as_ptr(items) as *const () as usize,
        Value::Function(_) | Value::Symbol(_) => return Err(data_clone_error(value)),
        primitive => return Ok(primitive.clone()),
    };
    if let Some(copy) = seen.get(&address) {
        return Ok(copy.clone());
    }
    match value {
        Value::Array(items) => {
            let copy = Value::array(Vec::new());
            seen.insert(address, copy.clone());
            // Holes and named properties survive a structured clone.
            let snapshot = items.slots()?;
            let mut cloned = Vec::with_capacity(snapshot.len());
            for item in &snapshot {
                cloned.push(match item {
                    Some(item) => Some(clone_value(item, seen)?),
                    None => None,
                });
            }
            if let Value::Array(target) = &copy {
                target.set_slots(cloned);
                for (key, item) in items.props() {
                    target.set_prop(key, clone_value(&item, seen)?);
                }
            }
            Ok(copy)
        }
        Value::Object(object) => {
            let copy = match &object.kind {
                ObjectKind::Plain => Value::object_of_kind(ObjectKind::Plain),
                ObjectKind::Date(time) => {
                    Value::object_of_kind(ObjectKind::Date(Cell::new(time.get())))
                }
                ObjectKind::RegExp(regexp) => super::regexp::regexp(&regexp.source, &regexp.flags)?,
                ObjectKind::Error(error) => Value::object_of_kind(ObjectKind::Error(ErrorData {
                    name: RefCell::new(error.name.borrow().clone()),
                    message: RefCell::new(error.message.borrow().clone()),
                })),
                ObjectKind::Set(_) => {
                    Value::object_of_kind(ObjectKind::Set(RefCell::new(OrderedTable::new())))
                }
                ObjectKind::Map(_) => {
                    Value::object_of_kind(ObjectKind::Map(RefCell::new(OrderedTable::new())))
                }
                ObjectKind::Primitive(inner) => {
                    Value::object_of_kind(ObjectKind::Primitive(inner.clone()))
                }
                ObjectKind::Prototype(_) => Value::object_of_kind(ObjectKind::Plain),
                // A Buffer clones into a plain Uint8Array, as V8's serializer does.
                ObjectKind::Bytes(view) => super::bytes::new_view(
                    view.to_vec(),
                    match view.class {
                        super::bytes::ViewClass::Buffer => super::bytes::ViewClass::Uint8Array,
                        class => class,
                    },
                ),
                ObjectKind::ArrayBuffer(store) => Value::object_of_kind(ObjectKind::ArrayBuffer(
                    std::rc::Rc::new(RefCell::new(store.borrow().clone())),
                )),
                ObjectKind::Host(_)
                | ObjectKind::Arguments
                | ObjectKind::Promise(_)
                | ObjectKind::Iterator(_)
                | ObjectKind::Generator(_)
                | ObjectKind::Proxy(_)
                | ObjectKind::WeakMap(_)
                | ObjectKind::WeakSet(_) => {
                    return Err(data_clone_error(value));
                }
            };
            seen.insert(address, copy.clone());
            let Value::Object(target) = &copy else {
                return Ok(copy);
            };
            match (&object.kind, &target.kind) {
                (ObjectKind::Set(from), ObjectKind::Set(to))
                | (ObjectKind::Map(from), ObjectKind::Map(to)) => {
                    let entries: Vec<(Value, Value)> = from.borrow().entries().cloned().collect();
                    for (key, item) in &entries {
                        let key = clone_value(key, seen)?;
                        let item = clone_value(item, seen)?;
                        to.borrow_mut().set(&key, item);
                    }
                }
                _ => {}
            }
            // Only plain objects carry their own properties over; V8 drops the extra
            // properties of Dates, Maps, Sets, RegExps and Errors.
            if matches!(object.kind, ObjectKind::Plain) {
                let props: Vec<_> = object
                    .props
                    .borrow()
                    .iter()
                    .map(|(key, item)| (key.clone(), item.clone()))
                    .collect();
                // An accessor is cloned as the value its getter returns.
                let accessors = object.props.borrow().has_special();
                for (key, item) in props {
                    let item = if accessors {
                        super::access::get_key(value, &key)?
                    } else {
                        item
                    };
                    let item = clone_value(&item, seen)?;
                    target.props.borrow_mut().insert(key, item);
                }
            }
            Ok(copy)
        }
        _ => Ok(value.clone()),
    }
}
