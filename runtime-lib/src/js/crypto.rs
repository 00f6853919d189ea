//! The `crypto` global (Web Crypto's non-subtle part): `crypto.randomUUID()` and
//! `crypto.getRandomValues(view)` (see `node/crypto.rs` for the `crypto` module).
//!
//! ```text
//! crypto.randomUUID()   → rt::call_static("crypto.randomUUID", &[])?   → "1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed"
//! ```
//!
//! A version-4 UUID (RFC 9562 §5.4): 16 bytes from four 32-bit draws (big-endian), the version
//! nibble set to 4 and the variant bits to `10`. The draws come from `math::random_u32`, so a
//! frozen seed (`BACKWORKS_FROZEN_RANDOM_SEED`, see `math.rs`) gives the same UUIDs as
//! `conformance/harness/freeze.mjs` gives in Node; otherwise they come from the `uuid` crate's
//! operating-system randomness, as Node's do.

use super::error::Throw;
use super::value::Value;

/// Calls `crypto.<name>(...args)`; `None` if `crypto` has no such function.
pub fn call(name: &str, _args: &[Value]) -> Option<Result<Value, Throw>> {
    match name {
        "randomUUID" => Some(Ok(Value::str(&random_uuid()))),
        "getRandomValues" => Some(super::node::crypto::fill_random(
            &_args.first().cloned().unwrap_or_default(),
        )),
        _ => None,
    }
}

/// A random version-4 UUID in lower-case hex.
pub fn random_uuid() -> String {
    if std::env::var_os("BACKWORKS_FROZEN_RANDOM_SEED").is_none() {
        return uuid::Uuid::new_v4().hyphenated().to_string();
    }
    let mut bytes = [0u8; 16];
    for chunk in bytes.chunks_mut(4) {
        chunk.copy_from_slice(&super::math::random_u32().to_be_bytes());
    }
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    uuid::Uuid::from_bytes(bytes).hyphenated().to_string()
}
