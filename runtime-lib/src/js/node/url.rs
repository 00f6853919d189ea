//! `URL` and `URLSearchParams` (globals, and the `url` module), as Node implements the WHATWG
//! URL Standard. Parsing, setters and serialisation are the `url` crate's (its `quirks`
//! module is the standard's API, setter by setter); `searchParams` is live-linked to its URL.
//!
//! ```text
//! const u = new URL("/a?x=1#h", "https://example.com");
//! u.href                       → "https://example.com/a?x=1#h"
//! u.searchParams.append("y", "a b");
//! u.search                     → "?x=1&y=a+b"
//! new URL("nope")              → TypeError: Invalid URL  (code: 'ERR_INVALID_URL')
//! ```

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use url::Url;
use url::form_urlencoded;

use super::super::convert::to_string;
use super::super::error::Throw;
use super::super::host::{HostObject, host_ref, new_host};
use super::super::string::JsString;
use super::super::value::{JsObject, ObjectKind, Value};
use super::node_error;

/// The `url` module: `URL`, `URLSearchParams`, `fileURLToPath` and `pathToFileURL`.
pub fn module() -> Value {
    Value::object([
        ("URL", super::super::class::builtin_constructor("URL")),
        (
            "URLSearchParams",
            super::super::class::builtin_constructor("URLSearchParams"),
        ),
        (
            "fileURLToPath",
            Value::builtin_function("fileURLToPath", "url.fileURLToPath", 1, |_, args| {
                file_url_to_path(&args.first().cloned().unwrap_or_default())
            }),
        ),
        (
            "pathToFileURL",
            Value::builtin_function("pathToFileURL", "url.pathToFileURL", 1, |_, args| {
                let path = to_string(&args.first().cloned().unwrap_or_default())?.to_string();
                match Url::from_file_path(&path) {
                    Ok(url) => Ok(url_value(url)),
                    Err(()) => Err(invalid_url(&path)),
                }
            }),
        ),
    ])
}

fn arg(args: &[Value], index: usize) -> Value {
    args.get(index).cloned().unwrap_or_default()
}

fn invalid_url(input: &str) -> Throw {
    let thrown = node_error("TypeError", "ERR_INVALID_URL", "Invalid URL");
    let _ = super::super::access::set_key(&thrown.value, JsString::new("input"), Value::str(input));
    thrown
}

fn file_url_to_path(value: &Value) -> Result<Value, Throw> {
    let url = match host_ref::<UrlObject>(value) {
        Some(url) => url.url.borrow().clone(),
        None => {
            let text = match value {
                Value::String(text) => text.to_string(),
                other => {
                    return Err(super::invalid_arg_type(
                        "path",
                        "of type string or an instance of URL",
                        other,
                    ));
                }
            };
            Url::parse(&text).map_err(|_| invalid_url(&text))?
        }
    };
    if url.scheme() != "file" {
        return Err(node_error(
            "TypeError",
            "ERR_INVALID_URL_SCHEME",
            "The URL must be of scheme file",
        ));
    }
    let path = url.path();
    let decoded: Vec<u8> = percent_decode(path);
    Ok(Value::str(&String::from_utf8_lossy(&decoded)))
}

fn percent_decode(text: &str) -> Vec<u8> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut index = 0;
    while index < bytes.len() {
        if bytes[index] == b'%'
            && index + 2 < bytes.len()
            && let Ok(byte) = u8::from_str_radix(
                std::str::from_utf8(&bytes[index + 1..index + 3]).unwrap_or("zz"),
                16,
            )
        {
            out.push(byte);
            index += 3;
        } else {
            out.push(bytes[index]);
            index += 1;
        }
    }
    out
}

/// The statics `URL.canParse(url, base)`.
pub fn call_static(name: &str, args: &[Value]) -> Option<Result<Value, Throw>> {
    Some(match name {
        "URL.canParse" => (|| {
            let input = to_string(&arg(args, 0))?.to_string();
            let base = match arg(args, 1) {
                Value::Undefined => None,
                other => Some(to_string(&other)?.to_string()),
            };
            Ok(Value::Bool(parse(&input, base.as_deref()).is_some()))
        })(),
        _ => return None,
    })
}

fn parse(input: &str, base: Option<&str>) -> Option<Url> {
    match base {
        Some(base) => Url::parse(base).ok()?.join(input).ok(),
        None => Url::parse(input).ok(),
    }
}

/// `new URL(input, base)`.
pub fn construct_url(args: &[Value]) -> Result<Value, Throw> {
    let input = match arg(args, 0) {
        value @ Value::Object(_) if host_ref::<UrlObject>(&value).is_some() => {
            host_ref::<UrlObject>(&value)
                .map(|url| url.url.borrow().to_string())
                .unwrap_or_default()
        }
        other => to_string(&other)?.to_string(),
    };
    let base = match arg(args, 1) {
        Value::Undefined => None,
        other => Some(match host_ref::<UrlObject>(&other) {
            Some(url) => url.url.borrow().to_string(),
            None => to_string(&other)?.to_string(),
        }),
    };
    match parse(&input, base.as_deref()) {
        Some(url) => Ok(url_value(url)),
        None => Err(invalid_url(&input)),
    }
}

fn url_value(url: Url) -> Value {
    new_host(UrlObject {
        url: RefCell::new(url),
        params: RefCell::new(None),
    })
}

/// A `URL`: the parsed URL, and its `searchParams` object once read.
pub struct UrlObject {
    url: RefCell<Url>,
    params: RefCell<Option<Value>>,
}

impl UrlObject {
    /// Re-reads the query into the linked `searchParams` (after `href` or `search` changed).
    fn refresh_params(&self) {
        if let Some(params) = self.params.borrow().as_ref()
            && let Some(params) = host_ref::<SearchParams>(params)
        {
            *params.pairs.borrow_mut() = parse_pairs(self.url.borrow().query().unwrap_or(""));
        }
    }
}

const URL_METHODS: &[&str] = &["toString", "toJSON"];

impl HostObject for UrlObject {
    fn class(&self) -> &'static str {
        "URL"
    }

    fn methods(&self) -> &'static [&'static str] {
        URL_METHODS
    }

    fn get(&self, this: &Value, key: &str) -> Option<Result<Value, Throw>> {
        use url::quirks;
        let url = self.url.borrow();
        Some(Ok(Value::str(match key {
            "href" => quirks::href(&url),
            "origin" => return Some(Ok(Value::str(&quirks::origin(&url)))),
            "protocol" => quirks::protocol(&url),
            "username" => quirks::username(&url),
            "password" => quirks::password(&url),
            "host" => quirks::host(&url),
            "hostname" => quirks::hostname(&url),
            "port" => quirks::port(&url),
            "pathname" => quirks::pathname(&url),
            "search" => quirks::search(&url),
            "hash" => quirks::hash(&url),
            "searchParams" => {
                drop(url);
                let mut params = self.params.borrow_mut();
                if let Some(params) = params.as_ref() {
                    return Some(Ok(params.clone()));
                }
                let Value::Object(owner) = this else {
                    return Some(Ok(Value::Undefined));
                };
                let query = self.url.borrow().query().unwrap_or("").to_string();
                let created = new_host(SearchParams {
                    pairs: RefCell::new(parse_pairs(&query)),
                    owner: RefCell::new(Some(Rc::downgrade(owner))),
                });
                *params = Some(created.clone());
                return Some(Ok(created));
            }
            _ => return None,
        })))
    }

    fn set(&self, _this: &Value, key: &str, value: &Value) -> Option<Result<(), Throw>> {
        use url::quirks;
        if !matches!(
            key,
            "href"
                | "protocol"
                | "username"
                | "password"
                | "host"
                | "hostname"
                | "port"
                | "pathname"
                | "search"
                | "hash"
        ) {
            return None;
        }
        Some((|| {
            let text = to_string(value)?.to_string();
            {
                let mut url = self.url.borrow_mut();
                // Invalid values are ignored, as the standard says (except for `href`).
                match key {
                    "href" => {
                        let parsed = Url::parse(&text).map_err(|_| invalid_url(&text))?;
                        *url = parsed;
                    }
                    "protocol" => drop(quirks::set_protocol(&mut url, &text)),
                    "username" => drop(quirks::set_username(&mut url, &text)),
                    "password" => drop(quirks::set_password(&mut url, &text)),
                    "host" => drop(quirks::set_host(&mut url, &text)),
                    "hostname" => drop(quirks::set_hostname(&mut url, &text)),
                    "port" => drop(quirks::set_port(&mut url, &text)),
                    "pathname" => quirks::set_pathname(&mut url, &text),
                    "search" => quirks::set_search(&mut url, &text),
                    _ => quirks::set_hash(&mut url, &text),
                }
            }
            if matches!(key, "href" | "search") {
                self.refresh_params();
            }
            Ok(())
        })())
    }

    fn call(&self, _this: &Value, name: &str, _args: &[Value]) -> Option<Result<Value, Throw>> {
        URL_METHODS
            .contains(&name)
            .then(|| Ok(Value::str(self.url.borrow().as_str())))
    }

    fn inspect(&self, this: &Value) -> String {
        let fields = [
            "href", "origin", "protocol", "username", "password", "host", "hostname", "port",
            "pathname", "search",
        ];
        let mut parts: Vec<String> = fields
            .iter()
            .map(|field| {
                let value = self
                    .get(this, field)
                    .and_then(Result::ok)
                    .unwrap_or_default();
                format!("{field}: {}", super::super::console::inspect(&value))
            })
            .collect();
        let params = self
            .get(this, "searchParams")
            .and_then(Result::ok)
            .unwrap_or_default();
        parts.push(format!(
            "searchParams: {}",
            super::super::console::inspect(&params)
        ));
        let hash = self
            .get(this, "hash")
            .and_then(Result::ok)
            .unwrap_or_default();
        parts.push(format!("hash: {}", super::super::console::inspect(&hash)));
        format!("URL {{\n  {}\n}}", parts.join(",\n  "))
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

fn parse_pairs(query: &str) -> Vec<(String, String)> {
    form_urlencoded::parse(query.as_bytes())
        .map(|(name, value)| (name.into_owned(), value.into_owned()))
        .collect()
}

fn serialize(pairs: &[(String, String)]) -> String {
    let mut serializer = form_urlencoded::Serializer::new(String::new());
    for (name, value) in pairs {
        serializer.append_pair(name, value);
    }
    serializer.finish()
}

/// A `URLSearchParams`: its pairs, and the URL it belongs to (weakly, since the URL holds it).
pub struct SearchParams {
    pairs: RefCell<Vec<(String, String)>>,
    owner: RefCell<Option<Weak<JsObject>>>,
}

impl SearchParams {
    /// Writes the pairs back to the owning URL's query (an empty list removes the query).
    fn update(&self) {
        let Some(owner) = self.owner.borrow().as_ref().and_then(Weak::upgrade) else {
            return;
        };
        if let ObjectKind::Host(host) = &owner.kind
            && let Some(url) = host.as_any().downcast_ref::<UrlObject>()
        {
            let pairs = self.pairs.borrow();
            let query = serialize(&pairs);
            url.url
                .borrow_mut()
                .set_query(if query.is_empty() { None } else { Some(&query) });
        }
    }
}

/// `new URLSearchParams(init)`: from a query string, another URLSearchParams, an iterable of
/// pairs, or a record.
pub fn construct_params(args: &[Value]) -> Result<Value, Throw> {
    let init = arg(args, 0);
    let pairs = match &init {
        Value::Undefined | Value::Null => Vec::new(),
        Value::String(text) => {
            let text = text.to_string();
            parse_pairs(text.strip_prefix('?').unwrap_or(&text))
        }
        other if host_ref::<SearchParams>(other).is_some() => host_ref::<SearchParams>(other)
            .map(|params| params.pairs.borrow().clone())
            .unwrap_or_default(),
        other if super::super::iterate::is_iterable(other) => {
            let mut pairs = Vec::new();
            for pair in super::super::iterate::collect(other)? {
                let items = if super::super::iterate::is_iterable(&pair)
                    && !matches!(pair, Value::String(_))
                {
                    super::super::iterate::collect(&pair)?
                } else {
                    return Err(node_error(
                        "TypeError",
                        "ERR_INVALID_TUPLE",
                        "Each query pair must be an iterable [name, value] tuple",
                    ));
                };
                if items.len() != 2 {
                    return Err(node_error(
                        "TypeError",
                        "ERR_INVALID_TUPLE",
                        "Each query pair must be an iterable [name, value] tuple",
                    ));
                }
                pairs.push((
                    to_string(&items[0])?.to_string(),
                    to_string(&items[1])?.to_string(),
                ));
            }
            pairs
        }
        Value::Object(_) => {
            let entries =
                super::super::object_methods::call_static("entries", std::slice::from_ref(&init))
                    .unwrap_or_else(|| Ok(Value::array(Vec::new())))?;
            let mut pairs = Vec::new();
            for entry in super::super::iterate::collect(&entries)? {
                let items = super::super::iterate::collect(&entry)?;
                pairs.push((
                    to_string(&items[0])?.to_string(),
                    to_string(&items[1])?.to_string(),
                ));
            }
            pairs
        }
        other => {
            let text = to_string(other)?.to_string();
            parse_pairs(text.strip_prefix('?').unwrap_or(&text))
        }
    };
    Ok(new_host(SearchParams {
        pairs: RefCell::new(pairs),
        owner: RefCell::new(None),
    }))
}

const PARAMS_METHODS: &[&str] = &[
    "append", "delete", "get", "getAll", "has", "set", "sort", "toString", "forEach", "keys",
    "values", "entries",
];

fn name_arg(args: &[Value], index: usize, method: &str, needed: usize) -> Result<String, Throw> {
    if args.len() < needed {
        let which = if needed == 1 {
            "\"name\""
        } else {
            "\"name\" and \"value\""
        };
        return Err(node_error(
            "TypeError",
            "ERR_MISSING_ARGS",
            format!(
                "The {which} argument{} must be specified",
                if needed == 1 { "" } else { "s" }
            ),
        ));
    }
    let _ = method;
    Ok(to_string(&arg(args, index))?.to_string())
}

impl HostObject for SearchParams {
    fn class(&self) -> &'static str {
        "URLSearchParams"
    }

    fn methods(&self) -> &'static [&'static str] {
        PARAMS_METHODS
    }

    fn get(&self, _this: &Value, key: &str) -> Option<Result<Value, Throw>> {
        (key == "size").then(|| Ok(Value::from(self.pairs.borrow().len())))
    }

    fn call(&self, this: &Value, name: &str, args: &[Value]) -> Option<Result<Value, Throw>> {
        if !PARAMS_METHODS.contains(&name) {
            return None;
        }
        Some((|| {
            let changed = match name {
                "append" => {
                    let key = name_arg(args, 0, name, 2)?;
                    let value = to_string(&arg(args, 1))?.to_string();
                    self.pairs.borrow_mut().push((key, value));
                    true
                }
                "set" => {
                    let key = name_arg(args, 0, name, 2)?;
                    let value = to_string(&arg(args, 1))?.to_string();
                    let mut pairs = self.pairs.borrow_mut();
                    match pairs.iter().position(|(name, _)| *name == key) {
                        Some(first) => {
                            pairs[first].1 = value;
                            let mut index = 0;
                            pairs.retain(|(name, _)| {
                                index += 1;
                                index - 1 == first || *name != key
                            });
                        }
                        None => pairs.push((key, value)),
                    }
                    true
                }
                "delete" => {
                    let key = name_arg(args, 0, name, 1)?;
                    let value = match arg(args, 1) {
                        Value::Undefined => None,
                        other => Some(to_string(&other)?.to_string()),
                    };
                    self.pairs.borrow_mut().retain(|(name, item)| {
                        !(*name == key && value.as_ref().is_none_or(|value| value == item))
                    });
                    true
                }
                "sort" => {
                    // Stable, by UTF-16 code units of the names.
                    self.pairs
                        .borrow_mut()
                        .sort_by(|(a, _), (b, _)| a.encode_utf16().cmp(b.encode_utf16()));
                    true
                }
                _ => false,
            };
            if changed {
                self.update();
                return Ok(Value::Undefined);
            }
            let pairs = self.pairs.borrow().clone();
            match name {
                "get" => {
                    let key = name_arg(args, 0, name, 1)?;
                    Ok(pairs
                        .iter()
                        .find(|(name, _)| *name == key)
                        .map(|(_, value)| Value::str(value))
                        .unwrap_or(Value::Null))
                }
                "getAll" => {
                    let key = name_arg(args, 0, name, 1)?;
                    Ok(Value::array(
                        pairs
                            .iter()
                            .filter(|(name, _)| *name == key)
                            .map(|(_, value)| Value::str(value))
                            .collect(),
                    ))
                }
                "has" => {
                    let key = name_arg(args, 0, name, 1)?;
                    let value = match arg(args, 1) {
                        Value::Undefined => None,
                        other => Some(to_string(&other)?.to_string()),
                    };
                    Ok(Value::Bool(pairs.iter().any(|(name, item)| {
                        *name == key && value.as_ref().is_none_or(|value| value == item)
                    })))
                }
                "toString" => Ok(Value::str(&serialize(&pairs))),
                "forEach" => {
                    let callback = arg(args, 0);
                    if !matches!(callback, Value::Function(_)) {
                        return Err(super::invalid_arg_type(
                            "callback",
                            "of type function",
                            &callback,
                        ));
                    }
                    for (key, value) in pairs {
                        super::super::access::call_with_this(
                            &callback,
                            &arg(args, 1),
                            &[Value::str(&value), Value::str(&key), this.clone()],
                        )?;
                    }
                    Ok(Value::Undefined)
                }
                _ => {
                    let items: Vec<Value> = pairs
                        .into_iter()
                        .map(|(key, value)| match name {
                            "keys" => Value::str(&key),
                            "values" => Value::str(&value),
                            _ => Value::array(vec![Value::str(&key), Value::str(&value)]),
                        })
                        .collect();
                    Ok(super::super::iterator::over_array(
                        &Value::array(items),
                        super::super::iterator::Yield::Values,
                    ))
                }
            }
        })())
    }

    fn inspect(&self, _this: &Value) -> String {
        let pairs = self.pairs.borrow();
        if pairs.is_empty() {
            return "URLSearchParams {}".to_string();
        }
        let parts: Vec<String> = pairs
            .iter()
            .map(|(key, value)| {
                format!(
                    "{} => {}",
                    super::super::console::inspect(&Value::str(key)),
                    super::super::console::inspect(&Value::str(value))
                )
            })
            .collect();
        format!("URLSearchParams {{ {} }}", parts.join(", "))
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// The pairs of a URLSearchParams value (iteration: `for (const [k, v] of params)`).
pub fn params_entries(value: &Value) -> Option<Vec<Value>> {
    let params = host_ref::<SearchParams>(value)?;
    Some(
        params
            .pairs
            .borrow()
            .iter()
            .map(|(key, value)| Value::array(vec![Value::str(key), Value::str(value)]))
            .collect(),
    )
}
