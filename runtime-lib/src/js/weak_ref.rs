//! `WeakRef` and `FinalizationRegistry`, as host objects.
//!
//! ```text
//! const ref = new WeakRef(obj);      ref.deref() → obj
//! const registry = new FinalizationRegistry(cleanup);
//! registry.register(obj, "held", token); registry.unregister(token) → true
//! ```
//!
//! A `WeakRef` holds its target strongly. Within a request the target is always reachable
//! from the handler that made the reference, so `deref()` returning it is what V8 does too;
//! across requests a reference kept in module state keeps its target alive, where V8 might
//! collect it — a difference only a garbage collection could reveal, and JS code cannot force
//! one. For the same reason a `FinalizationRegistry`'s cleanup callback never runs: nothing is
//! ever collected while the registry lives. `register`/`unregister` check their arguments as
//! V8 does and keep the registrations, so `unregister` answers whether the token was used.

use std::any::Any;
use std::cell::RefCell;

use super::error::Throw;
use super::host::{HostObject, new_host};
use super::value::Value;

/// Whether `value` may be held weakly: an object, array or function, or a symbol that is not
/// registered with `Symbol.for` (ES2023 allows those as weak targets).
fn can_be_held_weakly(value: &Value) -> bool {
    match value {
        Value::Object(_) | Value::Array(_) | Value::Function(_) => true,
        Value::Symbol(symbol) => !matches!(symbol.kind, super::symbol::SymbolKind::Registered),
        _ => false,
    }
}

fn arg(args: &[Value], index: usize) -> Value {
    args.get(index).cloned().unwrap_or_default()
}

/// A `WeakRef`: its target.
struct WeakRef {
    target: Value,
}

impl HostObject for WeakRef {
    fn class(&self) -> &'static str {
        "WeakRef"
    }
    fn methods(&self) -> &'static [&'static str] {
        &["deref"]
    }
    fn get(&self, _this: &Value, _key: &str) -> Option<Result<Value, Throw>> {
        None
    }
    fn call(&self, _this: &Value, name: &str, _args: &[Value]) -> Option<Result<Value, Throw>> {
        (name == "deref").then(|| Ok(self.target.clone()))
    }
    fn inspect(&self, _this: &Value) -> String {
        "WeakRef { <target> }".to_string()
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// `new WeakRef(target)`.
pub fn new_weak_ref(args: &[Value]) -> Result<Value, Throw> {
    let target = arg(args, 0);
    if !can_be_held_weakly(&target) {
        return Err(Throw::type_error("WeakRef: invalid target"));
    }
    Ok(new_host(WeakRef { target }))
}

/// A `FinalizationRegistry`: its (never called) cleanup callback and the registrations' unregister
/// tokens.
struct FinalizationRegistry {
    _cleanup: Value,
    tokens: RefCell<Vec<Value>>,
}

impl FinalizationRegistry {
    fn register(&self, args: &[Value]) -> Result<Value, Throw> {
        let target = arg(args, 0);
        if !can_be_held_weakly(&target) {
            return Err(Throw::type_error(
                "FinalizationRegistry.prototype.register: invalid target",
            ));
        }
        if super::object_methods::same_value(&target, &arg(args, 1)) {
            return Err(Throw::type_error(
                "FinalizationRegistry.prototype.register: target and holdings must not be same",
            ));
        }
        let token = arg(args, 2);
        if !matches!(token, Value::Undefined) {
            if !can_be_held_weakly(&token) {
                return Err(invalid_token(&token));
            }
            self.tokens.borrow_mut().push(token);
        }
        Ok(Value::Undefined)
    }

    fn unregister(&self, args: &[Value]) -> Result<Value, Throw> {
        let token = arg(args, 0);
        if !can_be_held_weakly(&token) {
            return Err(invalid_token(&token));
        }
        let mut tokens = self.tokens.borrow_mut();
        let before = tokens.len();
        tokens.retain(|kept| !super::object_methods::same_value(kept, &token));
        Ok(Value::Bool(tokens.len() != before))
    }
}

/// V8's error for an unregister token that cannot be held weakly.
fn invalid_token(token: &Value) -> Throw {
    let shown = super::convert::to_string(token)
        .map(|text| text.to_string())
        .unwrap_or_default();
    Throw::type_error(format!("Invalid unregisterToken ('{shown}')"))
}

impl HostObject for FinalizationRegistry {
    fn class(&self) -> &'static str {
        "FinalizationRegistry"
    }
    fn methods(&self) -> &'static [&'static str] {
        &["register", "unregister"]
    }
    fn get(&self, _this: &Value, _key: &str) -> Option<Result<Value, Throw>> {
        None
    }
    fn call(&self, _this: &Value, name: &str, args: &[Value]) -> Option<Result<Value, Throw>> {
        match name {
            "register" => Some(self.register(args)),
            "unregister" => Some(self.unregister(args)),
            _ => None,
        }
    }
    fn inspect(&self, _this: &Value) -> String {
        "FinalizationRegistry {}".to_string()
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// `new FinalizationRegistry(cleanup)`.
pub fn new_finalization_registry(args: &[Value]) -> Result<Value, Throw> {
    let cleanup = arg(args, 0);
    if !matches!(cleanup, Value::Function(_)) {
        return Err(Throw::type_error(
            "FinalizationRegistry: cleanup must be callable",
        ));
    }
    Ok(new_host(FinalizationRegistry {
        _cleanup: cleanup,
        tokens: RefCell::new(Vec::new()),
    }))
}
