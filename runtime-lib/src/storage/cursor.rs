//! Opaque `next` cursors for keyset pagination: the last row's sort-key values and id, with the
//! order they belong to, as base64url JSON. A page continues strictly after that row, so rows
//! inserted meanwhile never shift what the next page returns.
//!
//! ```text
//! order created_at.desc, last row {created_at: "2026-…", id: 42}
//!   ─▶ {"o":"created_at.desc","k":["2026-…",42]} ─▶ "eyJvIjoiY3JlYXRlZF9hdC5kZXNjIi…"
//! ```
//!
//! A search ordered by relevance has no stable key, so its cursor holds an offset (`"n"`).

use serde_json::{Value, json};

/// Where the next page starts.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Cursor {
    /// After the row with these sort-key values (then its id), for this order signature.
    After {
        /// `created_at.desc,id.asc`-style text naming the order the keys belong to.
        order: String,
        /// The key values, the id last.
        keys: Vec<Value>,
    },
    /// After this many rows (relevance order).
    Offset(u64),
}

impl Cursor {
    /// The opaque text.
    pub(crate) fn encode(&self) -> String {
        let json = match self {
            Cursor::After { order, keys } => json!({ "o": order, "k": keys }),
            Cursor::Offset(offset) => json!({ "n": offset }),
        };
        base64url(json.to_string().as_bytes())
    }

    /// Reads a cursor; `None` when it was not made by [`Cursor::encode`].
    pub(crate) fn decode(text: &str) -> Option<Cursor> {
        let json: Value = serde_json::from_slice(&unbase64url(text)?).ok()?;
        if let Some(offset) = json.get("n").and_then(Value::as_u64) {
            return Some(Cursor::Offset(offset));
        }
        Some(Cursor::After {
            order: json.get("o")?.as_str()?.to_owned(),
            keys: json.get("k")?.as_array()?.clone(),
        })
    }
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

fn base64url(bytes: &[u8]) -> String {
    let mut text = String::with_capacity(bytes.len() * 4 / 3 + 3);
    for chunk in bytes.chunks(3) {
        let word = chunk.iter().enumerate().fold(0u32, |word, (i, &byte)| {
            word | u32::from(byte) << (16 - 8 * i)
        });
        for i in 0..=chunk.len() {
            text.push(char::from(ALPHABET[(word >> (18 - 6 * i) & 63) as usize]));
        }
    }
    text
}

fn unbase64url(text: &str) -> Option<Vec<u8>> {
    let mut bytes = Vec::with_capacity(text.len() * 3 / 4);
    let mut word = 0u32;
    let mut bits = 0;
    for c in text.bytes() {
        let digit = ALPHABET.iter().position(|&a| a == c)? as u32;
        word = word << 6 | digit;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            bytes.push((word >> bits & 0xff) as u8);
        }
    }
    Some(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursors_round_trip() {
        let cursor = Cursor::After {
            order: "title.asc,id.asc".into(),
            keys: vec![json!("Dune ✓"), json!(7)],
        };
        assert_eq!(Cursor::decode(&cursor.encode()), Some(cursor));
        assert_eq!(
            Cursor::decode(&Cursor::Offset(40).encode()),
            Some(Cursor::Offset(40))
        );
        assert_eq!(Cursor::decode("not a cursor!"), None);
        for length in 0..6 {
            let bytes: Vec<u8> = (0..length).map(|i| 250 - i as u8).collect();
            assert_eq!(unbase64url(&base64url(&bytes)).unwrap(), bytes);
        }
    }
}
