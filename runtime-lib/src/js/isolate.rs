//! Module state: the one isolate of a generated server, and module evaluation on `require`.
//!
//! Each compiled module has an `evaluate` function that runs its top level once and returns its
//! `module.exports`. A [`Modules`] registry caches those results, so a module evaluates once, in
//! the order `require` reaches it, as in Node:
//!
//! ```text
//! const { posts } = require("./data.js");   →   let data = modules.require("data", super::data::evaluate)?;
//! ```
//!
//! Stateful modules (their top level holds values that handlers can mutate) share one registry,
//! the [`Isolate`], behind one global mutex: a handler of such a module runs while holding the
//! lock. Handlers of stateless modules evaluate a fresh private registry on each call and run in
//! parallel (evaluating a stateless module has no effects, so this is unobservable).

use std::cell::RefCell;
use std::sync::{Mutex, MutexGuard, PoisonError};

use super::error::Throw;
use super::value::Value;

/// The signature of a compiled module's top-level evaluation.
pub type Evaluate = fn(&Modules) -> Result<Value, Throw>;

/// Evaluated modules by name.
pub struct Modules {
    loaded: RefCell<Vec<(&'static str, Value)>>,
}

impl Default for Modules {
    fn default() -> Self {
        Self::new()
    }
}

impl Modules {
    /// An empty registry.
    pub const fn new() -> Self {
        Modules {
            loaded: RefCell::new(Vec::new()),
        }
    }

    /// `require(...)`: the module's exports, evaluating it the first time. A module whose
    /// evaluation throws is not cached (Node removes it from `require.cache` too).
    pub fn require(&self, name: &'static str, evaluate: Evaluate) -> Result<Value, Throw> {
        let cached = self
            .loaded
            .borrow()
            .iter()
            .find(|(loaded, _)| *loaded == name)
            .map(|(_, exports)| exports.clone());
        if let Some(exports) = cached {
            return Ok(exports);
        }
        let exports = evaluate(self)?;
        self.loaded.borrow_mut().push((name, exports.clone()));
        Ok(exports)
    }
}

/// The registry inside the isolate's mutex.
///
/// SAFETY of the `Send` impl (all a `static Mutex` needs): `Modules` holds `Rc`s (JS values), which are neither.
/// Every `Rc` reachable from it is created and touched only by code that holds the isolate's
/// mutex: a stateful handler call locks [`Isolate`], evaluates/reads modules, runs the handler,
/// converts its result into plain `Send` data and drops every JS value it made, all before the
/// guard is released (see `bridge::run_stateful`). No JS value escapes the locked region —
/// the entry point returns only `HandlerResponse`/`HandlerError` — so no two threads ever touch
/// the same reference counts or `RefCell`s concurrently, and values are never observed from a
/// thread without the lock. Thread-local caches (compiled regexps, the call-depth counter) hold
/// no JS values that outlive a call.
pub struct IsolateState(pub Modules);

unsafe impl Send for IsolateState {}

/// All module state of a service, behind one lock.
pub struct Isolate {
    state: Mutex<IsolateState>,
}

impl Default for Isolate {
    fn default() -> Self {
        Self::new()
    }
}

impl Isolate {
    /// An isolate with no module evaluated yet (usable in a `static`).
    pub const fn new() -> Self {
        Isolate {
            state: Mutex::new(IsolateState(Modules::new())),
        }
    }

    /// Takes the lock. A handler that panicked while holding it poisoned it; module state may
    /// then be half-updated, exactly as after an exception in Node, so the guard is recovered
    /// and the server keeps serving.
    pub fn lock(&self) -> MutexGuard<'_, IsolateState> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }
}
