//! The iteration protocol on any object: `[Symbol.iterator]()` returns an iterator whose
//! `next()` answers `{ value, done }`, and whose optional `return()` is called when a consumer
//! stops early.
//!
//! ```text
//! const range = { [Symbol.iterator]() { let i = 0; return { next: () => ({ value: i, done: i++ >= 3 }) }; } };
//! for (const n of range) …      [...range] → [0, 1, 2]      const [first] = range  (then return())
//! ```
//!
//! Built-in iterables (arrays, strings, Maps, Sets, their iterators) keep their direct paths in
//! `iterate.rs`; this file is what a user object, a class instance or a generator goes through.
//! Reference: ECMA-262 §7.4 (GetIterator, IteratorStep, IteratorClose).

use super::access::{call_with_this, get};
use super::convert::truthy;
use super::error::Throw;
use super::value::Value;

/// An iterator obtained from an object's `[Symbol.iterator]()`.
pub struct UserIterator {
    /// The iterator object.
    iterator: Value,
    /// Its `next` method, read once as the spec does (`undefined` for a generator object, whose
    /// steps are taken directly).
    next: Value,
    /// Exhausted, failed or closed: no more `next()` and no `return()`.
    done: bool,
}

fn is_object(value: &Value) -> bool {
    matches!(
        value,
        Value::Object(_) | Value::Array(_) | Value::Function(_)
    )
}

/// The `[Symbol.iterator]` method of `value`, when it has a callable one.
pub fn iterator_method(value: &Value) -> Result<Option<Value>, Throw> {
    if !matches!(
        value,
        Value::Object(_) | Value::Function(_) | Value::Array(_) | Value::String(_)
    ) {
        return Ok(None);
    }
    // A plain object without symbol keys anywhere on its chain cannot be iterable: answered
    // without building the symbol (`Array.from(arrayLike)` asks this of every argument).
    if let Value::Object(object) = value
        && matches!(object.kind, super::value::ObjectKind::Plain)
        && !super::symbol_props::chain_has_symbols(value)
    {
        return Ok(None);
    }
    let Value::Symbol(symbol) = super::symbol::well_known("iterator") else {
        return Ok(None);
    };
    Ok(match super::symbol_props::get(value, &symbol)? {
        method @ Value::Function(_) => Some(method),
        _ => None,
    })
}

/// Whether `value` has a user-visible `[Symbol.iterator]` (own, inherited or a generator's).
pub fn is_user_iterable(value: &Value) -> bool {
    matches!(iterator_method(value), Ok(Some(_)))
}

impl UserIterator {
    /// GetIterator: `None` when `value` has no callable `[Symbol.iterator]`.
    pub fn open(value: &Value) -> Result<Option<UserIterator>, Throw> {
        if super::generator::is_sync_generator(value) {
            return Ok(Some(UserIterator::over_generator(value.clone())));
        }
        let Some(method) = iterator_method(value)? else {
            return Ok(None);
        };
        let iterator = call_with_this(&method, value, &[])?;
        UserIterator::from_iterator(iterator).map(Some)
    }

    /// An iterator object already in hand (what `[Symbol.iterator]()` returned).
    pub fn from_iterator(iterator: Value) -> Result<UserIterator, Throw> {
        if !is_object(&iterator) {
            return Err(Throw::type_error(
                "Result of the Symbol.iterator method is not an object",
            ));
        }
        if super::generator::is_sync_generator(&iterator) {
            return Ok(UserIterator::over_generator(iterator));
        }
        let next = get(&iterator, "next")?;
        Ok(UserIterator {
            iterator,
            next,
            done: false,
        })
    }

    fn over_generator(generator: Value) -> UserIterator {
        UserIterator {
            iterator: generator,
            next: Value::Undefined,
            done: false,
        }
    }

    /// The iterator object, to be driven by its owner from now on (no `return()` on drop).
    pub fn into_iterator(mut self) -> Value {
        self.done = true;
        std::mem::take(&mut self.iterator)
    }

    /// IteratorStep: the next value, or `None` once the iterator says it is done.
    pub fn step(&mut self) -> Result<Option<Value>, Throw> {
        if self.done {
            return Ok(None);
        }
        let result = match (&self.next, &self.iterator) {
            (Value::Undefined, generator) if super::generator::is_sync_generator(generator) => {
                super::generator::resume_step(&self.iterator)
            }
            (Value::Function(_), _) => call_with_this(&self.next, &self.iterator, &[]),
            (other, _) => Err(Throw::type_error(format!(
                "{} is not a function",
                super::console::inspect(other)
            ))),
        };
        let result = match result {
            Ok(result) => result,
            Err(thrown) => {
                self.done = true;
                return Err(thrown);
            }
        };
        match iterator_result(result) {
            Ok(Some(value)) => Ok(Some(value)),
            Ok(None) => {
                self.done = true;
                Ok(None)
            }
            Err(thrown) => {
                self.done = true;
                Err(thrown)
            }
        }
    }

    /// IteratorClose after the consumer stopped early (`break`, a destructuring pattern that
    /// needed fewer values): calls `return()` if the iterator has one; its throw, or a result
    /// that is not an object, is the caller's error.
    pub fn close(&mut self) -> Result<(), Throw> {
        if self.done {
            return Ok(());
        }
        self.done = true;
        if super::generator::is_sync_generator(&self.iterator) {
            return super::generator::close(&self.iterator).map(drop);
        }
        let method = get(&self.iterator, "return")?;
        if method.is_nullish() {
            return Ok(());
        }
        let result = call_with_this(&method, &self.iterator, &[])?;
        if !is_object(&result) {
            return Err(not_an_object(&result));
        }
        Ok(())
    }
}

/// A consumer that stops because it threw (or returned from inside a `for…of`) closes the
/// iterator too; the spec discards what `return()` throws then, and so does this.
impl Drop for UserIterator {
    fn drop(&mut self) {
        if !self.done {
            let _ = self.close();
        }
    }
}

/// `Iterator result 1 is not an object`.
pub fn not_an_object(result: &Value) -> Throw {
    Throw::type_error(format!(
        "Iterator result {} is not an object",
        super::console::inspect(result)
    ))
}

/// The value of an iterator result `{ value, done }`, or `None` when `done` is truthy.
pub fn iterator_result(result: Value) -> Result<Option<Value>, Throw> {
    if !is_object(&result) {
        return Err(not_an_object(&result));
    }
    if truthy(&get(&result, "done")?) {
        return Ok(None);
    }
    Ok(Some(get(&result, "value")?))
}

/// Every value a user iterable yields (spread, `Array.from`, `new Map(…)`).
pub fn collect(iterator: &mut UserIterator) -> Result<Vec<Value>, Throw> {
    let mut items = Vec::new();
    while let Some(item) = iterator.step()? {
        super::budget::tick()?;
        items.push(item);
    }
    Ok(items)
}

/// The first `count` values (a destructuring pattern without a rest element), then
/// IteratorClose if the iterator is not done.
pub fn take(iterator: &mut UserIterator, count: usize) -> Result<Vec<Value>, Throw> {
    let mut items = Vec::with_capacity(count);
    while items.len() < count {
        match iterator.step()? {
            Some(item) => items.push(item),
            None => return Ok(items),
        }
    }
    iterator.close()?;
    Ok(items)
}
