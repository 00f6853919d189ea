//! ES module namespaces: what `import * as ns from "./a.js"` binds, what an ES module's
//! `evaluate` returns, and how CommonJS and ES modules see each other (Node 20's rules).
//!
//! ```text
//! export let n = 1; export default f;   →   rt::publish_export(&exports, "n", n.clone()); …
//!                                           rt::finish_namespace(&exports);  // { default, n }: sorted, null prototype, sealed
//! import c from "./c.cjs.js";            →   let c = rt::commonjs_namespace(&modules.require(…)?, &["q"])?;  // reads: rt::get(&c, "default")
//! require("./esm.js")                    →   rt::require_esm(&modules.require(…)?)  // `__esModule: true` when it has a default export
//! ```
//!
//! A namespace's keys are its export names sorted by code unit, it has no prototype, and it is
//! sealed, its exports read-only and non-configurable to JS code (V8's TypeErrors, naming
//! `[object Module]`; a descriptor still says `writable: true`, as V8's does); the exporting
//! module alone updates it (`publish_export`), so an exported `let` that a
//! function reassigns is seen by importers, whose reads go through the namespace, and by the
//! namespaces that re-export it (`forward`): live bindings. References: ECMA-262 §10.4.6 (module namespace exotic objects),
//! Node's "Modules: ECMAScript modules — Interoperability with CommonJS" and `require(esm)`.

use std::rc::Rc;

use super::error::Throw;
use super::freeze::Integrity;
use super::property::{Attributes, PropertyMap};
use super::prototype::Prototype;
use super::string::JsString;
use super::value::{JsObject, ObjectKind, Value};

/// Sets an export of the namespace `exports`, past its integrity level (JS code cannot write
/// a namespace; its module can), and in the namespaces that re-export it (see [`forward`]).
pub fn publish_export(exports: &Value, name: &str, value: Value) {
    let Value::Object(object) = exports else {
        return;
    };
    object
        .props
        .borrow_mut()
        .insert(JsString::from(name), value.clone());
    let forwards = object.private.borrow().get(&forward_key(name)).cloned();
    if let Some(Value::Array(targets)) = forwards {
        let targets: Vec<Value> = targets.dense().clone();
        for pair in targets {
            if let Value::Array(pair) = pair
                && let [target, Value::String(exported)] = pair.dense().as_slice()
            {
                publish_export(target, &exported.to_string(), value.clone());
            }
        }
    }
}

/// Where a namespace lists the namespaces re-exporting its export `name` (its private slots,
/// which no JS code can reach: a namespace has no `#fields`).
fn forward_key(name: &str) -> JsString {
    JsString::from(format!("#reexport {name}").as_str())
}

/// `export { name as exported } from "./a.js"`: publishes `source`'s export now and on every
/// later assignment (re-exports are live bindings too).
pub fn forward(source: &Value, name: &str, exports: &Value, exported: &str) -> Result<(), Throw> {
    // In a cycle the source may not have initialised the export yet: it is forwarded when it
    // does (V8 links the two bindings before anything runs).
    let pending = match source {
        Value::Object(object) => uninitialised(object, &JsString::from(name)),
        _ => false,
    };
    if !pending {
        let value = super::access::get(source, name)?;
        publish_export(exports, exported, value);
    }
    let Value::Object(object) = source else {
        return Ok(());
    };
    let key = forward_key(name);
    let pair = Value::array(vec![exports.clone(), Value::str(exported)]);
    let existing = object.private.borrow().get(&key).cloned();
    let list = match existing {
        Some(Value::Array(list)) => {
            let mut items = list.dense().clone();
            items.push(pair);
            Value::array(items)
        }
        _ => Value::array(vec![pair]),
    };
    object.private.borrow_mut().insert(key, list);
    Ok(())
}

/// `export * from "./b.js"`: every export of `source` but `default` that `exports` does not
/// export itself, live.
pub fn export_star(exports: &Value, source: &Value) -> Result<(), Throw> {
    let (Value::Object(target), Value::Object(from)) = (exports, source) else {
        return Ok(());
    };
    // With the exports a source still evaluating (a cycle) has not initialised yet.
    let mut names: Vec<String> = from
        .props
        .borrow()
        .iter()
        .map(|(key, _)| key.to_string())
        .collect();
    if let Some(Value::Array(pending)) = from.private.borrow().get(&JsString::from(PENDING)) {
        for name in pending.dense().iter() {
            let name = name
                .as_js_string()
                .map(ToString::to_string)
                .unwrap_or_default();
            if !names.contains(&name) {
                names.push(name);
            }
        }
    }
    names.retain(|key| key != "default");
    for name in names {
        if !target
            .props
            .borrow()
            .contains(&JsString::from(name.as_str()))
        {
            forward(source, &name, exports, &name)?;
        }
    }
    Ok(())
}

/// Turns an evaluated ES module's exports object into its namespace: keys sorted by code
/// unit, no prototype, sealed (`Object.isFrozen(ns)` is false in V8: its properties report
/// themselves writable, though only the module writes them).
pub fn finish_namespace(exports: &Value) {
    let Value::Object(object) = exports else {
        return;
    };
    let mut entries: Vec<(JsString, Value)> = object
        .props
        .borrow()
        .iter()
        .map(|(key, value)| (key.clone(), value.clone()))
        .collect();
    entries.sort_by(|(a, _), (b, _)| a.units().cmp(&b.units()));
    let mut props = PropertyMap::with_capacity(entries.len());
    for (key, value) in entries {
        props.insert(key, value);
    }
    // Exports are read-only to JS code (`publish_export` writes past this) and cannot be
    // deleted; V8 names the object `[object Module]` in its messages.
    let keys: Vec<JsString> = props.all_keys().cloned().collect();
    for key in keys {
        props.set_attributes(
            &key,
            Attributes {
                enumerable: true,
                writable: false,
                configurable: false,
                accessor: None,
            },
        );
    }
    *object.props.borrow_mut() = props;
    object.private.borrow_mut().remove(&JsString::from(PENDING));
    *object.proto.borrow_mut() = Prototype::Null;
    object.integrity.set(Integrity::Sealed);
    object
        .private
        .borrow_mut()
        .insert(JsString::from(NAMESPACE_MARK), Value::Bool(true));
}

/// The private slot that marks a module namespace.
const NAMESPACE_MARK: &str = "#module namespace";

/// Whether `object` is a module namespace (V8 calls it `[object Module]`).
pub fn is_namespace(object: &JsObject) -> bool {
    object
        .private
        .borrow()
        .contains(&JsString::from(NAMESPACE_MARK))
}

fn namespace_of(entries: Vec<(JsString, Value)>) -> Value {
    let mut props = PropertyMap::with_capacity(entries.len());
    for (key, value) in entries {
        props.insert(key, value);
    }
    let namespace = Value::Object(Rc::new(JsObject::new(ObjectKind::Plain, props)));
    finish_namespace(&namespace);
    namespace
}

/// The namespace an ES module sees when it imports a CommonJS module: `default` is
/// `module.exports`, and each name Node's static analysis found (`names`) is that property's
/// value when the import is evaluated.
pub fn commonjs_namespace(module_exports: &Value, names: &[&str]) -> Result<Value, Throw> {
    let mut entries = vec![(JsString::from("default"), module_exports.clone())];
    for name in names {
        if *name == "default" {
            continue;
        }
        let value = super::access::get(module_exports, name)?;
        entries.push((JsString::from(*name), value));
    }
    Ok(namespace_of(entries))
}

/// What `require` returns for an ES module (Node 20.19+): its namespace, or, when it has a
/// default export, a namespace that also holds `__esModule: true`, as Babel's interop expects.
pub fn require_esm(namespace: &Value) -> Value {
    let Value::Object(object) = namespace else {
        return namespace.clone();
    };
    let has_default = object.props.borrow().contains(&JsString::from("default"));
    if !has_default
        || object
            .props
            .borrow()
            .contains(&JsString::from("__esModule"))
    {
        return namespace.clone();
    }
    let mut entries: Vec<(JsString, Value)> = object
        .props
        .borrow()
        .iter()
        .map(|(key, value)| (key.clone(), value.clone()))
        .collect();
    entries.push((JsString::from("__esModule"), Value::Bool(true)));
    namespace_of(entries)
}

/// `import("./a.js")`: a promise of the module's namespace. Node loads the file first, so the
/// module is evaluated in a later job, never during the call; `load` runs in a microtask and
/// its exception rejects the promise.
pub fn dynamic_import(load: impl FnOnce() -> Result<Value, Throw> + 'static) -> Value {
    let promise = super::promise::pending();
    let target = promise.clone();
    super::microtasks::enqueue(Box::new(move || {
        match load() {
            Ok(namespace) => super::promise::resolve_with(&target, namespace)?,
            Err(thrown) => {
                let reason = super::exceptions::catch_value(thrown)?;
                super::promise::settle(&target, Err(reason));
            }
        }
        Ok(())
    }));
    promise
}

/// A read of an imported binding (`import { x } from "./a.js"; … x …`): the export `key` of
/// `namespace`. While the exporting ES module is still evaluating (a circular import reached
/// it first) an export it has not initialised is V8's `ReferenceError`; afterwards this is an
/// ordinary read.
pub fn import_get(namespace: &Value, key: &str) -> Result<Value, Throw> {
    if let Value::Object(object) = namespace {
        let found = if key.is_ascii() {
            object.props.borrow().get_ascii(key).cloned()
        } else {
            object.props.borrow().get(&JsString::from(key)).cloned()
        };
        if let Some(value) = found {
            return Ok(value);
        }
    }
    super::access::get(namespace, key)
}

/// Where an ES module's exports object lists the names it exports while the module evaluates
/// (its private slots, which no JS code can reach).
const PENDING: &str = "#module pending exports";

/// Called as an ES module starts evaluating: until `finish_namespace`, a read of one of its
/// exports not yet published is V8's ReferenceError (`uninitialised`), through an imported
/// binding or the namespace object.
pub fn pending_exports(exports: &Value, names: &[&str]) {
    if let Value::Object(object) = exports {
        let names = names.iter().map(|name| Value::str(name)).collect();
        object
            .private
            .borrow_mut()
            .insert(JsString::from(PENDING), Value::array(names));
    }
}

/// Whether `key` is an export of a module still evaluating that it has not initialised yet.
pub fn uninitialised(object: &JsObject, key: &JsString) -> bool {
    let private = object.private.borrow();
    if private.is_empty() {
        return false;
    }
    match private.get(&JsString::from(PENDING)) {
        Some(Value::Array(names)) => names
            .dense()
            .iter()
            .any(|name| matches!(name, Value::String(name) if name == key)),
        _ => false,
    }
}

/// V8's error for reading an export before its module initialised it.
pub fn before_initialization(key: &JsString) -> Throw {
    Throw::error(
        "ReferenceError",
        format!("Cannot access '{key}' before initialization"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_namespace_is_sorted_by_code_unit_and_has_no_prototype() {
        let exports = Value::object([("b", Value::Number(1.0)), ("B", Value::Number(2.0))]);
        publish_export(&exports, "default", Value::Null);
        finish_namespace(&exports);
        let Value::Object(object) = &exports else {
            panic!("an object")
        };
        let keys: Vec<String> = object
            .props
            .borrow()
            .iter()
            .map(|(key, _)| key.to_string())
            .collect();
        assert_eq!(keys, ["B", "b", "default"]);
        let Value::Object(object) = &exports else {
            panic!("an object")
        };
        assert!(matches!(*object.proto.borrow(), Prototype::Null));
    }
}
