//! Property names written in the compiled code (`{ status: 200, body }`), turned into
//! `JsString`s once per thread instead of once per evaluation: an object literal in a handler
//! otherwise allocates and copies each of its keys on every request.
//!
//! The cache is keyed by the literal's address and length (two literals may share an address,
//! one being a prefix of the other), so a lookup hashes two integers, not the text. It holds
//! one entry per distinct literal of the program, per worker thread.

use std::cell::RefCell;
use std::collections::HashMap;

use super::string::JsString;

thread_local! {
    static KEYS: RefCell<HashMap<(usize, usize), JsString, foldhash::fast::RandomState>> =
        RefCell::new(HashMap::default());
}

/// The `JsString` of a property name the compiled code spells out.
pub fn static_key(name: &'static str) -> JsString {
    let address = (name.as_ptr() as usize, name.len());
    KEYS.with_borrow_mut(|keys| {
        keys.entry(address)
            .or_insert_with(|| JsString::new(name))
            .clone()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_literal_and_its_prefix_at_the_same_address_stay_apart() {
        let text: &'static str = "status";
        let prefix = &text[..4];
        assert_eq!(static_key(text), JsString::new("status"));
        assert_eq!(static_key(prefix), JsString::new("stat"));
        assert_eq!(static_key(text), JsString::new("status"));
        assert_eq!(static_key("héllo"), JsString::new("héllo"));
    }
}
