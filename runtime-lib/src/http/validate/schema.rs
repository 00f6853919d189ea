//! A JSON Schema (2020-12) validator for the keywords blueprints use, reporting every violation
//! with the JSON pointer of the offending value.
//!
//! ```text
//! schema {"type":"object","required":["title"],"properties":{"n":{"type":"integer"}}}
//! value  {"n": 1.5}   ──▶  [/title: required property is missing, /n: expected integer, got number]
//! ```
//!
//! `$ref`s point into the service's OpenAPI document (`#/components/schemas/Post`). Annotation
//! keywords (`description`, `format`, `examples`, …) do not constrain values.

use serde_json::Value;

/// One way a value breaks its schema.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    /// JSON pointer to the value, e.g. `/body/tags/2`.
    pub pointer: String,
    /// What is wrong with it.
    pub message: String,
}

/// Validates `value` against `schema`; `document` resolves `$ref`s. Pointers start at `at`.
pub fn validate(document: &Value, schema: &Value, value: &Value, at: &str) -> Vec<Violation> {
    let mut violations = Vec::new();
    check(document, schema, value, at, &mut violations, 0);
    violations
}

/// Deeper than this, a `$ref` cycle is assumed and checking stops.
const MAX_DEPTH: usize = 64;

fn check(
    document: &Value,
    schema: &Value,
    value: &Value,
    at: &str,
    out: &mut Vec<Violation>,
    depth: usize,
) {
    let Value::Object(keywords) = schema else {
        if *schema == Value::Bool(false) {
            out.push(violation(at, "no value is allowed here"));
        }
        return;
    };
    if depth > MAX_DEPTH {
        return;
    }
    if let Some(reference) = keywords.get("$ref").and_then(Value::as_str) {
        match resolve(document, reference) {
            Some(target) => check(document, target, value, at, out, depth + 1),
            None => out.push(violation(
                at,
                &format!("the schema refers to `{reference}`, which does not exist"),
            )),
        }
    }
    if let Some(expected) = keywords.get("type")
        && !type_matches(expected, value)
    {
        out.push(violation(
            at,
            &format!(
                "expected {}, got {}",
                describe_types(expected),
                type_name(value)
            ),
        ));
        return;
    }
    if let Some(Value::Array(allowed)) = keywords.get("enum")
        && !allowed.iter().any(|candidate| json_equal(candidate, value))
    {
        let listed: Vec<String> = allowed.iter().map(Value::to_string).collect();
        out.push(violation(
            at,
            &format!("must be one of {}", listed.join(", ")),
        ));
    }
    if let Some(constant) = keywords.get("const")
        && !json_equal(constant, value)
    {
        out.push(violation(at, &format!("must be {constant}")));
    }
    match value {
        Value::Number(number) => {
            check_number(keywords, number.as_f64().unwrap_or(f64::NAN), at, out)
        }
        Value::String(text) => check_string(keywords, text, at, out),
        Value::Array(items) => check_array(document, keywords, items, at, out, depth),
        Value::Object(members) => check_object(document, keywords, members, at, out, depth),
        Value::Null | Value::Bool(_) => {}
    }
    for combinator in ["allOf", "anyOf", "oneOf"] {
        let Some(Value::Array(branches)) = keywords.get(combinator) else {
            continue;
        };
        let results: Vec<Vec<Violation>> = branches
            .iter()
            .map(|branch| {
                let mut found = Vec::new();
                check(document, branch, value, at, &mut found, depth + 1);
                found
            })
            .collect();
        let passing = results.iter().filter(|found| found.is_empty()).count();
        match combinator {
            "allOf" => out.extend(results.into_iter().flatten()),
            "anyOf" if passing == 0 => {
                out.push(violation(at, "matches none of the allowed schemas (anyOf)"))
            }
            "oneOf" if passing != 1 => out.push(violation(
                at,
                &format!("must match exactly one schema (oneOf), matches {passing}"),
            )),
            _ => {}
        }
    }
    if let Some(negated) = keywords.get("not") {
        let mut found = Vec::new();
        check(document, negated, value, at, &mut found, depth + 1);
        if found.is_empty() {
            out.push(violation(at, "matches a schema it must not match (not)"));
        }
    }
}

fn check_number(
    keywords: &serde_json::Map<String, Value>,
    number: f64,
    at: &str,
    out: &mut Vec<Violation>,
) {
    let bound = |name: &str| keywords.get(name).and_then(Value::as_f64);
    if let Some(minimum) = bound("minimum")
        && number < minimum
    {
        out.push(violation(at, &format!("must be at least {minimum}")));
    }
    if let Some(maximum) = bound("maximum")
        && number > maximum
    {
        out.push(violation(at, &format!("must be at most {maximum}")));
    }
    if let Some(minimum) = bound("exclusiveMinimum")
        && number <= minimum
    {
        out.push(violation(at, &format!("must be greater than {minimum}")));
    }
    if let Some(maximum) = bound("exclusiveMaximum")
        && number >= maximum
    {
        out.push(violation(at, &format!("must be less than {maximum}")));
    }
    if let Some(step) = bound("multipleOf")
        && step > 0.0
        && (number / step).fract().abs() > 1e-9
    {
        out.push(violation(at, &format!("must be a multiple of {step}")));
    }
}

fn check_string(
    keywords: &serde_json::Map<String, Value>,
    text: &str,
    at: &str,
    out: &mut Vec<Violation>,
) {
    // JSON Schema measures strings in Unicode code points.
    let length = text.chars().count() as u64;
    if let Some(minimum) = keywords.get("minLength").and_then(Value::as_u64)
        && length < minimum
    {
        out.push(violation(
            at,
            &format!("must be at least {minimum} characters long"),
        ));
    }
    if let Some(maximum) = keywords.get("maxLength").and_then(Value::as_u64)
        && length > maximum
    {
        out.push(violation(
            at,
            &format!("must be at most {maximum} characters long"),
        ));
    }
    if let Some(pattern) = keywords.get("pattern").and_then(Value::as_str) {
        match pattern_matches(pattern, text) {
            Some(false) => {
                out.push(violation(at, &format!("must match the pattern {pattern}")));
            }
            Some(true) => {}
            None => out.push(violation(
                at,
                &format!("the schema's pattern {pattern} is invalid"),
            )),
        }
    }
}

/// Whether `text` matches `pattern` (`None`: the pattern does not compile). Compiled patterns
/// are kept per thread: compiling one costs far more than matching, every list request checks
/// one per filter, and the patterns come from the service's own document, so the cache holds
/// at most the document's patterns.
fn pattern_matches(pattern: &str, text: &str) -> Option<bool> {
    thread_local! {
        static COMPILED: std::cell::RefCell<std::collections::HashMap<String, Option<regress::Regex>>> =
            std::cell::RefCell::new(std::collections::HashMap::new());
    }
    COMPILED.with(|compiled| {
        let mut compiled = compiled.borrow_mut();
        // Looked up by `&str` first: `entry` would allocate the key on every check.
        if !compiled.contains_key(pattern) {
            let regex = regress::Regex::with_flags(pattern, "u").ok();
            compiled.insert(pattern.to_owned(), regex);
        }
        compiled
            .get(pattern)
            .and_then(Option::as_ref)
            .map(|regex| regex.find(text).is_some())
    })
}

fn check_array(
    document: &Value,
    keywords: &serde_json::Map<String, Value>,
    items: &[Value],
    at: &str,
    out: &mut Vec<Violation>,
    depth: usize,
) {
    let count = items.len() as u64;
    if let Some(minimum) = keywords.get("minItems").and_then(Value::as_u64)
        && count < minimum
    {
        out.push(violation(
            at,
            &format!("must have at least {minimum} items"),
        ));
    }
    if let Some(maximum) = keywords.get("maxItems").and_then(Value::as_u64)
        && count > maximum
    {
        out.push(violation(at, &format!("must have at most {maximum} items")));
    }
    if keywords.get("uniqueItems") == Some(&Value::Bool(true)) {
        let duplicated = items.iter().enumerate().any(|(index, item)| {
            items[..index]
                .iter()
                .any(|earlier| json_equal(earlier, item))
        });
        if duplicated {
            out.push(violation(at, "items must be unique"));
        }
    }
    let prefix = match keywords.get("prefixItems") {
        Some(Value::Array(prefix)) => prefix.as_slice(),
        _ => &[],
    };
    for (index, item) in items.iter().enumerate() {
        let item_at = format!("{at}/{index}");
        match (prefix.get(index), keywords.get("items")) {
            (Some(schema), _) | (None, Some(schema)) => {
                check(document, schema, item, &item_at, out, depth + 1)
            }
            (None, None) => {}
        }
    }
}

fn check_object(
    document: &Value,
    keywords: &serde_json::Map<String, Value>,
    members: &serde_json::Map<String, Value>,
    at: &str,
    out: &mut Vec<Violation>,
    depth: usize,
) {
    if let Some(Value::Array(required)) = keywords.get("required") {
        for name in required.iter().filter_map(Value::as_str) {
            if !members.contains_key(name) {
                out.push(violation(
                    &format!("{at}/{}", escape(name)),
                    "required property is missing",
                ));
            }
        }
    }
    let count = members.len() as u64;
    if let Some(minimum) = keywords.get("minProperties").and_then(Value::as_u64)
        && count < minimum
    {
        out.push(violation(
            at,
            &format!("must have at least {minimum} properties"),
        ));
    }
    if let Some(maximum) = keywords.get("maxProperties").and_then(Value::as_u64)
        && count > maximum
    {
        out.push(violation(
            at,
            &format!("must have at most {maximum} properties"),
        ));
    }
    let properties = keywords.get("properties").and_then(Value::as_object);
    for (name, member) in members {
        let member_at = format!("{at}/{}", escape(name));
        match (
            properties.and_then(|properties| properties.get(name)),
            keywords.get("additionalProperties"),
        ) {
            (Some(schema), _) => check(document, schema, member, &member_at, out, depth + 1),
            (None, Some(Value::Bool(false))) => {
                out.push(violation(&member_at, "unexpected property"))
            }
            (None, Some(schema)) => check(document, schema, member, &member_at, out, depth + 1),
            (None, None) => {}
        }
    }
}

/// Follows a local reference such as `#/components/schemas/Post`.
fn resolve<'a>(document: &'a Value, reference: &str) -> Option<&'a Value> {
    document.pointer(reference.strip_prefix('#')?)
}

fn type_matches(expected: &Value, value: &Value) -> bool {
    match expected {
        Value::String(name) => is_type(name, value),
        Value::Array(names) => names
            .iter()
            .filter_map(Value::as_str)
            .any(|name| is_type(name, value)),
        _ => true,
    }
}

fn is_type(name: &str, value: &Value) -> bool {
    match (name, value) {
        ("null", Value::Null) | ("boolean", Value::Bool(_)) | ("string", Value::String(_)) => true,
        ("array", Value::Array(_))
        | ("object", Value::Object(_))
        | ("number", Value::Number(_)) => true,
        ("integer", Value::Number(number)) => {
            number.is_i64() || number.is_u64() || number.as_f64().is_some_and(|n| n.fract() == 0.0)
        }
        _ => false,
    }
}

fn type_name(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(number) if number.is_i64() || number.is_u64() => "integer",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

fn describe_types(expected: &Value) -> String {
    match expected {
        Value::Array(names) => names
            .iter()
            .filter_map(Value::as_str)
            .collect::<Vec<_>>()
            .join(" or "),
        Value::String(name) => name.clone(),
        other => other.to_string(),
    }
}

/// JSON equality where `1` and `1.0` are the same number, as JSON Schema requires.
fn json_equal(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x.as_f64() == y.as_f64(),
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(x, y)| json_equal(x, y))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len()
                && x.iter()
                    .all(|(key, value)| y.get(key).is_some_and(|other| json_equal(value, other)))
        }
        _ => a == b,
    }
}

/// Escapes a property name for use in a JSON pointer (RFC 6901).
pub fn escape(name: &str) -> String {
    name.replace('~', "~0").replace('/', "~1")
}

fn violation(pointer: &str, message: &str) -> Violation {
    Violation {
        pointer: pointer.to_string(),
        message: message.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn pointers(schema: Value, value: Value) -> Vec<String> {
        let document =
            json!({ "components": { "schemas": { "Tag": { "type": "string", "minLength": 2 } } } });
        validate(&document, &schema, &value, "/body")
            .into_iter()
            .map(|violation| violation.pointer)
            .collect()
    }

    #[test]
    fn reports_every_violation_with_its_pointer() {
        let schema = json!({
            "type": "object",
            "required": ["title", "tags"],
            "properties": {
                "title": { "type": "string", "maxLength": 5 },
                "count": { "type": "integer", "minimum": 0 },
                "tags": { "type": "array", "items": { "$ref": "#/components/schemas/Tag" } }
            },
            "additionalProperties": false
        });
        let value =
            json!({ "title": "too long", "count": -1.5, "tags": ["ok", "x"], "extra": true });
        assert_eq!(
            pointers(schema, value),
            ["/body/title", "/body/count", "/body/tags/1", "/body/extra"]
        );
    }

    #[test]
    fn accepts_valid_values_and_whole_floats_as_integers() {
        let schema = json!({ "type": "object", "properties": { "n": { "type": "integer" }, "tag": { "enum": ["a", 1] } } });
        assert!(pointers(schema.clone(), json!({ "n": 3.0, "tag": 1.0 })).is_empty());
        assert_eq!(
            pointers(schema, json!({ "n": 3.5, "tag": "b" })),
            ["/body/n", "/body/tag"]
        );
    }

    #[test]
    fn missing_required_properties_point_at_the_missing_name() {
        let schema = json!({ "type": "object", "required": ["a/b"] });
        assert_eq!(pointers(schema, json!({})), ["/body/a~1b"]);
    }

    #[test]
    fn combinators_and_patterns() {
        let schema = json!({ "oneOf": [{ "type": "string", "pattern": "^[a-z]+$" }, { "type": "integer" }] });
        assert!(pointers(schema.clone(), json!("abc")).is_empty());
        assert!(pointers(schema.clone(), json!(7)).is_empty());
        assert_eq!(pointers(schema, json!("ABC")), ["/body"]);
    }
}
