//! Entity tags for rows, and `If-Match` against them.
//!
//! A row's ETag is a hash of its whole JSON representation (id, fields, timestamps), so any
//! change to what a client would read changes the tag — even two updates within the same
//! millisecond, which an `updated_at`-based tag would confuse and so lose an update. The hash
//! is FNV-1a (64-bit): no secret is involved, only change detection.
//!
//! ```text
//! {"id":7,"title":"Dune",…} ─▶ "\"5e1f0c9d2a7b3e41\""
//! If-Match: "5e1f…", W/"abc"   matches when any listed tag is the row's; `*` matches any row
//! ```

use super::Row;

/// The precondition a write carries: the `If-Match` header's value (or a tag `ctx.db` read
/// from a row), compared with the row's current ETag before the write.
pub type Precondition = String;

/// The ETag of `row`, quoted as the header carries it.
pub fn etag(row: &Row) -> String {
    let text = serde_json::to_string(row).unwrap_or_default();
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in text.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("\"{hash:016x}\"")
}

/// Whether `precondition` (an `If-Match` value) admits a row whose ETag is `current`.
pub(crate) fn matches(precondition: &str, current: &str) -> bool {
    let bare = |tag: &str| -> String {
        let tag = tag.trim();
        let tag = tag.strip_prefix("W/").unwrap_or(tag);
        tag.trim_matches('"').to_owned()
    };
    let current = bare(current);
    precondition
        .split(',')
        .any(|tag| tag.trim() == "*" || bare(tag) == current)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn tags_follow_content() {
        let mut row = json!({"id": 1, "n": 1}).as_object().unwrap().clone();
        let first = etag(&row);
        row.insert("n".into(), json!(2));
        let second = etag(&row);
        assert_ne!(first, second);
        assert!(matches(&second, &second));
        assert!(matches(&format!("W/{first}, {second}"), &second));
        assert!(matches("*", &second));
        assert!(!matches(&first, &second));
        assert!(matches(first.trim_matches('"'), &first));
    }
}
