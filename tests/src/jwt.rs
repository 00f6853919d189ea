//! HS256 tokens for the end-to-end tests, signed by `openssl` — an implementation independent
//! of the server's `jsonwebtoken`, so a test cannot pass because both sides share a mistake.
//!
//! ```text
//! hs256(&json!({"sub": "ada", "exp": …}), SECRET)
//!   ─▶ base64url({"alg":"HS256","typ":"JWT"}) . base64url(claims) . base64url(HMAC-SHA256)
//! ```

use std::io::Write;
use std::process::{Command, Stdio};

use serde_json::Value;

/// An HS256 JWT (RFC 7519) carrying `claims`, signed with `secret` by `openssl dgst -hmac`.
pub fn hs256(claims: &Value, secret: &str) -> String {
    let input = format!(
        "{}.{}",
        base64url(br#"{"alg":"HS256","typ":"JWT"}"#),
        base64url(claims.to_string().as_bytes())
    );
    let signature = openssl(
        &["dgst", "-sha256", "-hmac", secret, "-binary"],
        input.as_bytes(),
    );
    format!("{input}.{}", base64url(&signature))
}

/// Seconds since the epoch, for `iat` and `exp`.
pub fn now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("after 1970")
        .as_secs()
}

/// base64url without padding, by `openssl base64` (RFC 7515 §2).
fn base64url(bytes: &[u8]) -> String {
    let encoded = openssl(&["base64", "-A"], bytes);
    String::from_utf8(encoded)
        .expect("base64 is ASCII")
        .trim()
        .replace('+', "-")
        .replace('/', "_")
        .trim_end_matches('=')
        .to_string()
}

/// `openssl args…` with `input` on its standard input; what it writes out.
fn openssl(args: &[&str], input: &[u8]) -> Vec<u8> {
    let mut child = Command::new("openssl")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("openssl runs");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input)
        .expect("write to openssl");
    let output = child.wait_with_output().expect("openssl finishes");
    assert!(output.status.success(), "openssl {args:?}");
    output.stdout
}
