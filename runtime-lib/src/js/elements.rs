//! How an array stores its elements: a dense vector, plus — only when needed — holes, a sparse
//! tail, a length past the stored elements, and named (non-index) properties.
//!
//! ```text
//! [1, 2, 3]                → items [1, 2, 3], extra None            (the common, fast case)
//! [1, , 3]                 → items [1, undefined, 3], holes {1}
//! a = []; a.length = 1e9   → items [], length 1e9                   (nothing allocated)
//! a = [1]; a[4e9] = 2      → items [1], tail {4000000000: 2}, length 4000000001
//! m = /(a)/.exec("a")      → items ["a", "a"], props {index: 0, input: "a", groups: undefined}
//! ```
//!
//! A hole slot of the dense vector holds `undefined`, so code that only reads elements sees what
//! JS reads (`[1,,3][1]` is `undefined`); methods that skip holes (`forEach`, `Object.keys`, `in`)
//! ask [`JsArray::get`] / [`JsArray::next_present`]. Everything rare lives in one boxed
//! [`Extra`], so a dense array costs one pointer more than a bare `Vec` and its reads and pushes
//! check one `Option`. V8 keeps huge sparse arrays in dictionary mode; the tail plays that role,
//! so `arr.length = 4294967295` or `a[1e9] = x` allocate nothing in proportion to the length.
//! Spec: ECMA-262 §10.4.2 (Array exotic objects).

use std::cell::{Cell, Ref, RefCell};
use std::collections::BTreeMap;
use std::rc::Rc;

use super::error::Throw;
use super::freeze::Integrity;
use super::property::PropertyMap;
use super::string::JsString;
use super::value::{JsFunction, Value};

/// The largest array length (2³² − 1).
pub const MAX_LENGTH: usize = 4_294_967_295;

/// The most elements an operation copies out of an array at once (spread, `join`, `reverse` of a
/// sparse array…). V8 would walk a length of 4e9 for minutes or run out of memory; past this
/// bound the runtime throws `RangeError: Invalid array length` instead of allocating gigabytes.
pub const MAX_MATERIALIZED: usize = 1 << 24;

/// How far past the dense part a write may land and still extend the vector (filling holes);
/// a write further out goes to the sparse tail.
const DENSE_GAP: usize = 1 << 16;

/// An array value: elements and own named properties.
#[derive(Default)]
pub struct JsArray {
    /// Elements `0..items.len()`; hole slots hold `undefined`.
    items: RefCell<Vec<Value>>,
    /// Holes, sparse tail, extra length and named properties; `None` for a dense array without
    /// named properties.
    extra: RefCell<Option<Box<Extra>>>,
    /// `Object.freeze`/`seal`/`preventExtensions` (see `freeze.rs`).
    pub integrity: Cell<Integrity>,
    /// Dropped last: closes the drop that `Drop for JsArray` opened (`teardown.rs`).
    _end: super::teardown::DropEnd,
}

/// The rarely-needed parts of an array.
#[derive(Default)]
struct Extra {
    /// `holes[i]` is true when slot `i` of the dense vector is a hole (indices past the end of
    /// this vector are present).
    holes: Vec<bool>,
    /// How many entries of `holes` are true, so "has holes" is O(1).
    hole_count: usize,
    /// Elements at indices at or past `items.len()` (far-out writes).
    tail: BTreeMap<usize, Value>,
    /// The length when it exceeds `items.len()`: the slots in between are holes unless the tail
    /// has them. Ignored while smaller than `items.len()`.
    length: usize,
    /// Own properties whose keys are not array indices (`a.extra`, `a[-1]`, a match's `index`).
    props: PropertyMap,
    /// The class that built it when it is an instance of a class extending `Array`
    /// (`subclass.rs`): its methods are looked up before the built-in ones.
    class: Option<Rc<JsFunction>>,
    /// Private fields of such an instance (`this.#top`).
    private: PropertyMap,
}

impl Extra {
    fn is_hole(&self, index: usize) -> bool {
        self.holes.get(index).copied().unwrap_or(false)
    }

    fn mark_hole(&mut self, index: usize) {
        if self.holes.len() <= index {
            self.holes.resize(index + 1, false);
        }
        if !self.holes[index] {
            self.holes[index] = true;
            self.hole_count += 1;
        }
    }

    fn fill_hole(&mut self, index: usize) {
        if let Some(slot) = self.holes.get_mut(index)
            && *slot
        {
            *slot = false;
            self.hole_count -= 1;
        }
    }

    /// Whether the elements are plain dense storage (named properties do not matter).
    fn elements_packed(&self, dense: usize) -> bool {
        self.hole_count == 0 && self.tail.is_empty() && self.length <= dense
    }
}

impl Drop for JsArray {
    fn drop(&mut self) {
        // Deeply nested arrays must not drop recursively (see `teardown.rs`).
        if !super::teardown::begin() {
            super::teardown::set_aside((
                std::mem::take(self.items.get_mut()),
                self.extra.get_mut().take(),
            ));
        }
    }
}

impl JsArray {
    /// A dense array of `items`.
    pub fn new(items: Vec<Value>) -> JsArray {
        JsArray {
            items: RefCell::new(items),
            extra: RefCell::new(None),
            integrity: Cell::new(Integrity::Extensible),
            _end: super::teardown::DropEnd,
        }
    }

    /// An array of `items` whose slots listed in `holes` are holes (array literals with
    /// elisions: `[1, , 3]`).
    pub fn with_holes(items: Vec<Value>, holes: &[usize]) -> JsArray {
        let array = JsArray::new(items);
        for &index in holes {
            array.delete(index);
        }
        array
    }

    /// An array of `length` holes (`new Array(n)`, `map`'s result before it is filled).
    pub fn with_length(length: usize) -> JsArray {
        let array = JsArray::default();
        array.extra_mut(|extra| extra.length = length);
        array
    }

    /// An array from slots, `None` being a hole.
    pub fn from_slots(slots: Vec<Option<Value>>) -> JsArray {
        let array = JsArray::default();
        array.set_slots(slots);
        array
    }

    fn extra_mut<R>(&self, change: impl FnOnce(&mut Extra) -> R) -> R {
        change(self.extra.borrow_mut().get_or_insert_with(Box::default))
    }

    /// `length`.
    pub fn len(&self) -> usize {
        let dense = self.items.borrow().len();
        match &*self.extra.borrow() {
            None => dense,
            Some(extra) => dense.max(extra.length),
        }
    }

    /// Whether `length` is 0.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Whether every index below `length` holds an element (no holes, no sparse tail): then
    /// [`JsArray::dense`] is the whole array.
    pub fn is_packed(&self) -> bool {
        match &*self.extra.borrow() {
            None => true,
            Some(extra) => extra.elements_packed(self.items.borrow().len()),
        }
    }

    /// The dense storage. Holes read as `undefined` in it, and it omits the sparse tail and a
    /// length past it: use it as the whole array only when [`JsArray::is_packed`].
    pub fn dense(&self) -> Ref<'_, Vec<Value>> {
        self.items.borrow()
    }

    /// The element at `index`, `None` for a hole or past the end.
    pub fn get(&self, index: usize) -> Option<Value> {
        let items = self.items.borrow();
        if let Some(item) = items.get(index) {
            return match &*self.extra.borrow() {
                Some(extra) if extra.is_hole(index) => None,
                _ => Some(item.clone()),
            };
        }
        drop(items);
        match &*self.extra.borrow() {
            Some(extra) => extra.tail.get(&index).cloned(),
            None => None,
        }
    }

    /// The element at `index` as JS reads it (`undefined` for a hole).
    pub fn read(&self, index: usize) -> Value {
        self.get(index).unwrap_or_default()
    }

    /// `array[index]` when `index` falls inside the dense vector (a hole slot holds
    /// `undefined`, which is what JS reads there); `None` sends the caller to [`JsArray::read`].
    /// Inlined into compiled code: a loop over an array costs a borrow and a clone per element.
    #[inline(always)]
    pub fn read_dense(&self, index: usize) -> Option<Value> {
        self.items.borrow().get(index).cloned()
    }

    /// Extensible, without holes, sparse tail, named properties or class: the arrays the
    /// inlined fast paths write to directly.
    #[inline(always)]
    fn is_plain(&self) -> bool {
        self.integrity.get() == Integrity::Extensible && self.extra.borrow().is_none()
    }

    /// `array[index] = value` for a plain extensible array without holes, tail or named
    /// properties, writing inside the vector or appending at its end; gives `value` back when
    /// the array needs the general path ([`JsArray::set`] after the integrity checks).
    #[inline(always)]
    pub fn write_plain(&self, index: usize, value: Value) -> Result<(), Value> {
        if !self.is_plain() {
            return Err(value);
        }
        let mut items = self.items.borrow_mut();
        match items.len() {
            dense if index < dense => std::mem::replace(&mut items[index], value).release(),
            dense if index == dense => items.push(value),
            _ => return Err(value),
        }
        Ok(())
    }

    /// `array.push(value)` for a plain extensible array without holes, tail, named properties
    /// or class (so no own `push` shadows the built-in): the new length, or `None` for the
    /// general path. Inlined into compiled code, where `push` is the commonest method call.
    #[inline(always)]
    pub fn push_plain(&self, value: &Value) -> Option<usize> {
        if !self.is_plain() {
            return None;
        }
        let mut items = self.items.borrow_mut();
        // Past 2³² − 1 the general path throws V8's RangeError.
        if items.len() >= MAX_LENGTH {
            return None;
        }
        items.push(value.clone());
        Some(items.len())
    }

    /// `index in array` for an index.
    pub fn has(&self, index: usize) -> bool {
        let dense = self.items.borrow().len();
        match &*self.extra.borrow() {
            None => index < dense,
            Some(extra) if index < dense => !extra.is_hole(index),
            Some(extra) => extra.tail.contains_key(&index),
        }
    }

    /// Whether `key` (not `length`) is an own property: an element present at that index, or a
    /// named property.
    pub fn has_own_key(&self, key: &JsString) -> bool {
        match super::property::array_index(key) {
            Some(index) => self.has(index as usize),
            None => self.prop(key).is_some(),
        }
    }

    /// The first index at or after `from` that holds an element (holes skipped).
    pub fn next_present(&self, from: usize) -> Option<usize> {
        let dense = self.items.borrow().len();
        let extra = self.extra.borrow();
        let Some(extra) = &*extra else {
            return (from < dense).then_some(from);
        };
        if from < dense {
            if extra.hole_count == 0 {
                return Some(from);
            }
            if let Some(index) = (from..dense).find(|&index| !extra.is_hole(index)) {
                return Some(index);
            }
        }
        extra
            .tail
            .range(from.max(dense)..)
            .next()
            .map(|(&index, _)| index)
    }

    /// The last index before `before` that holds an element (holes skipped).
    pub fn previous_present(&self, before: usize) -> Option<usize> {
        let dense = self.items.borrow().len();
        let extra = self.extra.borrow();
        let Some(extra) = &*extra else {
            return (before > 0 && dense > 0).then(|| before.min(dense) - 1);
        };
        if let Some((&index, _)) = extra.tail.range(..before).next_back() {
            return Some(index);
        }
        (0..before.min(dense))
            .rev()
            .find(|&index| !extra.is_hole(index))
    }

    /// The indices that hold elements, ascending (`Object.keys`); as many as there are
    /// elements stored.
    pub fn present_indices(&self) -> Vec<usize> {
        let mut indices = Vec::new();
        let mut from = 0;
        while let Some(index) = self.next_present(from) {
            indices.push(index);
            from = index + 1;
        }
        indices
    }

    /// Whether the array has a hole below `length` at or after `from`.
    pub fn has_hole_from(&self, from: usize) -> bool {
        let length = self.len();
        let dense = self.items.borrow().len();
        match &*self.extra.borrow() {
            None => false,
            Some(extra) => {
                (extra.hole_count > 0
                    && (from..dense.min(length)).any(|index| extra.is_hole(index)))
                    || extra.tail.range(from.max(dense)..).count()
                        < length.saturating_sub(from.max(dense))
            }
        }
    }

    /// `array[index] = value` for an array index (below 2³² − 1).
    pub fn set(&self, index: usize, value: Value) {
        let mut items = self.items.borrow_mut();
        let dense = items.len();
        if index < dense {
            items[index] = value;
            if let Some(extra) = &mut *self.extra.borrow_mut() {
                extra.fill_hole(index);
            }
            return;
        }
        if index == dense && self.extra.borrow().is_none() {
            items.push(value);
            return;
        }
        let mut extra = self.extra.borrow_mut();
        let extra = extra.get_or_insert_with(Box::default);
        if index - dense > DENSE_GAP {
            extra.tail.insert(index, value);
            extra.length = extra.length.max(index + 1);
            return;
        }
        // Extend the vector up to `index`: the new slots are holes unless the tail has them.
        for slot in dense..index {
            match extra.tail.remove(&slot) {
                Some(item) => items.push(item),
                None => {
                    items.push(Value::Undefined);
                    extra.mark_hole(slot);
                }
            }
        }
        extra.tail.remove(&index);
        items.push(value);
        extra.fill_hole(index);
    }

    /// `array.push(value)`; throws when the length would pass 2³² − 1.
    pub fn push(&self, value: Value) -> Result<(), Throw> {
        if self.extra.borrow().is_none() {
            self.items.borrow_mut().push(value);
            return Ok(());
        }
        let length = self.len();
        if length >= MAX_LENGTH {
            return Err(Throw::range_error("Invalid array length"));
        }
        self.set(length, value);
        Ok(())
    }

    /// Appends `values` (a fast path for dense arrays).
    pub fn extend(&self, values: impl IntoIterator<Item = Value>) -> Result<(), Throw> {
        if self.extra.borrow().is_none() {
            self.items.borrow_mut().extend(values);
            return Ok(());
        }
        for value in values {
            self.push(value)?;
        }
        Ok(())
    }

    /// `delete array[index]`: leaves a hole.
    pub fn delete(&self, index: usize) {
        let mut items = self.items.borrow_mut();
        if index < items.len() {
            items[index] = Value::Undefined;
            self.extra_mut(|extra| extra.mark_hole(index));
        } else if let Some(extra) = &mut *self.extra.borrow_mut() {
            extra.tail.remove(&index);
        }
    }

    /// `array.length = length` (already validated): truncates or grows with holes.
    pub fn set_len(&self, length: usize) {
        let mut items = self.items.borrow_mut();
        if self.extra.borrow().is_none() {
            if length < items.len() {
                items.truncate(length);
            } else if length > items.len() {
                self.extra_mut(|extra| extra.length = length);
            }
            return;
        }
        let mut extra = self.extra.borrow_mut();
        let extra = extra.get_or_insert_with(Box::default);
        if length < items.len() {
            items.truncate(length);
            if extra.holes.len() > length {
                extra.holes.truncate(length);
                extra.hole_count = extra.holes.iter().filter(|hole| **hole).count();
            }
        }
        extra.tail.retain(|&index, _| index < length);
        extra.length = length;
    }

    /// Removes and returns the last element (`pop`); a hole pops as `undefined`.
    pub fn pop(&self) -> Value {
        if self.extra.borrow().is_none() {
            return self.items.borrow_mut().pop().unwrap_or_default();
        }
        let length = self.len();
        if length == 0 {
            return Value::Undefined;
        }
        let last = self.read(length - 1);
        self.set_len(length - 1);
        last
    }

    /// Every slot, `None` for a hole; throws rather than allocate past [`MAX_MATERIALIZED`].
    pub fn slots(&self) -> Result<Vec<Option<Value>>, Throw> {
        let length = self.len();
        if length > MAX_MATERIALIZED {
            return Err(Throw::range_error("Invalid array length"));
        }
        if self.is_packed() {
            return Ok(self.items.borrow().iter().cloned().map(Some).collect());
        }
        Ok((0..length).map(|index| self.get(index)).collect())
    }

    /// Every element as JS reads it (`undefined` for holes): spread, `for…of`, `Array.from`.
    pub fn to_vec(&self) -> Result<Vec<Value>, Throw> {
        if self.is_packed() {
            return Ok(self.items.borrow().clone());
        }
        Ok(self
            .slots()?
            .into_iter()
            .map(Option::unwrap_or_default)
            .collect())
    }

    /// Replaces every element (named properties stay); `None` slots become holes.
    pub fn set_slots(&self, slots: Vec<Option<Value>>) {
        let length = slots.len();
        let mut holes = Vec::new();
        let mut hole_count = 0;
        let items: Vec<Value> = slots
            .into_iter()
            .enumerate()
            .map(|(index, slot)| {
                slot.unwrap_or_else(|| {
                    if holes.len() <= index {
                        holes.resize(index + 1, false);
                    }
                    holes[index] = true;
                    hole_count += 1;
                    Value::Undefined
                })
            })
            .collect();
        self.set_elements(items, holes, hole_count, length);
    }

    /// Replaces every element with dense `items` followed by holes up to `length` (`sort`
    /// moves holes to the end).
    pub fn set_prefix(&self, items: Vec<Value>, length: usize) {
        self.set_elements(items, Vec::new(), 0, length);
    }

    fn set_elements(&self, items: Vec<Value>, holes: Vec<bool>, hole_count: usize, length: usize) {
        *self.items.borrow_mut() = items;
        let mut extra = self.extra.borrow_mut();
        match &mut *extra {
            Some(extra) => {
                extra.holes = holes;
                extra.hole_count = hole_count;
                extra.tail.clear();
                extra.length = length;
            }
            None if hole_count > 0 || length > self.items.borrow().len() => {
                *extra = Some(Box::new(Extra {
                    holes,
                    hole_count,
                    length,
                    ..Extra::default()
                }));
            }
            None => {}
        }
    }

    /// Runs `change` on the dense vector of a packed array (`sort`, `reverse`, `splice`'s fast
    /// paths); `None` (without running it) when the array is not packed.
    pub fn with_packed<R>(&self, change: impl FnOnce(&mut Vec<Value>) -> R) -> Option<R> {
        if !self.is_packed() {
            return None;
        }
        let result = change(&mut self.items.borrow_mut());
        // A packed array's length may not lag behind its vector after a shrink.
        if let Some(extra) = &mut *self.extra.borrow_mut() {
            extra.length = 0;
        }
        Some(result)
    }

    /// The named property `key`.
    pub fn prop(&self, key: &JsString) -> Option<Value> {
        self.extra
            .borrow()
            .as_ref()
            .and_then(|extra| extra.props.get(key).cloned())
    }

    /// Reads the named (and symbol-keyed) properties with `read`.
    pub fn with_props<R>(&self, read: impl FnOnce(&PropertyMap) -> R) -> R {
        match &*self.extra.borrow() {
            Some(extra) => read(&extra.props),
            None => read(&PropertyMap::new()),
        }
    }

    /// Changes the named (and symbol-keyed) properties with `change`.
    pub fn with_props_mut<R>(&self, change: impl FnOnce(&mut PropertyMap) -> R) -> R {
        self.extra_mut(|extra| change(&mut extra.props))
    }

    /// Sets the named property `key` (not an index, not `length`).
    pub fn set_prop(&self, key: JsString, value: Value) {
        self.extra_mut(|extra| extra.props.insert(key, value));
    }

    /// Removes the named property `key`.
    pub fn remove_prop(&self, key: &JsString) {
        if let Some(extra) = &mut *self.extra.borrow_mut() {
            extra.props.remove(key);
        }
    }

    /// The named properties in insertion order (after the indices in `Object.keys`).
    pub fn props(&self) -> Vec<(JsString, Value)> {
        match &*self.extra.borrow() {
            Some(extra) => extra
                .props
                .iter()
                .map(|(key, value)| (key.clone(), value.clone()))
                .collect(),
            None => Vec::new(),
        }
    }

    /// The class extending `Array` that built it (`new Stack()`), `None` for a plain array.
    pub fn class(&self) -> Option<Rc<JsFunction>> {
        self.extra
            .borrow()
            .as_ref()
            .and_then(|extra| extra.class.clone())
    }

    /// Makes it an instance of `class` (only when `new` allocates it).
    pub fn set_class(&self, class: Rc<JsFunction>) {
        self.extra_mut(|extra| extra.class = Some(class));
    }

    /// The private field `key` of a subclass instance.
    pub fn private(&self, key: &JsString) -> Option<Value> {
        self.extra
            .borrow()
            .as_ref()
            .and_then(|extra| extra.private.get(key).cloned())
    }

    /// Sets the private field `key`.
    pub fn set_private(&self, key: JsString, value: Value) {
        self.extra_mut(|extra| extra.private.insert(key, value));
    }

    /// Whether the array has named properties.
    pub fn has_props(&self) -> bool {
        self.extra
            .borrow()
            .as_ref()
            .is_some_and(|extra| !extra.props.is_empty())
    }
}

/// Validates a new array length (`arr.length = n`, `new Array(n)`): a whole number in
/// `0..=2³² − 1`, else V8's `RangeError: Invalid array length`.
pub fn valid_length(length: f64) -> Result<usize, Throw> {
    if (0.0..=MAX_LENGTH as f64).contains(&length) && length.fract() == 0.0 {
        Ok(length as usize)
    } else {
        Err(Throw::range_error("Invalid array length"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn numbers(array: &JsArray) -> Vec<Option<f64>> {
        array
            .slots()
            .unwrap()
            .into_iter()
            .map(|slot| match slot {
                Some(Value::Number(number)) => Some(number),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn writes_past_the_end_leave_holes() {
        let array = JsArray::new(vec![Value::from(1)]);
        array.set(3, Value::from(4));
        assert_eq!(numbers(&array), [Some(1.0), None, None, Some(4.0)]);
        assert_eq!(array.present_indices(), [0, 3]);
        array.set(1, Value::from(2));
        assert_eq!(array.present_indices(), [0, 1, 3]);
    }

    #[test]
    fn huge_lengths_allocate_nothing() {
        let array = JsArray::new(vec![Value::from(1)]);
        array.set_len(MAX_LENGTH);
        assert_eq!(array.len(), MAX_LENGTH);
        array.set(4_000_000_000, Value::from(2));
        assert_eq!(array.present_indices(), [0, 4_000_000_000]);
        assert_eq!(array.previous_present(MAX_LENGTH), Some(4_000_000_000));
        assert!(array.slots().is_err());
        array.set_len(2);
        assert_eq!(array.present_indices(), [0]);
        assert_eq!(array.len(), 2);
    }

    #[test]
    fn tail_elements_move_into_the_vector_when_it_reaches_them() {
        let array = JsArray::default();
        array.set(100_000, Value::from(1));
        array.set(100_001 - DENSE_GAP, Value::from(2));
        assert_eq!(array.present_indices(), [100_001 - DENSE_GAP, 100_000]);
        array.set(100_001, Value::from(3));
        assert_eq!(
            array.present_indices(),
            [100_001 - DENSE_GAP, 100_000, 100_001]
        );
        assert_eq!(array.len(), 100_002);
    }
}
