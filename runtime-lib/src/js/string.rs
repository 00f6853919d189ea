//! JavaScript strings: sequences of UTF-16 code units.
//!
//! Most strings handlers see are ASCII, so a [`JsString`] keeps ASCII text as a shared `Rc<str>`
//! (one byte per code unit, so `length` and indexing are byte operations) and everything else as
//! shared UTF-16 code units, which makes `length`, `slice` and indexing exact — including lone
//! surrogates that UTF-8 cannot hold:
//!
//! ```text
//! "héllo".length → 5      "😀".length → 2      "😀".slice(0, 1) → "\ud83d" (a lone surrogate)
//! ```
//!
//! Invariant: a string whose units are all ASCII is always stored as `Ascii`, so two equal strings
//! always have the same representation and equality compares like with like.

use std::borrow::Cow;
use std::fmt;
use std::rc::Rc;

/// A JavaScript string value (immutable, cheap to clone).
#[derive(Clone)]
pub enum JsString {
    /// Only ASCII characters: byte index = code unit index.
    Ascii(Rc<str>),
    /// At least one non-ASCII code unit.
    Wide(Rc<[u16]>),
}

impl JsString {
    /// The empty string.
    pub fn empty() -> Self {
        JsString::Ascii(Rc::from(""))
    }

    /// Builds a string from Rust text.
    pub fn new(text: &str) -> Self {
        if text.is_ascii() {
            JsString::Ascii(Rc::from(text))
        } else {
            JsString::Wide(text.encode_utf16().collect())
        }
    }

    /// Builds a string from UTF-16 code units (which may hold lone surrogates).
    pub fn from_units(units: &[u16]) -> Self {
        if units.iter().all(|unit| *unit < 0x80) {
            let bytes: Vec<u8> = units.iter().map(|unit| *unit as u8).collect();
            let text = std::str::from_utf8(&bytes).expect("ASCII bytes are UTF-8");
            JsString::Ascii(Rc::from(text))
        } else {
            JsString::Wide(Rc::from(units))
        }
    }

    /// `length`: the number of UTF-16 code units.
    pub fn len(&self) -> usize {
        match self {
            JsString::Ascii(text) => text.len(),
            JsString::Wide(units) => units.len(),
        }
    }

    /// Whether the string is `""`.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The code unit at `index`, if any.
    pub fn unit_at(&self, index: usize) -> Option<u16> {
        match self {
            JsString::Ascii(text) => text.as_bytes().get(index).map(|byte| u16::from(*byte)),
            JsString::Wide(units) => units.get(index).copied(),
        }
    }

    /// The code units.
    pub fn units(&self) -> Cow<'_, [u16]> {
        match self {
            JsString::Ascii(text) => Cow::Owned(text.bytes().map(u16::from).collect()),
            JsString::Wide(units) => Cow::Borrowed(units),
        }
    }

    /// The code units in `start..end` (clamped), as a new string.
    pub fn slice_units(&self, start: usize, end: usize) -> JsString {
        let end = end.min(self.len());
        let start = start.min(end);
        match self {
            JsString::Ascii(text) => JsString::Ascii(Rc::from(&text[start..end])),
            JsString::Wide(units) => JsString::from_units(&units[start..end]),
        }
    }

    /// The text as Rust sees it; lone surrogates become U+FFFD.
    pub fn to_rust(&self) -> Cow<'_, str> {
        match self {
            JsString::Ascii(text) => Cow::Borrowed(text),
            JsString::Wide(units) => Cow::Owned(String::from_utf16_lossy(units)),
        }
    }

    /// The text if it is ASCII, without copying.
    pub fn as_ascii(&self) -> Option<&str> {
        match self {
            JsString::Ascii(text) => Some(text),
            JsString::Wide(_) => None,
        }
    }

    /// `a + b`.
    pub fn concat(&self, other: &JsString) -> JsString {
        match (self, other) {
            (JsString::Ascii(a), JsString::Ascii(b)) => {
                let mut text = String::with_capacity(a.len() + b.len());
                text.push_str(a);
                text.push_str(b);
                JsString::Ascii(Rc::from(text))
            }
            _ => {
                let mut units = self.units().into_owned();
                units.extend_from_slice(&other.units());
                JsString::from_units(&units)
            }
        }
    }

    /// The index of the first occurrence of `needle` at or after `from`, in code units.
    pub fn find(&self, needle: &JsString, from: usize) -> Option<usize> {
        if let JsString::Ascii(haystack) = self {
            // A non-ASCII needle cannot occur in ASCII text; an ASCII one is a byte search
            // (std's two-way matcher) where byte offsets are code-unit offsets.
            let needle = needle.as_ascii()?;
            return haystack
                .get(from..)
                .and_then(|rest| rest.find(needle))
                .map(|found| found + from);
        }
        let haystack = self.units();
        let needle = needle.units();
        if needle.is_empty() {
            return (from <= haystack.len()).then_some(from);
        }
        (from..haystack.len().saturating_sub(needle.len() - 1))
            .find(|start| haystack[*start..].starts_with(&needle))
    }

    /// The index of the last occurrence of `needle` starting at or before `from`.
    pub fn rfind(&self, needle: &JsString, from: usize) -> Option<usize> {
        if let (JsString::Ascii(haystack), Some(needle)) = (self, needle.as_ascii()) {
            if needle.len() > haystack.len() {
                return None;
            }
            // Occurrences starting at or before `from` end by `from + needle.len()`.
            let end = from.saturating_add(needle.len()).min(haystack.len());
            return haystack[..end].rfind(needle);
        }
        let haystack = self.units();
        let needle = needle.units();
        if needle.len() > haystack.len() {
            return None;
        }
        let last = from.min(haystack.len() - needle.len());
        (0..=last)
            .rev()
            .find(|start| haystack[*start..].starts_with(&needle))
    }
}

impl PartialEq for JsString {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (JsString::Ascii(a), JsString::Ascii(b)) => a == b,
            (JsString::Wide(a), JsString::Wide(b)) => a == b,
            _ => false,
        }
    }
}

impl Eq for JsString {}

impl std::hash::Hash for JsString {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        // One write per string (hashers are slow per call). The two forms never compare equal
        // (`PartialEq` above: ASCII text is always stored as `Ascii`), so they may hash apart.
        match self {
            JsString::Ascii(text) => state.write(text.as_bytes()),
            JsString::Wide(units) => {
                state.write_usize(units.len());
                for unit in units.iter() {
                    state.write_u16(*unit);
                }
            }
        }
    }
}

impl PartialOrd for JsString {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for JsString {
    /// JavaScript compares strings code unit by code unit.
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        match (self, other) {
            (JsString::Ascii(a), JsString::Ascii(b)) => a.cmp(b),
            _ => self.units().cmp(&other.units()),
        }
    }
}

impl fmt::Debug for JsString {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.to_rust(), f)
    }
}

impl fmt::Display for JsString {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_rust())
    }
}

impl From<&str> for JsString {
    fn from(text: &str) -> Self {
        JsString::new(text)
    }
}

impl From<String> for JsString {
    fn from(text: String) -> Self {
        JsString::new(&text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lengths_count_utf16_units() {
        // node -e 'console.log("héllo".length, "😀".length, "a😀b".slice(1, 2).charCodeAt(0))'
        // → 5 2 55357
        assert_eq!(JsString::new("héllo").len(), 5);
        assert_eq!(JsString::new("😀").len(), 2);
        let lone = JsString::new("a😀b").slice_units(1, 2);
        assert_eq!(lone.unit_at(0), Some(55357));
        assert_eq!(lone.len(), 1);
    }

    #[test]
    fn ascii_and_wide_never_mix_for_equal_strings() {
        let wide = JsString::new("é").slice_units(1, 1);
        assert_eq!(wide, JsString::new(""));
        assert_eq!(JsString::from_units(&[104, 105]), JsString::new("hi"));
    }
}
