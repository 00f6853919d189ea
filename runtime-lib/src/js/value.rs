//! The dynamic JavaScript value every compiled expression produces.
//!
//! Values are single-threaded and reference counted (`Rc` + `RefCell`): they never cross a thread
//! or an `.await` (see `isolate.rs` for how module state is shared safely). Cloning a value is
//! cheap: objects, arrays and functions are shared, exactly like JS references.
//!
//! ```text
//! JS  { id: 1, tags: ["a"] }   →   Value::Object(JsObject { kind: Plain, props: {id: 1, tags: Array[..]} })
//! ```

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use super::elements::JsArray;
use super::error::Throw;
pub use super::freeze::Integrity;
use super::property::PropertyMap;
pub use super::prototype::Prototype;
use super::string::JsString;

/// A JavaScript value.
#[derive(Clone, Default)]
pub enum Value {
    /// `undefined`.
    #[default]
    Undefined,
    /// `null`.
    Null,
    /// `true` / `false`.
    Bool(bool),
    /// Every number is an IEEE-754 double.
    Number(f64),
    /// A string of UTF-16 code units.
    String(JsString),
    /// An object of any kind except arrays and functions.
    Object(Rc<JsObject>),
    /// An array: elements (possibly with holes), named properties and its integrity level
    /// (`elements.rs`).
    Array(Rc<JsArray>),
    /// A callable function.
    Function(Rc<JsFunction>),
    /// A symbol (`symbol.rs`): `Symbol("id")`, `Symbol.for(key)`, `Symbol.iterator`.
    Symbol(Rc<super::symbol::JsSymbol>),
    /// A BigInt (`bigint.rs`): `123n`, `BigInt("9007199254740993")`. Boxed so that `Value`
    /// stays two words and number paths pay nothing for it.
    BigInt(Rc<num_bigint::BigInt>),
}

/// An object: its kind (plain, Error, Date, …) and its own enumerable properties.
pub struct JsObject {
    /// What built-in behaviour the object has.
    pub kind: ObjectKind,
    /// Own enumerable properties in enumeration order.
    pub props: RefCell<PropertyMap>,
    /// The class (or constructor function) that built it with `new`: methods are looked up on
    /// its prototype chain after the own properties (see `class.rs`). `None` for literals.
    pub class: Option<Rc<JsFunction>>,
    /// Private fields (`this.#count`), apart from the properties so that nothing enumerates them.
    pub private: RefCell<PropertyMap>,
    /// Where inherited properties come from when it is not the default of the object's kind and
    /// class (`Object.create(proto)`, `Object.create(null)`, `__proto__` in a literal).
    pub proto: RefCell<Prototype>,
    /// `Object.freeze`/`seal`/`preventExtensions` (see `freeze.rs`).
    pub integrity: Cell<Integrity>,
    /// Dropped last: closes the drop that `Drop for JsObject` opened (`teardown.rs`).
    _end: super::teardown::DropEnd,
}

impl Drop for JsObject {
    fn drop(&mut self) {
        // A long chain of objects must not drop recursively (see `teardown.rs`).
        if !super::teardown::begin() {
            super::teardown::set_aside((
                std::mem::take(self.props.get_mut()),
                std::mem::take(self.private.get_mut()),
                std::mem::replace(&mut self.kind, ObjectKind::Plain),
                std::mem::take(self.proto.get_mut()),
                self.class.take(),
            ));
        }
    }
}

impl JsObject {
    /// An object of `kind` with `props`, the default prototype and no class.
    pub fn new(kind: ObjectKind, props: PropertyMap) -> JsObject {
        JsObject {
            kind,
            props: RefCell::new(props),
            class: None,
            private: RefCell::new(PropertyMap::new()),
            proto: RefCell::new(Prototype::Default),
            integrity: Cell::new(Integrity::Extensible),
            _end: super::teardown::DropEnd,
        }
    }
}

/// The built-in kinds of object.
pub enum ObjectKind {
    /// `{}`.
    Plain,
    /// `new Error(…)` and its subclasses; `name`, `message` and `stack` are not enumerable.
    Error(ErrorData),
    /// `new Date(…)`: milliseconds since the epoch (NaN for an invalid date).
    Date(Cell<f64>),
    /// `new Set(…)`: values in insertion order, unique by SameValueZero (stored as keys).
    Set(RefCell<super::ordered_table::OrderedTable>),
    /// `new Map(…)`: entries in insertion order, keys unique by SameValueZero.
    Map(RefCell<super::ordered_table::OrderedTable>),
    /// What `map.keys()`, `set.entries()`, `array.values()` … return.
    Iterator(super::iterator::IteratorData),
    /// A regular expression (`/…/flags`).
    RegExp(super::regexp::RegExpData),
    /// A promise (`promise.rs`).
    Promise(super::promise::PromiseData),
    /// A built-in prototype object (`Object.prototype`, `Array.prototype`, …) named by its
    /// class. It is made afresh on each use, so `===` compares the name (see `prototype.rs`).
    Prototype(&'static str),
    /// A primitive wrapper: `new Number(3)`, `new String("s")`, `new Boolean(false)`.
    Primitive(Value),
    /// `new WeakMap()`: entries keyed by object identity (see `weak.rs`).
    WeakMap(RefCell<super::ordered_table::OrderedTable>),
    /// `new WeakSet()`: objects by identity (stored as keys).
    WeakSet(RefCell<super::ordered_table::OrderedTable>),
    /// `new ArrayBuffer(n)`: bytes that views share (see `bytes.rs`).
    ArrayBuffer(super::bytes::Store),
    /// A `Uint8Array` or `Buffer`: a range of an ArrayBuffer's bytes (see `bytes.rs`).
    Bytes(super::bytes::ByteView),
    /// A built-in class whose state is Rust data (`URL`, `TextEncoder`, a `Hash`; `host.rs`).
    Host(Box<dyn super::host::HostObject>),
    /// What calling a `function*` returns (`generator.rs`).
    Generator(super::generator::GeneratorData),
    /// `new Proxy(target, handler)` (`proxy.rs`).
    Proxy(super::proxy::ProxyData),
    /// A function's `arguments` object (`arguments.rs`): its elements are ordinary own
    /// properties; the kind gives its tag (`[object Arguments]`) and how Node prints it.
    Arguments,
}

/// The hidden fields of an Error object.
pub struct ErrorData {
    /// `Error`, `TypeError`, `RangeError`, …
    pub name: RefCell<JsString>,
    /// The message given to the constructor.
    pub message: RefCell<JsString>,
}

/// The signature of every compiled or native function: `(this, arguments) → result`.
pub type NativeFn = dyn Fn(&Value, &[Value]) -> Result<Value, Throw>;

/// A function value.
pub struct JsFunction {
    /// Its `name`.
    pub name: JsString,
    /// Its `length` (number of declared parameters before defaults and rest).
    pub length: u32,
    /// The code.
    pub call: Box<NativeFn>,
    /// Own properties: static class members and anything assigned (`memo.cache = …`).
    pub props: RefCell<PropertyMap>,
    /// `F.prototype`, created on first use: the methods instances built by `new F` inherit.
    pub prototype: RefCell<Option<Value>>,
    /// Whether `new` may call it (false for arrows and methods).
    pub constructable: bool,
    /// Set for `class` values: how `new` and `super(…)` initialise an instance.
    pub class: Option<super::class::ClassData>,
    /// For a built-in global function, its canonical name: every read of `parseInt` (or
    /// `Number.parseInt`, the same function) builds a new value, and `===` compares this.
    pub builtin: Option<&'static str>,
    /// The source text of a compiled function, which `String(f)` prints as V8 does.
    pub source: Cell<Option<&'static str>>,
    /// For a proxy of a function, the proxy object (`proxy.rs`) its properties go through.
    pub proxy: Option<Value>,
}

impl JsFunction {
    /// A function running `call`, without properties, class or source text.
    pub fn native(name: &str, length: u32, call: Box<NativeFn>, constructable: bool) -> JsFunction {
        JsFunction {
            name: JsString::new(name),
            length,
            call,
            props: RefCell::new(PropertyMap::new()),
            prototype: RefCell::new(None),
            constructable,
            class: None,
            builtin: None,
            source: Cell::new(None),
            proxy: None,
        }
    }
}

impl Value {
    /// A string value from Rust text.
    pub fn str(text: &str) -> Value {
        Value::String(JsString::new(text))
    }

    /// Whether the value is `undefined` or `null`.
    pub fn is_nullish(&self) -> bool {
        matches!(self, Value::Undefined | Value::Null)
    }

    /// Drops the value, skipping the out-of-line drop glue when it owns nothing (`undefined`,
    /// `null`, a boolean, a number). The glue is a call per temporary that the optimiser cannot
    /// remove when it does not know the variant; hot loops drop millions of such values.
    #[inline(always)]
    pub fn release(self) {
        if matches!(
            self,
            Value::Undefined | Value::Null | Value::Bool(_) | Value::Number(_)
        ) {
            std::mem::forget(self);
        } else {
            drop(self);
        }
    }

    /// Wraps a Rust closure as a JS function value.
    pub fn function(
        name: &str,
        length: u32,
        call: impl Fn(&Value, &[Value]) -> Result<Value, Throw> + 'static,
    ) -> Value {
        Value::Function(Rc::new(JsFunction::native(
            name,
            length,
            Box::new(call),
            true,
        )))
    }

    /// A built-in global function; `===` treats every value made for `canonical` as the
    /// same function (`Number.parseInt === parseInt`).
    pub fn builtin_function(
        name: &str,
        canonical: &'static str,
        length: u32,
        call: impl Fn(&Value, &[Value]) -> Result<Value, Throw> + 'static,
    ) -> Value {
        let mut function = JsFunction::native(name, length, Box::new(call), true);
        function.builtin = Some(canonical);
        Value::Function(Rc::new(function))
    }

    /// Wraps a Rust closure as a JS function that `new` rejects (arrows, methods).
    pub fn arrow_function(
        name: &str,
        length: u32,
        call: impl Fn(&Value, &[Value]) -> Result<Value, Throw> + 'static,
    ) -> Value {
        Value::Function(Rc::new(JsFunction::native(
            name,
            length,
            Box::new(call),
            false,
        )))
    }

    /// A new array holding `items`.
    pub fn array(items: Vec<Value>) -> Value {
        Value::Array(Rc::new(JsArray::new(items)))
    }

    /// A new array from slots, `None` being a hole.
    pub fn array_of_slots(slots: Vec<Option<Value>>) -> Value {
        Value::Array(Rc::new(JsArray::from_slots(slots)))
    }

    /// A new object of `kind` without properties.
    pub fn object_of_kind(kind: ObjectKind) -> Value {
        Value::Object(Rc::new(JsObject::new(kind, PropertyMap::new())))
    }

    /// A new plain object with `entries` in order.
    pub fn object<K: Into<JsString>>(entries: impl IntoIterator<Item = (K, Value)>) -> Value {
        let entries = entries.into_iter();
        let mut props = PropertyMap::with_capacity(entries.size_hint().0);
        for (key, value) in entries {
            props.insert(key.into(), value);
        }
        Value::Object(Rc::new(JsObject::new(ObjectKind::Plain, props)))
    }

    /// The JS string inside, if this is a string.
    pub fn as_js_string(&self) -> Option<&JsString> {
        match self {
            Value::String(text) => Some(text),
            _ => None,
        }
    }
}

impl From<f64> for Value {
    fn from(number: f64) -> Self {
        Value::Number(number)
    }
}

impl From<i32> for Value {
    fn from(number: i32) -> Self {
        Value::Number(f64::from(number))
    }
}

impl From<usize> for Value {
    fn from(number: usize) -> Self {
        Value::Number(number as f64)
    }
}

impl From<bool> for Value {
    fn from(flag: bool) -> Self {
        Value::Bool(flag)
    }
}

impl From<&str> for Value {
    fn from(text: &str) -> Self {
        Value::str(text)
    }
}

impl From<String> for Value {
    fn from(text: String) -> Self {
        Value::str(&text)
    }
}

impl From<JsString> for Value {
    fn from(text: JsString) -> Self {
        Value::String(text)
    }
}

impl std::fmt::Debug for Value {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&super::console::inspect(self))
    }
}
