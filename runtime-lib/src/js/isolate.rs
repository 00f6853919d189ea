//! Module state: the isolates of a generated server, and module evaluation on `require`.
//!
//! Each compiled module has an `evaluate` function that runs its top level once and returns its
//! `module.exports`. A [`Modules`] registry caches those results, so a module evaluates once, in
//! the order `require` reaches it, as in Node:
//!
//! ```text
//! const { posts } = require("./data.js");   →   let data = modules.require("data", super::data::evaluate)?;
//! ```
//!
//! Stateful modules (their top level holds values that handlers can mutate) live in an
//! [`Isolate`]: a registry behind a mutex, and a handler of such a module runs while holding the
//! lock. A service has one isolate per *group* of stateful modules (`ISOLATES[i]` in the
//! generated `src/js/mod.rs`): the compiler puts two modules in one group when `require` edges
//! connect them, in either direction and through any module. Handlers of different groups run
//! in parallel. Handlers of stateless modules evaluate a fresh private registry on each call and
//! run in parallel too (evaluating a stateless module has no effects, so this is unobservable).
//!
//! Why one lock per group is as sound, and as faithful to Node, as one lock per service:
//! - a JS value is reachable from a registry only through the exports of the modules evaluated
//!   in it, i.e. the modules of its group and what they require. Two groups share no module (a
//!   shared module would connect them), so no value of one group's state is reachable from the
//!   other's. JS has no other shared place: the global object is not supported
//!   (`globalThis` is a diagnostic) and built-in prototypes do not carry assigned properties;
//! - runtime caches that outlive a call hold no `Rc` shared with module state: the regexp cache
//!   shares compiled patterns through an `Arc` (atomic counts), the other thread-locals
//!   (call depth, budget, microtask queue, the task being polled) are emptied when a call ends;
//! - in Node every module is evaluated once, in the order `require` reaches it; here each
//!   module is still evaluated once, in its group's registry, in require order — only the
//!   relative order of unrelated groups' first evaluations depends on which request comes first,
//!   as it already did between modules of one registry.
//!
//! `bridge::run_stateful` builds `req` before it takes the lock: those values are new, reachable
//! only from the calling thread, and they are moved into the locked call, which drops every
//! reference it did not store in module state before the guard is released. The handler's
//! result is converted to plain data inside the lock, because it may be (or contain) module
//! state.

use std::cell::{OnceCell, RefCell};
use std::rc::{Rc, Weak};
use std::sync::{Mutex, MutexGuard, OnceLock, PoisonError};

use super::event_loop::EventLoop;

use super::error::Throw;
use super::value::Value;

/// The signature of a compiled module's top-level evaluation.
pub type Evaluate = fn(&Modules) -> Result<Value, Throw>;

/// Evaluated modules by name.
pub struct Modules {
    registry: OnceCell<Rc<Registry>>,
}

/// The cache behind a [`Modules`] and the [`ModuleHandle`]s of its functions.
#[derive(Default)]
struct Registry {
    loaded: RefCell<Vec<(&'static str, Value)>>,
    /// ES modules whose evaluation threw, and what they threw: Node keeps an errored module
    /// record, so every later `import` rethrows the same value without evaluating it again.
    failed: RefCell<Vec<(&'static str, Value)>>,
    /// The namespace an `import` of a CommonJS module sees, made at its first import: Node
    /// makes one per module, so every `import * as ns`/`import()` of it gets the same object.
    namespaces: RefCell<Vec<(&'static str, Value)>>,
    /// The `module` objects of modules whose evaluation has started and not finished: a
    /// `require`/`import` that reaches one again (a cycle) gets its exports as they are now,
    /// as Node gives a partially filled `module.exports` or a namespace not yet initialised.
    loading: RefCell<Vec<(&'static str, Value)>>,
    /// Each ES module's exports object (its namespace), made before the module evaluates:
    /// importers bind to it first, so hoisted function exports are reachable across a cycle.
    esm_exports: RefCell<Vec<(&'static str, Value)>>,
}

/// The value a registry list keeps for the module `name`, if any.
fn kept(list: &RefCell<Vec<(&'static str, Value)>>, name: &str) -> Option<Value> {
    list.borrow()
        .iter()
        .find(|(kept, _)| *kept == name)
        .map(|(_, value)| value.clone())
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
            registry: OnceCell::new(),
        }
    }

    fn registry(&self) -> &Rc<Registry> {
        self.registry.get_or_init(Rc::default)
    }

    /// `require(...)`: the module's exports, evaluating it the first time. A module whose
    /// evaluation throws is not cached (Node removes it from `require.cache` too).
    pub fn require(&self, name: &'static str, evaluate: Evaluate) -> Result<Value, Throw> {
        if let Some(exports) = kept(&self.registry().loaded, name) {
            return Ok(exports);
        }
        // A cycle: the module is being evaluated further up the stack.
        if let Some(module) = kept(&self.registry().loading, name) {
            return super::access::get(&module, "exports");
        }
        let evaluated = evaluate(self);
        self.registry()
            .loading
            .borrow_mut()
            .retain(|(loading, _)| *loading != name);
        let exports = evaluated?;
        self.registry()
            .loaded
            .borrow_mut()
            .push((name, exports.clone()));
        Ok(exports)
    }

    /// Called by a module's `evaluate` once its `module` object exists: until it returns, a
    /// `require`/`import` of it (a cycle) answers its `module.exports` as it is then.
    pub fn enter(&self, name: &'static str, module: &Value) {
        self.registry()
            .loading
            .borrow_mut()
            .push((name, module.clone()));
    }

    /// The exports object (namespace) of the ES module `name`, made on first use, before or
    /// during its evaluation (see [`Registry::esm_exports`]).
    pub fn esm_exports(&self, name: &'static str) -> Value {
        if let Some(exports) = kept(&self.registry().esm_exports, name) {
            return exports;
        }
        let exports = Value::object(Vec::<(&str, Value)>::new());
        self.registry()
            .esm_exports
            .borrow_mut()
            .push((name, exports.clone()));
        exports
    }

    /// Loading an ES module (`import`, `import()`, `require(esm)`): as [`Self::require`], but an
    /// evaluation that throws is remembered and rethrown, as Node does for module records.
    pub fn import(&self, name: &'static str, evaluate: Evaluate) -> Result<Value, Throw> {
        if let Some(thrown) = kept(&self.registry().failed, name) {
            return Err(Throw::new(thrown));
        }
        self.require(name, evaluate).inspect_err(|thrown| {
            if thrown.is_catchable() {
                self.registry()
                    .failed
                    .borrow_mut()
                    .push((name, thrown.value.clone()));
            }
        })
    }

    /// The namespace of the CommonJS module `name` whose exports are `exports` (see
    /// [`super::namespace::commonjs_namespace`]), made once per registry.
    pub fn commonjs_namespace(
        &self,
        name: &'static str,
        exports: &Value,
        names: &[&str],
    ) -> Result<Value, Throw> {
        if let Some(namespace) = kept(&self.registry().namespaces, name) {
            return Ok(namespace);
        }
        let namespace = super::namespace::commonjs_namespace(exports, names)?;
        self.registry()
            .namespaces
            .borrow_mut()
            .push((name, namespace.clone()));
        Ok(namespace)
    }

    /// What a module's functions keep to `require` lazily (`function f() { require("./x.js") }`)
    /// or `import()` later: a weak reference, so that a registry dropped at the end of a
    /// stateless call is not kept alive by the functions stored in it.
    pub fn handle(&self) -> ModuleHandle {
        ModuleHandle(Rc::downgrade(self.registry()))
    }
}

/// A module's reference to the registry it was evaluated in (see [`Modules::handle`]).
#[derive(Clone)]
pub struct ModuleHandle(Weak<Registry>);

impl ModuleHandle {
    /// The registry the function's module was evaluated in, while it lives.
    fn modules(&self) -> Result<Modules, Throw> {
        let registry = self
            .0
            .upgrade()
            .ok_or_else(|| Throw::error("Error", "the module registry of this function is gone"))?;
        Ok(Modules {
            registry: OnceCell::from(registry),
        })
    }

    /// `require(...)` from inside a function: the module's exports, evaluated on first use in
    /// the registry of the module that holds the function.
    pub fn require(&self, name: &'static str, evaluate: Evaluate) -> Result<Value, Throw> {
        self.modules()?.require(name, evaluate)
    }

    /// [`Modules::commonjs_namespace`] from inside a function.
    pub fn commonjs_namespace(
        &self,
        name: &'static str,
        exports: &Value,
        names: &[&str],
    ) -> Result<Value, Throw> {
        self.modules()?.commonjs_namespace(name, exports, names)
    }

    /// [`Modules::import`] from inside a function.
    pub fn import(&self, name: &'static str, evaluate: Evaluate) -> Result<Value, Throw> {
        self.modules()?.import(name, evaluate)
    }
}

/// The registry inside the isolate's mutex.
///
/// SAFETY of the `Send` impl (all a `static Mutex` needs): `Modules` holds `Rc`s (JS values),
/// which are neither `Send` nor `Sync`. Every `Rc` reachable from it is created and touched
/// only by code that holds this isolate's mutex: a stateful handler call locks its
/// [`Isolate`], evaluates/reads modules, runs the handler, converts its result into plain
/// `Send` data and drops every JS value it holds, all before the guard is released (see
/// `bridge::run_stateful`). Values made before the lock (the request) are reachable from the
/// calling thread alone until they are moved into the locked call, and dropped inside it. No JS
/// value escapes the locked region — the entry point returns only
/// `HandlerResponse`/`HandlerError` — so no two threads ever touch the same reference counts or
/// `RefCell`s concurrently, and values are never observed from a thread without the lock.
/// Another isolate's lock does not protect these values, and need not: the compiler gives two
/// modules one isolate whenever `require`s connect them (module docs above), so no value is
/// reachable from two isolates. Thread-local caches hold no `Rc` that module state shares (the
/// regexp cache's patterns are `Arc`s) and no JS value past a call.
pub struct IsolateState(pub Modules);

unsafe impl Send for IsolateState {}

/// The module state of one group of stateful modules: behind one lock when its handlers run
/// inline, or owned by one event-loop thread when any of its modules may do I/O (the compiler
/// decides per group; a group uses one or the other, never both).
pub struct Isolate {
    state: Mutex<IsolateState>,
    event_loop: OnceLock<EventLoop>,
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
            event_loop: OnceLock::new(),
        }
    }

    /// The loop thread that owns this isolate's module state, started by its first request.
    /// Its registry lives on that thread alone (`event_loop.rs`), so it needs no lock.
    pub fn event_loop(&self) -> &EventLoop {
        self.event_loop.get_or_init(EventLoop::for_isolate)
    }

    /// Takes the lock. A handler that panicked while holding it poisoned it; module state may
    /// then be half-updated, exactly as after an exception in Node, so the guard is recovered
    /// and the server keeps serving.
    pub fn lock(&self) -> MutexGuard<'_, IsolateState> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }
}
