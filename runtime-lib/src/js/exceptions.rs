//! Support for compiled `try`/`catch`/`finally` and other statement-level throws.
//!
//! The compiler lowers a `try` block to a closure whose result says how the block completed
//! ([`Completion`]); a `return`, or a `break`/`continue` to a loop outside the `try`, leaves the
//! closure with that completion, which the code after the `finally` block carries on:
//!
//! ```text
//! try { return f(); }           let done = (|| -> Result<rt::Completion, rt::Throw> {
//! catch (e) { log(e); }             return Ok(rt::Completion::Return(rt::call(&f, &[])?));
//! finally { cleanup(); }        })();
//!                               let done = match done { Err(t) => match rt::catch_value(t)? { e => … } … };
//!                               … finally …;  match done? { rt::Completion::Return(v) => return Ok(v), … }
//! ```
//!
//! A throw that ends a request past its time budget is not catchable ([`catch_value`] passes it
//! on) and skips `finally` blocks.

use super::error::Throw;
use super::value::Value;

/// How a `try`, `catch` or `finally` block completed without throwing.
pub enum Completion {
    /// It ran to its end.
    Normal,
    /// `return value`.
    Return(Value),
    /// `break` to the enclosing statement numbered so by the compiler.
    Break(u32),
    /// `continue` to the enclosing loop numbered so by the compiler.
    Continue(u32),
}

/// The value a `catch` clause binds, or the throw itself again when no `catch` may handle it.
pub fn catch_value(thrown: Throw) -> Result<Value, Throw> {
    if thrown.is_catchable() {
        Ok(thrown.value)
    } else {
        Err(thrown)
    }
}

/// Reading a name declared nowhere: `ReferenceError: name is not defined`. A value-typed
/// result so that the read can stand wherever an expression does.
pub fn undeclared(name: &str) -> Result<super::value::Value, Throw> {
    Err(Throw::error(
        "ReferenceError",
        format!("{name} is not defined"),
    ))
}

/// What assigning to a `const` throws.
pub fn const_assignment() -> Throw {
    Throw::type_error("Assignment to constant variable.")
}
