//! Classes, `new`, `super` and `instanceof` on user constructors.
//!
//! A class is a function value whose [`ClassData`] says how to initialise an instance; methods
//! live on its `prototype` object, statics in its own properties. An instance is an object that
//! remembers the class that built it (`JsObject::class`); property reads and method calls look at
//! its own properties first, then walk the prototypes up the `extends` chain ([`inherited`]):
//!
//! ```text
//! class Dog extends Animal {            let parent = rt::ClassParent::of(&Animal)?;
//!   constructor(n) { super(n); … }      let Dog = rt::class("Dog", 1, parent.clone(), move |this, args| {
//!   bark() { return this.name; }            rt::super_construct(&parent, this, &[n])?; … })?;
//! }                                     rt::define_method(&Dog, "bark", rt::method("bark", 0, …));
//! new Dog("Rex")                        rt::new_instance(&Dog, &[…], "Dog")?
//! ```
//!
//! A class extending a built-in Error class builds Error objects (`name`, `message` and `stack`
//! stay non-enumerable; `instanceof Error` holds); one extending `Array`, `Map` or `Set` builds
//! arrays, Maps or Sets (`subclass.rs`). Constructor functions (`function P() {}`)
//! work with `new` too: `this` is a fresh object whose class is the function.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use super::error::{ERROR_CLASSES, Throw};
use super::property::PropertyMap;
use super::string::JsString;
use super::value::{ErrorData, JsFunction, JsObject, NativeFn, ObjectKind, Value};

/// What a class extends.
#[derive(Clone)]
pub enum ClassParent {
    /// Nothing: a base class.
    None,
    /// A built-in class: an Error class, `Array`, `Map` or `Set`.
    Builtin(BuiltinBase),
    /// A user class or constructor function.
    Function(Rc<JsFunction>),
}

/// The built-in class at the root of an `extends` chain: it decides what kind of value `new`
/// allocates and what `super(…)` does to it.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum BuiltinBase {
    /// An Error class (`Error`, `TypeError`, …): instances are Error objects.
    Error(&'static str),
    /// `Array`: instances are arrays (`subclass.rs`).
    Array,
    /// `Map`: instances are Maps.
    Map,
    /// `Set`: instances are Sets.
    Set,
}

impl ClassParent {
    /// The parent named by `extends value` (V8's TypeError when it cannot be one).
    pub fn of(value: &Value) -> Result<ClassParent, Throw> {
        match value {
            Value::Function(function) if function.constructable => {
                Ok(ClassParent::Function(function.clone()))
            }
            Value::Null => Ok(ClassParent::None),
            other => Err(Throw::type_error(format!(
                "Class extends value {} is not a constructor or null",
                super::console::inspect(other)
            ))),
        }
    }

    /// A built-in Error class by name.
    pub fn error(name: &'static str) -> ClassParent {
        ClassParent::Builtin(BuiltinBase::Error(name))
    }

    /// A built-in class by name: `Array`, `Map`, `Set`, or else an Error class (the compiler
    /// only passes those).
    pub fn builtin(name: &'static str) -> ClassParent {
        ClassParent::Builtin(match name {
            "Array" => BuiltinBase::Array,
            "Map" => BuiltinBase::Map,
            "Set" => BuiltinBase::Set,
            error => BuiltinBase::Error(error),
        })
    }
}

/// How `new` and `super(…)` initialise instances of a class.
pub struct ClassData {
    /// What it extends.
    pub parent: ClassParent,
    /// Field initialisers and constructor body, run with `this` = the new instance.
    pub init: Box<NativeFn>,
    /// The built-in class at the root of the `extends` chain, if any: instances are Error
    /// objects, arrays, Maps or Sets.
    pub base: Option<BuiltinBase>,
}

/// Defines a class: `init` runs field initialisers and the constructor body.
pub fn class(
    name: &str,
    length: u32,
    parent: ClassParent,
    init: impl Fn(&Value, &[Value]) -> Result<Value, Throw> + 'static,
) -> Result<Value, Throw> {
    let base = match &parent {
        ClassParent::None => None,
        ClassParent::Builtin(base) => Some(*base),
        ClassParent::Function(function) => function.class.as_ref().and_then(|class| class.base),
    };
    let shown = name.to_string();
    Ok(Value::Function(Rc::new(JsFunction {
        name: JsString::new(name),
        length,
        call: Box::new(move |_, _| {
            Err(Throw::type_error(format!(
                "Class constructor {shown} cannot be invoked without 'new'"
            )))
        }),
        props: RefCell::new(PropertyMap::new()),
        prototype: RefCell::new(None),
        constructable: true,
        builtin: None,
        source: Cell::new(None),
        proxy: None,
        class: Some(ClassData {
            parent,
            init: Box::new(init),
            base,
        }),
    })))
}

/// A method (of a class or an object literal): callable, not constructable.
pub fn method(
    name: &str,
    length: u32,
    body: impl Fn(&Value, &[Value]) -> Result<Value, Throw> + 'static,
) -> Value {
    Value::arrow_function(name, length, body)
}

/// An arrow function: callable, not constructable.
pub fn arrow(
    name: &str,
    length: u32,
    body: impl Fn(&Value, &[Value]) -> Result<Value, Throw> + 'static,
) -> Value {
    Value::arrow_function(name, length, body)
}

/// `F.prototype`, created on first use.
pub fn prototype_of(function: &JsFunction) -> Value {
    if let Some(prototype) = &*function.prototype.borrow() {
        return prototype.clone();
    }
    let prototype = Value::object_of_kind(ObjectKind::Plain);
    // A derived class's prototype inherits from its parent's, so that
    // `Object.getPrototypeOf(User.prototype) === Model.prototype`.
    if let Some(ClassParent::Function(parent)) = function.class.as_ref().map(|class| &class.parent)
        && let Value::Object(object) = &prototype
    {
        *object.proto.borrow_mut() = super::prototype::Prototype::Object(prototype_of(parent));
    }
    *function.prototype.borrow_mut() = Some(prototype.clone());
    prototype
}

/// Adds a method to a class's prototype.
pub fn define_method(class: &Value, name: &str, method: Value) {
    if let Value::Function(function) = class
        && let Value::Object(prototype) = prototype_of(function)
    {
        prototype
            .props
            .borrow_mut()
            .insert(JsString::new(name), method);
    }
}

/// Adds a static member to a class.
pub fn define_static(class: &Value, name: &str, value: Value) {
    if let Value::Function(function) = class {
        function
            .props
            .borrow_mut()
            .insert(JsString::new(name), value);
    }
}

/// A static method of a class: like V8's, not enumerable (`Object.keys(Class)` lists the
/// static fields only).
pub fn define_static_method(class: &Value, name: &str, value: Value) {
    if let Value::Function(function) = class {
        let key = JsString::new(name);
        let mut props = function.props.borrow_mut();
        props.insert(key.clone(), value);
        props.set_attributes(
            &key,
            super::property::Attributes {
                enumerable: false,
                ..super::property::Attributes::DATA
            },
        );
    }
}

/// `get x() {…}` / `set x(v) {…}` in a class body: a non-enumerable accessor on the
/// prototype (or on the class itself when `is_static`); a getter and a setter of one name
/// combine.
pub fn define_class_accessor(
    class: &Value,
    name: &str,
    getter: Value,
    setter: Value,
    is_static: bool,
) {
    let Value::Function(function) = class else {
        return;
    };
    let key = JsString::new(name);
    let apply = |props: &std::cell::RefCell<super::property::PropertyMap>| {
        let mut map = props.borrow_mut();
        let (old_get, old_set) = map
            .attributes(&key)
            .and_then(|attributes| attributes.accessor.clone())
            .unwrap_or_default();
        let accessor = (
            if matches!(getter, Value::Undefined) {
                old_get
            } else {
                getter.clone()
            },
            if matches!(setter, Value::Undefined) {
                old_set
            } else {
                setter.clone()
            },
        );
        map.insert(key.clone(), Value::Undefined);
        map.set_attributes(
            &key,
            super::property::Attributes {
                enumerable: false,
                writable: false,
                configurable: true,
                accessor: Some(accessor),
            },
        );
    };
    if is_static {
        apply(&function.props);
    } else if let Value::Object(prototype) = prototype_of(function) {
        apply(&prototype.props);
    }
}

/// The getter and setter of an accessor that instances of `class` inherit, if `key` names one
/// before any plain property of that name along the chain, and the name of the class whose
/// prototype holds it (V8 names it in its messages).
pub fn inherited_accessor(class: &JsFunction, key: &JsString) -> Option<(Value, Value, JsString)> {
    // Most classes have no accessor: one flag per prototype, before any key lookup.
    let mut current = Some(class);
    let mut any = false;
    while let Some(function) = current {
        if let Some(Value::Object(prototype)) = &*function.prototype.borrow()
            && prototype.props.borrow().has_special()
        {
            any = true;
            break;
        }
        current = match function.class.as_ref().map(|class| &class.parent) {
            Some(ClassParent::Function(parent)) => Some(parent),
            _ => None,
        };
    }
    if !any {
        return None;
    }
    let mut current = Some(class);
    while let Some(function) = current {
        if let Some(Value::Object(prototype)) = &*function.prototype.borrow() {
            let props = prototype.props.borrow();
            if props.get(key).is_some() {
                return props.attributes(key).and_then(|a| {
                    let (get, set) = a.accessor.clone()?;
                    Some((get, set, function.name.clone()))
                });
            }
        }
        current = match function.class.as_ref().map(|class| &class.parent) {
            Some(ClassParent::Function(parent)) => Some(parent),
            _ => None,
        };
    }
    None
}

/// A property inherited through the prototypes of `class` and its ancestors.
pub fn inherited(class: &JsFunction, key: &JsString) -> Option<Value> {
    let mut current = Some(class);
    while let Some(function) = current {
        if let Some(Value::Object(prototype)) = &*function.prototype.borrow() {
            if let Some(value) = prototype.props.borrow().get(key) {
                return Some(value.clone());
            }
            // `Object.setPrototypeOf(F.prototype, Parent.prototype)` (`util.inherits`, code
            // compiled from classes): the lookup goes on along that explicit chain.
            if matches!(
                *prototype.proto.borrow(),
                super::prototype::Prototype::Object(_)
            ) {
                return match super::prototype::inherited(prototype, key) {
                    super::prototype::Inherited::Found(value) => Some(value),
                    _ => None,
                };
            }
        }
        current = match function.class.as_ref().map(|class| &class.parent) {
            Some(ClassParent::Function(parent)) => Some(parent),
            _ => None,
        };
    }
    None
}

/// A static member inherited from the classes `class` extends.
pub fn inherited_static(class: &JsFunction, key: &JsString) -> Option<Value> {
    let mut current = match class.class.as_ref().map(|class| &class.parent) {
        Some(ClassParent::Function(parent)) => Some(parent.clone()),
        _ => None,
    };
    while let Some(function) = current {
        if let Some(value) = function.props.borrow().get(key) {
            return Some(value.clone());
        }
        current = match function.class.as_ref().map(|class| &class.parent) {
            Some(ClassParent::Function(parent)) => Some(parent.clone()),
            _ => None,
        };
    }
    None
}

/// The getter and setter of a static accessor that `class` inherits from the classes it
/// extends, when `key` names one before any plain static of that name, and the class that
/// holds it.
pub fn inherited_static_accessor(
    class: &JsFunction,
    key: &JsString,
) -> Option<(Value, Value, Value)> {
    let mut current = match class.class.as_ref().map(|class| &class.parent) {
        Some(ClassParent::Function(parent)) => Some(parent.clone()),
        _ => None,
    };
    while let Some(function) = current {
        {
            let props = function.props.borrow();
            if props.get(key).is_some() {
                return props.attributes(key).and_then(|a| {
                    let (get, set) = a.accessor.clone()?;
                    Some((get, set, Value::Function(function.clone())))
                });
            }
        }
        current = match function.class.as_ref().map(|class| &class.parent) {
            Some(ClassParent::Function(parent)) => Some(parent.clone()),
            _ => None,
        };
    }
    None
}

/// A method of `receiver` found on its class chain (own properties are the caller's business).
pub fn inherited_method(receiver: &Value, key: &JsString) -> Option<Value> {
    match receiver {
        Value::Object(object) => object
            .class
            .as_ref()
            .and_then(|class| inherited(class, key)),
        Value::Array(array) => array.class().and_then(|class| inherited(&class, key)),
        _ => None,
    }
}

fn allocate(constructor: &Rc<JsFunction>) -> Value {
    let base = constructor.class.as_ref().and_then(|class| class.base);
    let kind = match base {
        Some(BuiltinBase::Error(base)) => ObjectKind::Error(ErrorData {
            name: RefCell::new(JsString::new(base)),
            message: RefCell::new(JsString::empty()),
        }),
        Some(BuiltinBase::Array) => return super::subclass::allocate_array(constructor),
        Some(base) => super::subclass::collection_kind(base).unwrap_or(ObjectKind::Plain),
        None => ObjectKind::Plain,
    };
    let mut object = JsObject::new(kind, PropertyMap::new());
    object.class = Some(constructor.clone());
    Value::Object(Rc::new(object))
}

fn is_object(value: &Value) -> bool {
    matches!(
        value,
        Value::Object(_) | Value::Array(_) | Value::Function(_)
    )
}

/// `new callee(...args)` for a user class or constructor function; `source` is the callee's
/// source text, which V8 quotes when it is not a constructor.
pub fn new_instance(callee: &Value, args: &[Value], source: &str) -> Result<Value, Throw> {
    let Value::Function(function) = callee else {
        return Err(Throw::type_error(format!("{source} is not a constructor")));
    };
    if !function.constructable {
        return Err(Throw::type_error(format!("{source} is not a constructor")));
    }
    if let Some(constructed) = super::proxy::construct_proxy(callee, args) {
        return constructed;
    }
    // A built-in constructor held in a variable (`const { Array } = globalThis`, lodash's
    // `context.Error`): what `new Array(…)` written directly builds.
    if function.class.is_none()
        && let Some(name) = function.builtin
    {
        return super::globals::construct(name, args);
    }
    let instance = allocate(function);
    let result = super::access::with_call_depth(|| match &function.class {
        Some(class) => (class.init)(&instance, args),
        None => (function.call)(&instance, args),
    })?;
    Ok(if is_object(&result) { result } else { instance })
}

/// Whether `this` is bound yet in one call of a derived class's constructor: V8 throws a
/// `ReferenceError` for `this` before `super(…)`, for a second `super(…)`, and for leaving the
/// constructor without calling it. Arrows inside the constructor share it (clones share the
/// cell).
#[derive(Clone, Default)]
pub struct ThisBinding(Rc<Cell<bool>>);

const THIS_BEFORE_SUPER: &str = "Must call super constructor in derived class before accessing 'this' or returning from derived constructor";

impl ThisBinding {
    /// A constructor call's binding, before `super(…)`.
    pub fn new() -> ThisBinding {
        ThisBinding::default()
    }

    /// Reads `this`: only after `super(…)` has returned.
    pub fn get(&self, this: &Value) -> Result<Value, Throw> {
        if self.0.get() {
            Ok(this.clone())
        } else {
            Err(Throw::error("ReferenceError", THIS_BEFORE_SUPER))
        }
    }

    /// `super(…)` has returned.
    pub fn bind(&self) -> Result<(), Throw> {
        if self.0.replace(true) {
            return Err(Throw::error(
                "ReferenceError",
                "Super constructor may only be called once",
            ));
        }
        Ok(())
    }

    /// The constructor returns: `super(…)` must have run.
    pub fn check_return(&self) -> Result<(), Throw> {
        if self.0.get() {
            Ok(())
        } else {
            Err(Throw::error("ReferenceError", THIS_BEFORE_SUPER))
        }
    }
}

/// `super(...args)` in a derived class's constructor.
pub fn super_construct(parent: &ClassParent, this: &Value, args: &[Value]) -> Result<(), Throw> {
    match parent {
        ClassParent::None => Ok(()),
        ClassParent::Builtin(BuiltinBase::Error(_)) => {
            if let Value::Object(object) = this
                && let ObjectKind::Error(data) = &object.kind
            {
                if let Some(message) = args.first()
                    && !matches!(message, Value::Undefined)
                {
                    *data.message.borrow_mut() = super::convert::to_string(message)?;
                }
                if let Some(options @ Value::Object(_)) = args.get(1)
                    && let Some(cause) =
                        super::access::get_computed_opt(options, &Value::str("cause"))?
                {
                    object
                        .private
                        .borrow_mut()
                        .insert(JsString::new("cause"), cause);
                }
            }
            Ok(())
        }
        ClassParent::Builtin(base) => super::subclass::construct(*base, this, args),
        ClassParent::Function(function) => {
            super::access::with_call_depth(|| match &function.class {
                Some(class) => (class.init)(this, args),
                None => (function.call)(this, args),
            })?;
            Ok(())
        }
    }
}

/// `super.name(...args)` in a method; `is_static` for static methods (`this` is the class).
pub fn super_method(
    parent: &ClassParent,
    this: &Value,
    name: &str,
    args: &[Value],
    is_static: bool,
) -> Result<Value, Throw> {
    let key = JsString::new(name);
    let found = match parent {
        ClassParent::Function(function) if is_static => function
            .props
            .borrow()
            .get(&key)
            .cloned()
            .or_else(|| inherited_static(function, &key)),
        ClassParent::Function(function) => inherited(function, &key),
        _ => None,
    };
    match found {
        Some(method) => super::access::call_with_this(&method, this, args),
        // The built-in method itself, not a subclass's override of it (`super.set(k, v)` in
        // an overridden `set`).
        None if !is_static => super::array::call(this, name, args)
            .or_else(|| super::object_methods::call(this, name, args))
            .unwrap_or_else(|| {
                Err(Throw::type_error(format!(
                    "(intermediate value).{name} is not a function"
                )))
            }),
        None => Err(Throw::type_error(format!(
            "(intermediate value).{name} is not a function"
        ))),
    }
}

/// `value instanceof constructor` where the constructor is a value (a user class or function).
pub fn instance_of_value(value: &Value, constructor: &Value) -> Result<bool, Throw> {
    // A user `static [Symbol.hasInstance](value)` decides (ECMA-262 InstanceofOperator).
    if let Value::Function(_) = constructor
        && super::symbol_props::chain_has_symbols(constructor)
        && let Value::Symbol(symbol) = super::symbol::well_known("hasInstance")
        && let checker @ Value::Function(_) = super::symbol_props::get(constructor, &symbol)?
    {
        let answer =
            super::access::call_with_this(&checker, constructor, std::slice::from_ref(value))?;
        return Ok(super::convert::truthy(&answer));
    }
    let Value::Function(target) = constructor else {
        return Err(Throw::type_error(
            "Right-hand side of 'instanceof' is not callable",
        ));
    };
    // A built-in constructor held in a variable (`const Kind = TypeError`): a fresh native
    // value on each read, recognised by its name.
    if target.source.get().is_none()
        && target.class.is_none()
        && super::globals::is_constructor(&target.name.to_rust())
    {
        return Ok(super::globals::instance_of(value, &target.name.to_rust()));
    }
    // An object whose prototype was set explicitly (`Object.create(F.prototype)`,
    // `Reflect.construct(F, args, G)`, `Object.setPrototypeOf`) or a proxy (its `getPrototypeOf`
    // trap): its chain decides, as in OrdinaryHasInstance.
    if let Value::Object(object) = value
        && (!matches!(*object.proto.borrow(), super::prototype::Prototype::Default)
            || super::proxy::is_proxy_object(object))
    {
        let wanted = prototype_of(target);
        let mut link = super::prototype::get_prototype_of(value)?;
        for _ in 0..super::prototype::MAX_CHAIN {
            if !matches!(link, Value::Object(_)) {
                break;
            }
            if super::object_methods::same_value(&link, &wanted) {
                return Ok(true);
            }
            link = super::prototype::get_prototype_of(&link)?;
        }
        return Ok(false);
    }
    let mut current = match value {
        Value::Object(object) => object.class.clone(),
        Value::Array(array) => array.class(),
        _ => return Ok(false),
    };
    while let Some(function) = current {
        if Rc::ptr_eq(&function, target) {
            return Ok(true);
        }
        // A prototype linked by `Object.setPrototypeOf(F.prototype, G.prototype)`: an
        // instance of F is one of G too.
        if let Some(Value::Object(prototype)) = &*function.prototype.borrow()
            && let Some(Value::Object(wanted)) = &*target.prototype.borrow()
        {
            let mut link = match &*prototype.proto.borrow() {
                super::prototype::Prototype::Object(Value::Object(parent)) => Some(parent.clone()),
                _ => None,
            };
            while let Some(parent) = link {
                if Rc::ptr_eq(&parent, wanted) {
                    return Ok(true);
                }
                link = match &*parent.proto.borrow() {
                    super::prototype::Prototype::Object(Value::Object(next)) => Some(next.clone()),
                    _ => None,
                };
            }
        }
        current = match function.class.as_ref().map(|class| &class.parent) {
            Some(ClassParent::Function(parent)) => Some(parent.clone()),
            _ => None,
        };
    }
    Ok(false)
}

/// `this.#name`.
pub fn get_private(object: &Value, name: &str) -> Result<Value, Throw> {
    let key = JsString::new(name);
    if let Value::Object(data) = object {
        if let Some(value) = data.private.borrow().get(&key) {
            return Ok(value.clone());
        }
        if let Some(method) = inherited_method(object, &key) {
            return Ok(method);
        }
    }
    if let Value::Array(array) = object
        && let Some(value) = array
            .private(&key)
            .or_else(|| inherited_method(object, &key))
    {
        return Ok(value);
    }
    if let Value::Function(function) = object {
        let own = function.props.borrow().get(&key).cloned();
        if let Some(value) = own.or_else(|| inherited_static(function, &key)) {
            return Ok(value);
        }
    }
    Err(Throw::type_error(format!(
        "Cannot read private member {name} from an object whose class did not declare it"
    )))
}

/// `this.#name = value`.
pub fn set_private(object: &Value, name: &str, value: Value) -> Result<(), Throw> {
    if let Value::Object(data) = object {
        data.private.borrow_mut().insert(JsString::new(name), value);
        return Ok(());
    }
    if let Value::Array(array) = object
        && array.class().is_some()
    {
        array.set_private(JsString::new(name), value);
        return Ok(());
    }
    if let Value::Function(function) = object {
        function
            .props
            .borrow_mut()
            .insert(JsString::new(name), value);
        return Ok(());
    }
    Err(Throw::type_error(format!(
        "Cannot write private member {name} to an object whose class did not declare it"
    )))
}

/// `#name in object`.
pub fn has_private(object: &Value, name: &str) -> bool {
    let key = JsString::new(name);
    match object {
        Value::Object(data) => {
            data.private.borrow().contains(&key) || inherited_method(object, &key).is_some()
        }
        Value::Array(array) => {
            array.private(&key).is_some() || inherited_method(object, &key).is_some()
        }
        _ => false,
    }
}

/// The `constructor` of a value without an own or inherited one: its class, or the built-in
/// constructor of its kind.
pub fn constructor_of(value: &Value) -> Value {
    let builtin = builtin_constructor;
    match value {
        Value::Object(object) => {
            if let Some(class) = &object.class {
                return Value::Function(class.clone());
            }
            match &object.kind {
                ObjectKind::Error(data) => {
                    let name = data.name.borrow().to_string();
                    builtin(
                        ERROR_CLASSES
                            .iter()
                            .find(|class| **class == name)
                            .copied()
                            .unwrap_or("Error"),
                    )
                }
                ObjectKind::Date(_) => builtin("Date"),
                ObjectKind::Set(_) => builtin("Set"),
                ObjectKind::Map(_) => builtin("Map"),
                ObjectKind::RegExp(_) => builtin("RegExp"),
                ObjectKind::Promise(_) => builtin("Promise"),
                ObjectKind::WeakMap(_) => builtin("WeakMap"),
                ObjectKind::WeakSet(_) => builtin("WeakSet"),
                ObjectKind::Primitive(Value::Number(_)) => builtin("Number"),
                ObjectKind::Primitive(Value::String(_)) => builtin("String"),
                ObjectKind::Primitive(_) => builtin("Boolean"),
                ObjectKind::ArrayBuffer(_) | ObjectKind::Bytes(_) | ObjectKind::Host(_) => {
                    builtin(super::host::native_class(&object.kind).unwrap_or("Object"))
                }
                // `Array.prototype.constructor === Array`.
                ObjectKind::Prototype(name) => builtin(name),
                ObjectKind::Plain
                | ObjectKind::Arguments
                | ObjectKind::Iterator(_)
                | ObjectKind::Generator(_)
                | ObjectKind::Proxy(_) => builtin("Object"),
            }
        }
        Value::Array(array) => match array.class() {
            Some(class) => Value::Function(class),
            None => builtin("Array"),
        },
        Value::String(_) => builtin("String"),
        Value::Number(_) => builtin("Number"),
        Value::Bool(_) => builtin("Boolean"),
        Value::Function(_) => builtin("Function"),
        Value::Symbol(_) => super::globals::static_fn("Symbol"),
        Value::BigInt(_) => super::globals::static_fn("BigInt"),
        Value::Undefined | Value::Null => Value::Undefined,
    }
}

/// A built-in constructor used as a value (`.map(String)`, `x.constructor === Array`).
pub fn builtin_constructor(name: &'static str) -> Value {
    let call = move |this: &Value, args: &[Value]| {
        // Called without `new` (`new` passes the instance it allocated as `this`).
        if matches!(this, Value::Undefined)
            && let Some(message) = super::globals::call_without_new(name)
        {
            return Err(Throw::type_error(message));
        }
        if super::globals::STATIC_CALLS.contains(&name) {
            super::globals::call_static(name, args)
        } else {
            super::globals::construct(name, args)
        }
    };
    // Every read of a built-in constructor is the same function to `===` (`global.Object ===
    // Object`, `[].constructor === Array`).
    Value::builtin_function(name, name, 1, call)
}
