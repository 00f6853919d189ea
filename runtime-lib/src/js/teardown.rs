//! Dropping deep structures without deep recursion.
//!
//! Dropping a value drops what it holds, which drops what that holds, and so on: a linked list
//! of 100 000 nodes (`head = { next: head }` in a loop) or an array nested 100 000 deep would
//! recurse 100 000 levels when its last reference goes, overflow the worker's stack and abort
//! the whole server. So arrays and objects count the drops in progress on their thread: up to
//! [`MAX_NESTED_DROPS`] levels drop in place as usual; a container deeper than that moves its
//! contents to a per-thread list instead, which the outermost drop empties one entry at a time.
//! The stack never holds more than that many nested container drops, and a shallow value pays
//! two counter updates per container.
//!
//! ```text
//! impl Drop for JsObject { fn drop(&mut self) { if !teardown::begin() { set_aside(contents) } } }
//! …fields drop in place…  then the last field, a `DropEnd`, runs `teardown::end`
//! ```

use std::any::Any;
use std::cell::{Cell, RefCell};

/// Nested container drops allowed on the stack before contents are set aside.
const MAX_NESTED_DROPS: usize = 64;

thread_local! {
    static DEPTH: Cell<usize> = const { Cell::new(0) };
    static SET_ASIDE: RefCell<Vec<Box<dyn Any>>> = const { RefCell::new(Vec::new()) };
}

/// Opens a container's drop (its `Drop::drop`); `false` when the drops in progress are already
/// [`MAX_NESTED_DROPS`] deep, and the container must [`set_aside`] its contents.
#[inline]
pub(crate) fn begin() -> bool {
    DEPTH.with(|depth| {
        let current = depth.get();
        depth.set(current + 1);
        current < MAX_NESTED_DROPS
    })
}

/// Keeps a deep container's contents to drop later, when the outermost drop finishes.
pub(crate) fn set_aside<T: 'static>(contents: T) {
    SET_ASIDE.with_borrow_mut(|set_aside| set_aside.push(Box::new(contents)));
}

/// The last field of a container: dropped after all the others, it closes the drop
/// [`begin`] opened, and the outermost one empties the set-aside list.
#[derive(Default)]
pub(crate) struct DropEnd;

impl Drop for DropEnd {
    #[inline]
    fn drop(&mut self) {
        let remaining = DEPTH.with(|depth| {
            let remaining = depth.get() - 1;
            depth.set(remaining);
            remaining
        });
        if remaining == 0 {
            drain();
        }
    }
}

/// Drops what deeper drops set aside, at depth 1 so that nothing in it drains again: each entry
/// may set more aside, but the stack holds at most `MAX_NESTED_DROPS` levels at a time.
#[cold]
fn drain() {
    while let Some(next) = SET_ASIDE.with_borrow_mut(Vec::pop) {
        DEPTH.with(|depth| depth.set(1));
        drop(next);
        DEPTH.with(|depth| depth.set(0));
    }
}

#[cfg(test)]
mod tests {
    use crate::js::value::Value;

    /// Runs `body` on a thread with a small stack, as a worker would be if it recursed.
    fn on_small_stack(body: impl FnOnce() + Send + 'static) {
        std::thread::Builder::new()
            .stack_size(256 << 10)
            .spawn(body)
            .expect("a thread starts")
            .join()
            .expect("the thread did not overflow its stack");
    }

    #[test]
    fn a_long_linked_list_drops_without_deep_recursion() {
        on_small_stack(|| {
            let mut head = Value::Null;
            for index in 0..200_000 {
                head = Value::object([("value", Value::from(index as f64)), ("next", head)]);
            }
            drop(head);
        });
    }

    #[test]
    fn deeply_nested_arrays_drop_without_deep_recursion() {
        on_small_stack(|| {
            let mut nested = Value::array(vec![]);
            for _ in 0..200_000 {
                nested = Value::array(vec![nested, Value::from(1.0)]);
            }
            drop(nested);
        });
    }

    #[test]
    fn shared_contents_survive_the_drop_of_their_container() {
        let shared = Value::array(vec![Value::str("kept")]);
        let container = Value::object([("items", shared.clone())]);
        drop(container);
        let Value::Array(items) = &shared else {
            panic!("an array");
        };
        let kept = items.read(0);
        assert_eq!(
            kept.as_js_string().map(|text| text.to_string()),
            Some("kept".into())
        );
    }
}
