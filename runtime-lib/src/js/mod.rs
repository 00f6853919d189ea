//! The JavaScript value model and builtins that compiled handlers call.
//!
//! Generated code imports this module as `rt` (`use backworks_runtime::js as rt;`) and calls the
//! flat functions re-exported here:
//!
//! ```text
//! post.title.toLowerCase()   →   rt::call_method(&rt::get(&post, "title")?, "toLowerCase", &[])?
//! a + b                      →   rt::add(&a, &b)?
//! ```
//!
//! One builtin family per file: `array.rs`, `string_methods.rs`, `json.rs`, `date.rs`, …
//! Values are `Rc`-based and single-threaded; `isolate.rs` explains how module state is shared.

// Builtin method tables are `match` arms whose bodies use `?`; an immediately-invoked closure
// gives each arm its own `Result` scope without a helper function per method.
#![allow(clippy::redundant_closure_call)]

pub mod access;
pub mod arguments;
pub mod array;
pub mod async_fn;
pub mod async_generator;
pub mod base64;
pub mod bigint;
pub mod bigint_arrays;
pub mod bigint_global;
pub mod budget;
pub mod builders;
pub mod builtin_prototypes;
pub mod bytes;
pub mod class;
pub mod clone;
pub mod collate;
pub mod collections;
pub mod console;
pub mod convert;
pub mod crypto;
pub mod data_view;
pub mod date;
pub mod db;
#[cfg(feature = "storage")]
mod db_store;
pub mod descriptors;
pub mod elements;
pub mod error;
pub mod event_loop;
pub mod exceptions;
pub mod fdlibm;
pub mod fetch;
pub mod freeze;
pub mod generator;
pub mod global_names;
pub mod globals;
pub mod host;
#[cfg(feature = "intl")]
pub mod intl;
pub mod isolate;
pub mod iterate;
pub mod iterator;
pub mod json;
pub mod math;
pub mod microtasks;
pub mod namespace;
pub mod node;
pub mod number;
pub mod number_methods;
pub mod object_methods;
pub mod operators;
pub mod ordered_table;
pub mod process;
pub mod promise;
pub mod promise_combinators;
pub mod property;
pub mod protocol;
pub mod prototype;
pub mod proxy;
pub mod reflect;
pub mod regexp;
pub mod request_task;
pub mod static_keys;
pub mod string;
pub mod string_methods;
pub mod subclass;
pub mod symbol;
pub mod symbol_props;
pub mod teardown;
pub mod text_encoding;
pub mod timers;
pub mod to_primitive;
pub mod typed_array_methods;
pub mod uri;
pub mod value;
pub mod weak;
pub mod weak_ref;

pub use access::{
    call, call_at, call_method, call_method_at, call_method_computed, call_method_computed_at,
    call_with_this, define, define_computed, delete, delete_strict, get, get_computed, get_index,
    set, set_computed, set_computed_strict, set_index, set_index_strict, set_strict,
};
pub use arguments::arguments_object;
pub use async_fn::{await_now, await_value, spawn_async};
pub use async_generator::{ForAwait, async_generator, async_yield_star};
pub use bigint::literal as bigint_literal;
pub use budget::tick;
pub use builders::{
    Var, arg, arg_ref, array, array_with_holes, destructure, destructure_any, destructure_named,
    func, increment, item, object, object_rest, pattern_items, pattern_items_named, pattern_take,
    pattern_take_named, rest_args, rest_items, spread_object, template, template_strings, throw,
    with_source,
};
pub use class::{
    ClassParent, ThisBinding, arrow, builtin_constructor, class, define_class_accessor,
    define_method, define_static, define_static_method, get_private, has_private,
    instance_of_value, method, new_instance, set_private, super_construct, super_method,
};
pub use convert::{
    number_of, number_operand, number_value, to_number, to_string, truthy, truthy_owned, type_of,
};
pub use descriptors::define_accessor;
pub use error::Throw;
pub use exceptions::{Completion, catch_value, const_assignment, undeclared};
pub use generator::{generator, generator_function, yield_star, yield_value};
pub use global_names::{global_read, global_typeof, global_write};
pub use globals::{call_static, construct, instance_of, namespace_value, static_fn, static_value};
pub use isolate::{Isolate, ModuleHandle, Modules};
pub use iterate::{ForOf, spread_into};
pub use namespace::{
    commonjs_namespace, dynamic_import, export_star, finish_namespace, forward, import_get,
    pending_exports, publish_export, require_esm,
};
pub use operators::{
    add, bit_and, bit_not, bit_or, bit_xor, div, ge, gt, has_property, le, loose_eq, lt, mul, neg,
    not, plus, pow, rem, same_value_zero, shl, shr, strict_eq, sub, type_of_value, ushr,
};
pub use prototype::{for_in_keys, literal_prototype};
pub use regexp::regexp;
pub use string::JsString;
pub use symbol_props::{define_computed_accessor, define_computed_method};
pub use value::Value;
