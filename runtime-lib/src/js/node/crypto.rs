//! Node's `crypto` module: hashes and HMACs, key derivation, random bytes and integers, and
//! `timingSafeEqual`.
//!
//! ```text
//! const { createHash } = require("node:crypto");
//! createHash("sha256").update("a").update(buf).digest("hex")   → "…64 hex digits…"
//! crypto.randomBytes(4)                                       → <Buffer 1b 9d 6b cd>
//! ```
//!
//! Digests come from the RustCrypto crates (`md-5`, `sha1`, `sha2`, `hmac`, `pbkdf2`,
//! `scrypt`). A Hash or Hmac keeps its input and digests it once, at `digest()`, which is
//! when Node finalises it too. Random values draw from `math::random_u32`, so under the
//! conformance harness's frozen seed they are the ones `conformance/harness/freeze.mjs` gives
//! Node (`randomBytes(n)`: ⌈n/4⌉ draws, big-endian, cut to n bytes).

use std::cell::RefCell;

use hmac::{KeyInit, Mac};
use sha2::Digest;

use super::super::bytes;
use super::super::convert::to_string;
use super::super::error::Throw;
use super::super::host::{HostObject, new_host};
use super::super::value::Value;
use super::buffer::{self, Encoding, decode, encode, encoding_named};
use super::{invalid_arg_type, node_error, out_of_range};

/// The names `createHash`, `createHmac`, `pbkdf2Sync` and `getHashes` know.
const ALGORITHMS: &[&str] = &["md5", "sha1", "sha224", "sha256", "sha384", "sha512"];

/// The functions of the module.
const FUNCTIONS: &[&str] = &[
    "createHash",
    "createHmac",
    "randomBytes",
    "randomUUID",
    "randomInt",
    "randomFillSync",
    "getRandomValues",
    "timingSafeEqual",
    "pbkdf2Sync",
    "scryptSync",
    "pbkdf2",
    "scrypt",
    "getHashes",
];

/// The `crypto` module's namespace object.
pub fn module() -> Value {
    let mut entries: Vec<(&str, Value)> = FUNCTIONS
        .iter()
        .map(|name| {
            let name: &'static str = name;
            (
                name,
                Value::builtin_function(name, name, 1, move |_, args| call(name, args)),
            )
        })
        .collect();
    // `webcrypto` is the global `crypto` (Web Crypto): the two functions it has here.
    let web: Vec<(&str, Value)> = ["getRandomValues", "randomUUID"]
        .into_iter()
        .map(|name| {
            (
                name,
                Value::builtin_function(name, name, 1, move |_, args| call(name, args)),
            )
        })
        .collect();
    entries.push(("webcrypto", Value::object(web)));
    Value::object(entries)
}

fn arg(args: &[Value], index: usize) -> Value {
    args.get(index).cloned().unwrap_or_default()
}

/// The canonical name of a digest algorithm (`SHA256`, `sha-256`, `RSA-SHA256` → `sha256`).
fn algorithm(name: &str) -> Option<&'static str> {
    let lower = name.to_ascii_lowercase();
    let lower = lower.strip_prefix("rsa-").unwrap_or(&lower);
    let plain = lower.replace('-', "");
    ALGORITHMS.iter().find(|known| **known == plain).copied()
}

/// The digest of `data` with `algorithm` (a canonical name).
fn digest(algorithm: &str, data: &[u8]) -> Vec<u8> {
    match algorithm {
        "md5" => md5::Md5::digest(data).to_vec(),
        "sha1" => sha1::Sha1::digest(data).to_vec(),
        "sha224" => sha2::Sha224::digest(data).to_vec(),
        "sha384" => sha2::Sha384::digest(data).to_vec(),
        "sha512" => sha2::Sha512::digest(data).to_vec(),
        _ => sha2::Sha256::digest(data).to_vec(),
    }
}

fn hmac_of<M: Mac + KeyInit>(key: &[u8], data: &[u8]) -> Vec<u8> {
    let mut mac = <M as KeyInit>::new_from_slice(key).expect("HMAC takes a key of any length");
    mac.update(data);
    mac.finalize().into_bytes().to_vec()
}

/// The HMAC of `data` under `key` with `algorithm`.
fn hmac(algorithm: &str, key: &[u8], data: &[u8]) -> Vec<u8> {
    match algorithm {
        "md5" => hmac_of::<hmac::Hmac<md5::Md5>>(key, data),
        "sha1" => hmac_of::<hmac::Hmac<sha1::Sha1>>(key, data),
        "sha224" => hmac_of::<hmac::Hmac<sha2::Sha224>>(key, data),
        "sha384" => hmac_of::<hmac::Hmac<sha2::Sha384>>(key, data),
        "sha512" => hmac_of::<hmac::Hmac<sha2::Sha512>>(key, data),
        _ => hmac_of::<hmac::Hmac<sha2::Sha256>>(key, data),
    }
}

/// Bytes from a string (in `encoding`), a Buffer or typed array, or an ArrayBuffer; else
/// Node's TypeError naming the argument.
fn data_arg(value: &Value, name: &str, encoding: Encoding) -> Result<Vec<u8>, Throw> {
    match value {
        Value::String(text) => Ok(encode(text, encoding)),
        other => match bytes::view(other) {
            Some(view) => Ok(view.to_vec()),
            None => match bytes::array_buffer(other) {
                Some(store) => Ok(store.borrow().clone()),
                None => Err(invalid_arg_type(
                    name,
                    "of type string or an instance of Buffer, TypedArray, or DataView",
                    other,
                )),
            },
        },
    }
}

/// A digest as `digest(encoding)` returns it: a string in a known encoding, else a Buffer.
fn output(bytes: Vec<u8>, encoding: &Value) -> Result<Value, Throw> {
    Ok(match encoding {
        Value::Undefined => buffer::buffer(bytes),
        other => match encoding_named(&to_string(other)?.to_rust()) {
            Some(encoding) => Value::String(decode(&bytes, encoding)),
            None => buffer::buffer(bytes),
        },
    })
}

/// `crypto.<name>(...args)`.
pub fn call(name: &str, args: &[Value]) -> Result<Value, Throw> {
    match name {
        "createHash" | "createHmac" => {
            let requested = arg(args, 0);
            let Value::String(requested) = requested else {
                return Err(invalid_arg_type("algorithm", "of type string", &requested));
            };
            let Some(algorithm) = algorithm(&requested.to_rust()) else {
                return Err(if name == "createHash" {
                    Throw::error("Error", "Digest method not supported")
                } else {
                    node_error(
                        "TypeError",
                        "ERR_CRYPTO_INVALID_DIGEST",
                        format!("Invalid digest: {requested}"),
                    )
                });
            };
            let key = if name == "createHmac" {
                Some(data_arg(&arg(args, 1), "key", Encoding::Utf8)?)
            } else {
                None
            };
            Ok(new_host(Hash {
                algorithm,
                key,
                input: RefCell::new(Some(Vec::new())),
            }))
        }
        "randomBytes" => {
            let size = arg(args, 0);
            let Value::Number(count) = size else {
                return Err(invalid_arg_type("size", "of type number", &size));
            };
            if !(0.0..=2_147_483_647.0).contains(&count) || count.fract() != 0.0 {
                return Err(out_of_range("size", ">= 0 && <= 2147483647", &size));
            }
            if count as usize > bytes::MAX_BYTE_LENGTH {
                return Err(Throw::range_error("Array buffer allocation failed"));
            }
            // `randomBytes(size, callback)`: the bytes are drawn now and handed over from a
            // timer, like `pbkdf2`'s key; a bad callback throws before anything is drawn.
            let callback = arg(args, 1);
            if !matches!(callback, Value::Undefined | Value::Function(_)) {
                return Err(invalid_arg_type("callback", "of type function", &callback));
            }
            let random = buffer::buffer(random_bytes(count as usize));
            if matches!(callback, Value::Undefined) {
                return Ok(random);
            }
            super::super::timers::set_timer(
                &[callback, Value::Number(0.0), Value::Null, random],
                false,
            )?;
            Ok(Value::Undefined)
        }
        "randomUUID" => Ok(Value::str(&super::super::crypto::random_uuid())),
        "randomInt" => random_int(args),
        "randomFillSync" | "getRandomValues" => fill_random(&arg(args, 0)),
        "timingSafeEqual" => {
            let describe = "an instance of ArrayBuffer, Buffer, TypedArray, or DataView.";
            let side = |value: &Value, name: &str| {
                bytes::view(value).map(|view| view.to_vec()).ok_or_else(|| {
                    node_error(
                        "TypeError",
                        "ERR_INVALID_ARG_TYPE",
                        format!("The \"{name}\" argument must be {describe}"),
                    )
                })
            };
            let a = side(&arg(args, 0), "buf1")?;
            let b = side(&arg(args, 1), "buf2")?;
            if a.len() != b.len() {
                return Err(node_error(
                    "RangeError",
                    "ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH",
                    "Input buffers must have the same byte length",
                ));
            }
            // Every byte is compared, whatever the first difference.
            Ok(Value::Bool(
                a.iter().zip(&b).fold(0u8, |diff, (x, y)| diff | (x ^ y)) == 0,
            ))
        }
        "pbkdf2Sync" => {
            let password = data_arg(&arg(args, 0), "password", Encoding::Utf8)?;
            let salt = data_arg(&arg(args, 1), "salt", Encoding::Utf8)?;
            let iterations = integer_arg(&arg(args, 2), "iterations", 1.0)?;
            let length = integer_arg(&arg(args, 3), "keylen", 0.0)?;
            let digest_name = arg(args, 4);
            let Value::String(digest_name) = digest_name else {
                return Err(invalid_arg_type("digest", "of type string", &digest_name));
            };
            let Some(algorithm) = algorithm(&digest_name.to_rust()) else {
                return Err(node_error(
                    "TypeError",
                    "ERR_CRYPTO_INVALID_DIGEST",
                    format!("Invalid digest: {digest_name}"),
                ));
            };
            let mut out = bytes::zeroed(length as usize)?;
            let rounds = iterations as u32;
            match algorithm {
                "md5" => pbkdf2::pbkdf2_hmac::<md5::Md5>(&password, &salt, rounds, &mut out),
                "sha1" => pbkdf2::pbkdf2_hmac::<sha1::Sha1>(&password, &salt, rounds, &mut out),
                "sha224" => pbkdf2::pbkdf2_hmac::<sha2::Sha224>(&password, &salt, rounds, &mut out),
                "sha384" => pbkdf2::pbkdf2_hmac::<sha2::Sha384>(&password, &salt, rounds, &mut out),
                "sha512" => pbkdf2::pbkdf2_hmac::<sha2::Sha512>(&password, &salt, rounds, &mut out),
                _ => pbkdf2::pbkdf2_hmac::<sha2::Sha256>(&password, &salt, rounds, &mut out),
            }
            Ok(buffer::buffer(out))
        }
        "scryptSync" => {
            let password = data_arg(&arg(args, 0), "password", Encoding::Utf8)?;
            let salt = data_arg(&arg(args, 1), "salt", Encoding::Utf8)?;
            let length = integer_arg(&arg(args, 2), "keylen", 0.0)?;
            let options = arg(args, 3);
            let option = |names: &[&str], default: f64| -> Result<f64, Throw> {
                if options.is_nullish() {
                    return Ok(default);
                }
                for name in names {
                    let value = super::super::access::get_key(
                        &options,
                        &super::super::string::JsString::new(name),
                    )?;
                    if let Value::Number(number) = value {
                        return Ok(number);
                    }
                }
                Ok(default)
            };
            let cost = option(&["N", "cost"], 16384.0)?;
            let block = option(&["r", "blockSize"], 8.0)?;
            let parallel = option(&["p", "parallelization"], 1.0)?;
            let max_memory = option(&["maxmem"], 33_554_432.0)?;
            // OpenSSL's estimate, which Node checks against `maxmem` (32 MiB by default).
            let memory = 128.0 * block * parallel + 128.0 * block * (cost + 2.0);
            let log_n = cost.log2();
            let params = (cost >= 2.0 && log_n.fract() == 0.0 && memory <= max_memory)
                .then(|| scrypt::Params::new(log_n as u8, block as u32, parallel as u32).ok())
                .flatten();
            let Some(params) = params else {
                return Err(node_error(
                    "RangeError",
                    "ERR_CRYPTO_INVALID_SCRYPT_PARAMS",
                    "Invalid scrypt params: error:030000AC:digital envelope routines::memory limit exceeded",
                ));
            };
            let mut out = bytes::zeroed(length as usize)?;
            if !out.is_empty() {
                scrypt::scrypt(&password, &salt, &params, &mut out).map_err(|_| {
                    node_error(
                        "RangeError",
                        "ERR_CRYPTO_INVALID_SCRYPT_PARAMS",
                        "Invalid scrypt params",
                    )
                })?;
            }
            Ok(buffer::buffer(out))
        }
        // The asynchronous forms check their arguments at once, derive the key, and call back
        // `(null, key)` from a timer: later than the current job and its microtasks, as Node's
        // thread pool does (the key is the same; only when it arrives differs).
        "pbkdf2" | "scrypt" => {
            // `pbkdf2(password, salt, iterations, keylen, digest, callback)`,
            // `scrypt(password, salt, keylen[, options], callback)`.
            let position = match name {
                "pbkdf2" => 5,
                _ if matches!(arg(args, 3), Value::Function(_)) => 3,
                _ => 4,
            };
            let callback = arg(args, position);
            if !matches!(callback, Value::Function(_)) {
                return Err(invalid_arg_type("callback", "of type function", &callback));
            }
            let rest = &args[..position.min(args.len())];
            let key = call(
                if name == "pbkdf2" {
                    "pbkdf2Sync"
                } else {
                    "scryptSync"
                },
                rest,
            )?;
            super::super::timers::set_timer(
                &[callback, Value::Number(0.0), Value::Null, key],
                false,
            )?;
            Ok(Value::Undefined)
        }
        "getHashes" => Ok(Value::array(
            ALGORITHMS.iter().map(|name| Value::str(name)).collect(),
        )),
        _ => Err(Throw::type_error(format!(
            "crypto.{name} is not a function"
        ))),
    }
}

/// An integer argument of at least `min` (`iterations`, `keylen`), with Node's errors.
fn integer_arg(value: &Value, name: &str, min: f64) -> Result<f64, Throw> {
    let Value::Number(number) = value else {
        return Err(invalid_arg_type(name, "of type number", value));
    };
    if number.fract() != 0.0 || !number.is_finite() {
        return Err(out_of_range(name, "an integer", value));
    }
    if *number < min || *number > 2_147_483_647.0 {
        return Err(out_of_range(
            name,
            &format!(">= {min} && <= 2147483647"),
            value,
        ));
    }
    Ok(*number)
}

/// `n` random bytes: ⌈n/4⌉ draws, each written big-endian.
pub fn random_bytes(count: usize) -> Vec<u8> {
    let mut out = Vec::with_capacity(count + 3);
    while out.len() < count {
        out.extend_from_slice(&super::super::math::random_u32().to_be_bytes());
    }
    out.truncate(count);
    out
}

/// `crypto.getRandomValues(view)` / `randomFillSync(view)`: fills the view, returns it.
pub fn fill_random(target: &Value) -> Result<Value, Throw> {
    let Some(view) = bytes::view(target) else {
        return Err(invalid_arg_type(
            "typedArray",
            "an instance of ArrayBuffer, Buffer, TypedArray, or DataView",
            target,
        ));
    };
    let random = random_bytes(view.byte_length());
    for (index, byte) in random.into_iter().enumerate() {
        view.set_byte(index, byte);
    }
    Ok(target.clone())
}

/// `crypto.randomInt([min, ]max)`: `min + ⌊random() · (max − min)⌋`, with `random()` as
/// `Math.random()` draws it (so a frozen seed gives Node's harness the same integers).
fn random_int(args: &[Value]) -> Result<Value, Throw> {
    let (min, max) = match args {
        [max] | [max, Value::Function(_)] => (Value::Number(0.0), max.clone()),
        _ => (arg(args, 0), arg(args, 1)),
    };
    let safe = |value: &Value, name: &str| match value {
        Value::Number(number)
            if number.fract() == 0.0 && number.abs() <= 9_007_199_254_740_991.0 =>
        {
            Ok(*number)
        }
        other => Err(invalid_arg_type(name, "a safe integer", other)),
    };
    let low = safe(&min, "min")?;
    let high = safe(&max, "max")?;
    if high <= low {
        return Err(out_of_range(
            "max",
            &format!(
                "greater than the value of \"min\" ({})",
                super::super::number::to_string(low)
            ),
            &max,
        ));
    }
    let range = high - low;
    if range > 281_474_976_710_655.0 {
        return Err(out_of_range(
            "max - min",
            "<= 281474976710655",
            &Value::Number(range),
        ));
    }
    Ok(Value::Number(
        low + (super::super::math::random() * range).floor(),
    ))
}

/// A `Hash` or `Hmac` object: its algorithm, its key (an Hmac's), and the input so far
/// (`None` once digested).
struct Hash {
    algorithm: &'static str,
    key: Option<Vec<u8>>,
    input: RefCell<Option<Vec<u8>>>,
}

fn finalized() -> Throw {
    node_error(
        "Error",
        "ERR_CRYPTO_HASH_FINALIZED",
        "Digest already called",
    )
}

impl HostObject for Hash {
    fn class(&self) -> &'static str {
        if self.key.is_some() { "Hmac" } else { "Hash" }
    }

    fn methods(&self) -> &'static [&'static str] {
        &["update", "digest", "copy"]
    }

    fn get(&self, _this: &Value, _key: &str) -> Option<Result<Value, Throw>> {
        None
    }

    fn call(&self, this: &Value, name: &str, args: &[Value]) -> Option<Result<Value, Throw>> {
        Some((|| match name {
            "update" => {
                let encoding = match arg(args, 1) {
                    Value::String(name) => {
                        encoding_named(&name.to_rust()).unwrap_or(Encoding::Utf8)
                    }
                    _ => Encoding::Utf8,
                };
                let data = data_arg(&arg(args, 0), "data", encoding)?;
                match self.input.borrow_mut().as_mut() {
                    Some(input) => input.extend_from_slice(&data),
                    None => return Err(finalized()),
                }
                Ok(this.clone())
            }
            "digest" => {
                let Some(input) = self.input.borrow_mut().take() else {
                    return Err(finalized());
                };
                let bytes = match &self.key {
                    Some(key) => hmac(self.algorithm, key, &input),
                    None => digest(self.algorithm, &input),
                };
                output(bytes, &arg(args, 0))
            }
            "copy" if self.key.is_none() => {
                let Some(input) = self.input.borrow().clone() else {
                    return Err(finalized());
                };
                Ok(new_host(Hash {
                    algorithm: self.algorithm,
                    key: None,
                    input: RefCell::new(Some(input)),
                }))
            }
            _ => Err(Throw::type_error(format!("{name} is not a function"))),
        })())
        .filter(|_| matches!(name, "update" | "digest") || (name == "copy" && self.key.is_none()))
    }

    fn inspect(&self, _this: &Value) -> String {
        format!("{} {{}}", self.class())
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}
