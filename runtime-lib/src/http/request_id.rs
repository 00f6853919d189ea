//! The `x-request-id` each request carries into its handler, its response and its log line.
//!
//! A well-formed incoming id (1 to 128 printable ASCII characters) is kept, so a proxy's or a
//! client's id follows the request through; anything else is replaced by a fresh UUID v4:
//!
//! ```text
//! x-request-id: abc-123      ─▶ abc-123
//! x-request-id: (absent)     ─▶ 6f1c…-…  (UUID v4)
//! x-request-id: "\x01bad"    ─▶ 6f1c…-…  (UUID v4)
//! ```

use axum::http::{HeaderMap, HeaderName, HeaderValue};

/// The header's name.
pub(crate) const X_REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

/// The longest incoming id that is kept.
const MAX_LEN: usize = 128;

/// A request id, as text and as the header value it is sent back as.
#[derive(Debug, Clone)]
pub(crate) struct RequestId {
    text: String,
    header: HeaderValue,
}

impl RequestId {
    /// The incoming header's id when it is well-formed, else a new one.
    pub(crate) fn from_headers(headers: &HeaderMap) -> RequestId {
        headers
            .get(&X_REQUEST_ID)
            .and_then(RequestId::parse)
            .unwrap_or_else(RequestId::fresh)
    }

    /// A new random id.
    pub(crate) fn fresh() -> RequestId {
        let text = uuid::Uuid::new_v4().to_string();
        // A hyphenated UUID is ASCII hex digits and hyphens, always a valid header value.
        let header = HeaderValue::from_str(&text).expect("a UUID is a valid header value");
        RequestId { text, header }
    }

    /// The id as text.
    pub(crate) fn as_str(&self) -> &str {
        &self.text
    }

    /// The id as a header value.
    pub(crate) fn header_value(&self) -> HeaderValue {
        self.header.clone()
    }

    fn parse(value: &HeaderValue) -> Option<RequestId> {
        let bytes = value.as_bytes();
        let printable = |b: &u8| b.is_ascii_graphic() || *b == b' ';
        if bytes.is_empty() || bytes.len() > MAX_LEN || !bytes.iter().all(printable) {
            return None;
        }
        let text = value.to_str().ok()?.to_owned();
        Some(RequestId {
            text,
            header: value.clone(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id_for(value: &[u8]) -> String {
        let mut headers = HeaderMap::new();
        headers.insert(X_REQUEST_ID, HeaderValue::from_bytes(value).unwrap());
        RequestId::from_headers(&headers).as_str().to_owned()
    }

    fn is_uuid(text: &str) -> bool {
        uuid::Uuid::parse_str(text).is_ok_and(|id| id.get_version_num() == 4)
    }

    #[test]
    fn keeps_a_well_formed_id() {
        assert_eq!(id_for(b"abc-123"), "abc-123");
        assert_eq!(id_for(&[b'a'; 128]), "a".repeat(128));
    }

    #[test]
    fn replaces_a_malformed_id() {
        assert!(is_uuid(&id_for(&[b'a'; 129])));
        assert!(is_uuid(&id_for(b"caf\xc3\xa9")));
        assert!(is_uuid(&id_for(b"tab\there")));
        assert!(is_uuid(&id_for(b"")));
    }

    #[test]
    fn makes_a_fresh_uuid_when_absent() {
        let id = RequestId::from_headers(&HeaderMap::new());
        assert!(is_uuid(id.as_str()));
        assert_eq!(id.header_value(), id.as_str());
    }
}
