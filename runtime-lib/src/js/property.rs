//! Own properties of an object, in the order JavaScript enumerates them.
//!
//! V8 (and the spec's `OrdinaryOwnPropertyKeys`) lists integer-like keys first in ascending
//! numeric order, then the other string keys in insertion order:
//!
//! ```text
//! o = {}; o.b = 1; o["10"] = 2; o.a = 3; o["2"] = 4;   Object.keys(o) → ["2", "10", "b", "a"]
//! ```
//!
//! The map keeps that order as it is built: index keys are inserted at their sorted place among
//! the leading index keys, other keys are appended. Keys are hashed with foldhash (seeded per
//! process, as hashbrown's default): SipHash made property access the largest cost of a
//! request.

use indexmap::IndexMap;
use indexmap::map::Entry;

use super::string::JsString;
use super::symbol::SymbolKey;
use super::value::Value;

/// The own properties of an ordinary object.
#[derive(Clone, Default)]
pub struct PropertyMap {
    entries: IndexMap<JsString, Value, foldhash::fast::RandomState>,
    /// How many leading entries are array-index keys.
    index_keys: usize,
    /// The attributes of the properties that are not plain writable, enumerable and
    /// configurable data (`Object.defineProperty`, getters and setters); absent for almost every
    /// object, so ordinary maps pay one `None` check. An accessor's entry holds `undefined`.
    /// Boxed so that the map of every object grows by one pointer, not by a whole `HashMap`.
    /// The same box holds the symbol-keyed properties, which are as rare.
    special: Option<Box<Special>>,
}

/// What few objects have: attributes other than the defaults, and symbol-keyed properties.
#[derive(Clone, Default)]
struct Special {
    /// Attributes by string key (every key here is also in `entries`).
    attributes: std::collections::HashMap<JsString, Attributes>,
    /// Symbol-keyed properties in insertion order (`Object.getOwnPropertySymbols`), looked up
    /// linearly: an object rarely has more than a couple.
    symbols: Vec<SymbolProperty>,
}

/// One symbol-keyed property.
#[derive(Clone)]
pub struct SymbolProperty {
    /// Its key.
    pub key: SymbolKey,
    /// Its value (`undefined` for an accessor).
    pub value: Value,
    /// Its attributes (an accessor's getter and setter among them).
    pub attributes: Attributes,
}

/// A property's attributes when they are not the defaults of an assignment.
#[derive(Clone)]
pub struct Attributes {
    /// Listed by `Object.keys`, `for…in`, JSON and spread.
    pub enumerable: bool,
    /// Assignments change it (data properties).
    pub writable: bool,
    /// It may be deleted or redefined.
    pub configurable: bool,
    /// Its getter and setter (`undefined` when absent), for an accessor property.
    pub accessor: Option<(Value, Value)>,
}

impl Attributes {
    /// The attributes of a property made by assignment.
    pub const DATA: Attributes = Attributes {
        enumerable: true,
        writable: true,
        configurable: true,
        accessor: None,
    };

    /// Whether these are the attributes of a property made by assignment.
    pub fn is_default(&self) -> bool {
        self.enumerable && self.writable && self.configurable && self.accessor.is_none()
    }
}

/// The numeric value of a canonical array-index key (`"0"`, `"42"`, not `"01"` or `"-1"`).
pub fn array_index(key: &JsString) -> Option<u32> {
    let text = key.as_ascii()?;
    if text.is_empty() || text.len() > 10 || (text.len() > 1 && text.starts_with('0')) {
        return None;
    }
    if !text.bytes().all(|byte| byte.is_ascii_digit()) {
        return None;
    }
    let value: u64 = text.parse().ok()?;
    (value < u64::from(u32::MAX)).then_some(value as u32)
}

/// An ASCII key as borrowed text: it hashes as `JsString::Ascii` does (one write of the bytes)
/// and equals only that form, so a map of `JsString`s can be searched with it.
struct AsciiKey<'a>(&'a str);

impl std::hash::Hash for AsciiKey<'_> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        state.write(self.0.as_bytes());
    }
}

impl indexmap::Equivalent<JsString> for AsciiKey<'_> {
    fn equivalent(&self, key: &JsString) -> bool {
        key.as_ascii() == Some(self.0)
    }
}

impl PropertyMap {
    /// An empty map.
    pub fn new() -> Self {
        Self::default()
    }

    /// An empty map with room for `capacity` properties.
    pub fn with_capacity(capacity: usize) -> Self {
        PropertyMap {
            entries: IndexMap::with_capacity_and_hasher(capacity, Default::default()),
            index_keys: 0,
            special: None,
        }
    }

    /// The value under `key`.
    pub fn get(&self, key: &JsString) -> Option<&Value> {
        self.entries.get(key)
    }

    /// The value under an ASCII key given as Rust text, found without building a `JsString`
    /// (`post.title` in compiled code and `JSON.stringify`'s `toJSON` lookup read keys this
    /// way). `key` must be ASCII, the only text `JsString` stores as bytes.
    pub fn get_ascii(&self, key: &str) -> Option<&Value> {
        debug_assert!(key.is_ascii(), "{key:?} would be a wide JsString");
        self.entries.get(&AsciiKey(key))
    }

    /// Whether `key` is present.
    pub fn contains(&self, key: &JsString) -> bool {
        self.entries.contains_key(key)
    }

    /// Sets `key`, keeping its place if it exists.
    pub fn insert(&mut self, key: JsString, value: Value) {
        let Some(index) = array_index(&key) else {
            // One hash for both the lookup and the insertion.
            match self.entries.entry(key) {
                Entry::Occupied(mut occupied) => {
                    occupied.insert(value);
                }
                Entry::Vacant(vacant) => {
                    vacant.insert(value);
                }
            }
            return;
        };
        if let Some(slot) = self.entries.get_mut(&key) {
            *slot = value;
            return;
        }
        let position = self.entries.as_slice()[..self.index_keys]
            .partition_point(|existing, _| array_index(existing).unwrap_or(0) < index);
        self.entries.shift_insert(position, key, value);
        self.index_keys += 1;
    }

    /// The attributes of `key`, when they are not the defaults.
    pub fn attributes(&self, key: &JsString) -> Option<&Attributes> {
        self.special.as_ref()?.attributes.get(key)
    }

    /// Sets the attributes of `key` (present in the map); the defaults drop the record.
    pub fn set_attributes(&mut self, key: &JsString, attributes: Attributes) {
        if attributes.is_default() {
            if let Some(special) = &mut self.special {
                special.attributes.remove(key);
            }
            return;
        }
        self.special
            .get_or_insert_with(Default::default)
            .attributes
            .insert(key.clone(), attributes);
    }

    /// Makes `key` a plain data property again (CreateDataProperty over an accessor).
    pub fn clear_attributes(&mut self, key: &JsString) {
        if let Some(special) = &mut self.special {
            special.attributes.remove(key);
        }
    }

    /// Whether some property has attributes other than the defaults (reads must then check
    /// for accessors).
    pub fn has_special(&self) -> bool {
        self.special
            .as_ref()
            .is_some_and(|special| !special.attributes.is_empty())
    }

    /// Every own key, enumerable or not, in enumeration order (`Object.getOwnPropertyNames`).
    pub fn all_keys(&self) -> impl Iterator<Item = &JsString> {
        self.entries.keys()
    }

    /// Removes `key`, keeping the order of the others.
    pub fn remove(&mut self, key: &JsString) -> Option<Value> {
        if let Some(special) = &mut self.special {
            special.attributes.remove(key);
        }
        let removed = self.entries.shift_remove(key);
        if removed.is_some() && array_index(key).is_some() {
            self.index_keys -= 1;
        }
        removed
    }

    /// The values in enumeration order, to overwrite in place (`JSON.parse` copies the map of
    /// an object with the same keys, then sets the values).
    pub fn values_mut(&mut self) -> impl Iterator<Item = &mut Value> {
        self.entries.values_mut()
    }

    /// Whether any key is an array index (those are not in insertion order).
    pub fn has_index_keys(&self) -> bool {
        self.index_keys > 0
    }

    /// The enumerable properties' keys and values in enumeration order (an accessor's value is
    /// its `undefined` placeholder: readers that may meet one check [`Self::has_special`]).
    pub fn iter(&self) -> impl Iterator<Item = (&JsString, &Value)> {
        let special = self.special.as_deref();
        self.entries.iter().filter(move |(key, _)| {
            special.is_none_or(|special| special.attributes.get(*key).is_none_or(|a| a.enumerable))
        })
    }

    /// The symbol-keyed property `key`.
    pub fn symbol(&self, key: &SymbolKey) -> Option<&SymbolProperty> {
        self.special
            .as_ref()?
            .symbols
            .iter()
            .find(|property| property.key == *key)
    }

    /// Sets the symbol-keyed property `key` (keeping its place if it exists; a plain value
    /// replaces an accessor only when `attributes` say so).
    pub fn insert_symbol(&mut self, key: SymbolKey, value: Value, attributes: Attributes) {
        let symbols = &mut self.special.get_or_insert_with(Default::default).symbols;
        match symbols.iter_mut().find(|property| property.key == key) {
            Some(property) => {
                property.value = value;
                property.attributes = attributes;
            }
            None => symbols.push(SymbolProperty {
                key,
                value,
                attributes,
            }),
        }
    }

    /// Removes the symbol-keyed property `key`.
    pub fn remove_symbol(&mut self, key: &SymbolKey) -> Option<Value> {
        let symbols = &mut self.special.as_mut()?.symbols;
        let position = symbols.iter().position(|property| property.key == *key)?;
        Some(symbols.remove(position).value)
    }

    /// The symbol-keyed properties in insertion order, enumerable or not.
    pub fn symbols(&self) -> &[SymbolProperty] {
        self.special
            .as_ref()
            .map_or(&[], |special| special.symbols.as_slice())
    }

    /// How many properties there are.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integer_keys_come_first_in_ascending_order() {
        // node -e 'o={};o.b=1;o["10"]=2;o.a=3;o["2"]=4;o["01"]=5;console.log(Object.keys(o))'
        // → [ '2', '10', 'b', 'a', '01' ]
        let mut map = PropertyMap::new();
        for key in ["b", "10", "a", "2", "01"] {
            map.insert(JsString::new(key), Value::Null);
        }
        let keys: Vec<String> = map.iter().map(|(key, _)| key.to_string()).collect();
        assert_eq!(keys, ["2", "10", "b", "a", "01"]);
        map.remove(&JsString::new("2"));
        map.insert(JsString::new("1"), Value::Null);
        let keys: Vec<String> = map.iter().map(|(key, _)| key.to_string()).collect();
        assert_eq!(keys, ["1", "10", "b", "a", "01"]);
        assert!(map.has_index_keys());
    }

    #[test]
    fn ascii_keys_are_found_from_rust_text() {
        let mut map = PropertyMap::new();
        map.insert(JsString::new("toJSON"), Value::Bool(true));
        map.insert(JsString::new("é"), Value::Null);
        assert!(matches!(map.get_ascii("toJSON"), Some(Value::Bool(true))));
        assert!(map.get_ascii("toJSO").is_none());
        assert!(!map.has_index_keys());
    }
}
