//! What a handler accepts of one input, as facts read from its refusals, and the JSON Schema
//! they make.
//!
//! ```text
//! if (typeof title !== "string" || !title.trim()) return { status: 400, … }
//!   ──▶ [Fact(title, is "string"), Fact(title.trim(), truthy)]
//!   ──▶ {"type":"string","pattern":"[^\t\n…]"} and required (undefined is refused)
//! ```
//!
//! A fact describes the values that make the handler go on; its schema admits only such values
//! (a subset of them where the exact set cannot be written), and whether a missing input is
//! accepted is decided by evaluating the fact on `undefined` (or on the default the handler puts
//! in its place) exactly as Node would.

use serde_json::{Map, Value, json};

use super::number_text::{self, NOT_BLANK, NumberRange, Parser};

/// An input of the request a handler reads.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum Input {
    /// `req.path_params.<name>`.
    Path(String),
    /// `req.query_params.<name>`.
    Query(String),
    /// `req.body.<name>`.
    BodyField(String),
    /// `req.body` itself.
    Body,
}

impl Input {
    /// Parameters are text when present; body members are any JSON.
    fn is_text(&self) -> bool {
        matches!(self, Input::Path(_) | Input::Query(_))
    }
}

/// A JavaScript value known at compile time (a literal).
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum JsValue {
    Undefined,
    Null,
    Bool(bool),
    Number(f64),
    Text(String),
}

impl JsValue {
    fn truthy(&self) -> bool {
        match self {
            JsValue::Undefined | JsValue::Null => false,
            JsValue::Bool(flag) => *flag,
            JsValue::Number(number) => *number != 0.0 && !number.is_nan(),
            JsValue::Text(text) => !text.is_empty(),
        }
    }

    fn type_of(&self) -> &'static str {
        match self {
            JsValue::Undefined => "undefined",
            JsValue::Null => "object",
            JsValue::Bool(_) => "boolean",
            JsValue::Number(_) => "number",
            JsValue::Text(_) => "string",
        }
    }

    /// As JSON, for an `enum` (undefined has none).
    fn json(&self) -> Option<Value> {
        match self {
            JsValue::Undefined => None,
            JsValue::Null => Some(Value::Null),
            JsValue::Bool(flag) => Some(json!(flag)),
            JsValue::Number(number) if number.is_finite() => Some(super::json_number(*number)),
            JsValue::Number(_) => None,
            JsValue::Text(text) => Some(json!(text)),
        }
    }
}

/// How the handler replaces a missing (`??`) or falsy (`||`) input before checking it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Fallback {
    /// No replacement.
    None,
    /// `input ?? value`: replaces `undefined` and `null`.
    Nullish(JsValue),
    /// A destructuring default (`{ limit = 20 }`): replaces `undefined` only.
    Missing(JsValue),
    /// `input || value`: replaces every falsy value.
    Falsy(JsValue),
}

/// What the handler computes from the input before checking it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Transform {
    /// The value itself.
    Itself,
    /// `value.trim()`.
    Trim,
    /// `value.length`.
    Length,
    /// `value.trim().length`.
    TrimmedLength,
    /// A number parsed from it.
    Parse(Parser),
}

/// A value computed from one input.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Derived {
    pub(crate) input: Input,
    pub(crate) fallback: Fallback,
    pub(crate) transform: Transform,
}

/// A check on a derived value.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Check {
    /// Truthy.
    Truthy,
    /// `typeof value === name`.
    TypeIs(String),
    /// Strictly equal to one of these.
    OneOf(Vec<JsValue>),
    /// `value == null`.
    Nullish,
    /// A number in this range (comparisons, `Number.isInteger`, `isNaN`…), after the transform;
    /// `nan` when NaN passes too (`!(n < 1)` holds for NaN).
    InRange {
        range: NumberRange,
        integer: bool,
        nan: bool,
    },
    /// `Array.isArray(value)`.
    IsArray,
}

/// The handler goes on when `check` on `value` is `holds`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Fact {
    pub(crate) value: Derived,
    pub(crate) check: Check,
    pub(crate) holds: bool,
}

/// What one input must be for the handler to go on: all of `all`, or (when `any` is set) one
/// of several such sets.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Accepted {
    All(Vec<Fact>),
    Any(Vec<Accepted>),
}

impl Fact {
    /// Whether the fact holds when the input is `input` (`None` when it cannot be known).
    fn holds_for(&self, input: &JsValue) -> Option<bool> {
        let value = match (&self.value.fallback, input) {
            (Fallback::Nullish(fallback), JsValue::Undefined | JsValue::Null) => fallback.clone(),
            (Fallback::Missing(fallback), JsValue::Undefined) => fallback.clone(),
            (Fallback::Falsy(fallback), input) if !input.truthy() => fallback.clone(),
            (_, input) => input.clone(),
        };
        let computed = match (self.value.transform, &value) {
            (Transform::Itself, value) => value.clone(),
            (Transform::Trim, JsValue::Text(text)) => JsValue::Text(js_trim(text).to_string()),
            (Transform::Length, JsValue::Text(text)) => {
                JsValue::Number(text.encode_utf16().count() as f64)
            }
            (Transform::TrimmedLength, JsValue::Text(text)) => {
                JsValue::Number(js_trim(text).encode_utf16().count() as f64)
            }
            (Transform::Parse(parser), value) => JsValue::Number(parse(parser, value)?),
            // `undefined.trim()` throws: the handler does not go on (a 500, not an acceptance).
            (_, JsValue::Undefined | JsValue::Null) => return Some(false),
            _ => return None,
        };
        let result = match &self.check {
            Check::Truthy => computed.truthy(),
            Check::TypeIs(name) => computed.type_of() == name,
            Check::OneOf(values) => values.iter().any(|value| strictly_equal(value, &computed)),
            Check::Nullish => matches!(computed, JsValue::Undefined | JsValue::Null),
            // Comparisons coerce their operands to numbers.
            Check::InRange {
                range,
                integer,
                nan,
            } => {
                let number = parse(Parser::Number, &computed)?;
                if number.is_nan() {
                    *nan
                } else {
                    range.accepts(number) && (!integer || number.fract() == 0.0)
                }
            }
            Check::IsArray => false,
        };
        Some(result == self.holds)
    }
}

/// `a === b` for literals.
fn strictly_equal(a: &JsValue, b: &JsValue) -> bool {
    match (a, b) {
        (JsValue::Number(x), JsValue::Number(y)) => x == y,
        _ => a == b,
    }
}

/// ECMAScript's `String.prototype.trim`.
pub(crate) fn js_trim(text: &str) -> &str {
    let space = |c: char| {
        matches!(
            c,
            '\t' | '\n' | '\u{b}' | '\u{c}' | '\r' | ' ' | '\u{a0}' | '\u{1680}' | '\u{2000}'
                ..='\u{200a}'
                    | '\u{2028}'
                    | '\u{2029}'
                    | '\u{202f}'
                    | '\u{205f}'
                    | '\u{3000}'
                    | '\u{feff}'
        )
    };
    text.trim_matches(space)
}

/// What a parser makes of a literal, for the common literals defaults are written as.
fn parse(parser: Parser, value: &JsValue) -> Option<f64> {
    match value {
        JsValue::Undefined => Some(f64::NAN),
        JsValue::Null => Some(match parser {
            Parser::Number => 0.0,
            _ => f64::NAN,
        }),
        JsValue::Bool(flag) => Some(match parser {
            Parser::Number => f64::from(u8::from(*flag)),
            _ => f64::NAN,
        }),
        JsValue::Number(number) if number.fract() == 0.0 && number.abs() < 1e15 => Some(*number),
        JsValue::Number(number) => match parser {
            Parser::Number | Parser::ParseFloat => Some(*number),
            Parser::ParseInt { .. } => None,
        },
        JsValue::Text(text) => {
            let trimmed = js_trim(text);
            if trimmed.is_empty() {
                return Some(match parser {
                    Parser::Number => 0.0,
                    _ => f64::NAN,
                });
            }
            // Plain decimal numerals only; anything else is not followed.
            let plain = trimmed.trim_start_matches(['-', '+']);
            if !plain.is_empty() && plain.bytes().all(|b| b.is_ascii_digit()) {
                trimmed.parse::<f64>().ok()
            } else {
                None
            }
        }
    }
}

impl Accepted {
    /// Whether a request without the input goes on (`None`: cannot be known, so treated as
    /// refused — the document then asks for the input, which the handler accepts).
    pub(crate) fn absent_accepted(&self) -> bool {
        match self {
            Accepted::All(facts) => facts
                .iter()
                .all(|fact| fact.holds_for(&JsValue::Undefined) == Some(true)),
            Accepted::Any(options) => options.iter().any(Accepted::absent_accepted),
        }
    }

    /// The schema of the present values that make the handler go on (`None`: none are).
    pub(crate) fn schema(&self, input: &Input) -> Value {
        match self {
            Accepted::All(facts) => all_schema(input, facts),
            Accepted::Any(options) => {
                // A branch admitting no present value (only absence) adds none.
                let branches: Vec<Value> = options
                    .iter()
                    .map(|option| option.schema(input))
                    .filter(|branch| !admits_nothing(branch))
                    .collect();
                match branches.as_slice() {
                    [] => return json!({ "not": {} }),
                    [only] => return only.clone(),
                    _ => {}
                }
                if branches
                    .iter()
                    .any(|branch| branch.as_object().is_some_and(Map::is_empty))
                {
                    return json!({});
                }
                // Alternatives that are only enums join into one.
                let enums: Option<Vec<Value>> = branches
                    .iter()
                    .map(|branch| match branch.as_object() {
                        Some(object) if object.len() == 1 => {
                            object.get("enum").and_then(Value::as_array).cloned()
                        }
                        Some(object) if object.len() == 2 && object.contains_key("type") => {
                            object.get("enum").and_then(Value::as_array).cloned()
                        }
                        _ => None,
                    })
                    .collect::<Option<Vec<_>>>()
                    .map(|lists| {
                        let mut joined: Vec<Value> = Vec::new();
                        for value in lists.into_iter().flatten() {
                            if !joined.contains(&value) {
                                joined.push(value);
                            }
                        }
                        joined
                    });
                match enums {
                    Some(values) if input.is_text() => json!({ "type": "string", "enum": values }),
                    Some(values) => json!({ "enum": values }),
                    None => json!({ "anyOf": branches }),
                }
            }
        }
    }
}

/// One schema for a conjunction of facts; numeric checks on one parsed value merge into one
/// range (one pattern), every other fact adds its own keywords.
fn all_schema(input: &Input, facts: &[Fact]) -> Value {
    let mut parts: Vec<Value> = Vec::new();
    let mut ranges: Vec<(Derived, NumberRange, bool, bool)> = Vec::new();
    for fact in facts {
        if let (
            Check::InRange {
                range,
                integer,
                nan,
            },
            true,
        ) = (&fact.check, fact.holds)
        {
            match ranges
                .iter_mut()
                .find(|(value, _, _, _)| *value == fact.value)
            {
                Some((_, merged, merged_integer, merged_nan)) => {
                    *merged = intersect(merged, range);
                    *merged_integer |= integer;
                    *merged_nan &= nan;
                }
                None => ranges.push((fact.value.clone(), *range, *integer, *nan)),
            }
            continue;
        }
        parts.push(fact_schema(input, fact));
    }
    // The written schemas admit numbers only: a NaN the handler lets through is left out (a
    // subset of what it accepts).
    for (value, range, integer, _) in ranges {
        parts.push(range_schema(input, &value, &range, integer));
    }
    merge(parts)
}

fn intersect(a: &NumberRange, b: &NumberRange) -> NumberRange {
    let tighter_low = |x: Option<(f64, bool)>, y: Option<(f64, bool)>| match (x, y) {
        (None, other) | (other, None) => other,
        (Some(x), Some(y)) if x.0 > y.0 || (x.0 == y.0 && !x.1) => Some(x),
        (_, Some(y)) => Some(y),
    };
    let tighter_high = |x: Option<(f64, bool)>, y: Option<(f64, bool)>| match (x, y) {
        (None, other) | (other, None) => other,
        (Some(x), Some(y)) if x.0 < y.0 || (x.0 == y.0 && !x.1) => Some(x),
        (_, Some(y)) => Some(y),
    };
    NumberRange {
        low: tighter_low(a.low, b.low),
        high: tighter_high(a.high, b.high),
        finite: a.finite || b.finite,
        nonzero: a.nonzero || b.nonzero,
    }
}

/// Joins schemas that must all hold: their keywords side by side when they do not collide,
/// else `allOf`.
pub(crate) fn merge(parts: Vec<Value>) -> Value {
    let mut merged = Map::new();
    let mut rest: Vec<Value> = Vec::new();
    for part in parts {
        let Value::Object(mut object) = part else {
            continue;
        };
        // A keyword already there with the same value says nothing new; two types hold
        // together as the types they share.
        object.retain(|key, value| merged.get(key) != Some(&*value));
        if let (Some(mine), Some(theirs)) = (object.get("type"), merged.get("type")) {
            let shared: Vec<Value> = types(mine)
                .into_iter()
                .filter(|name| types(theirs).contains(name))
                .collect();
            if !shared.is_empty() {
                object.remove("type");
                merged.insert(
                    "type".into(),
                    match shared.as_slice() {
                        [only] => only.clone(),
                        _ => Value::Array(shared),
                    },
                );
            }
        }
        if object.is_empty() {
            continue;
        }
        if object.keys().any(|key| merged.contains_key(key)) {
            rest.push(Value::Object(object));
        } else {
            merged.extend(object);
        }
    }
    // A text that is not falsy is a non-empty text.
    if merged.get("type") == Some(&json!("string"))
        && merged.get("not") == Some(&json!({ "enum": falsy_json() }))
    {
        merged.remove("not");
        if !merged.contains_key("minLength") {
            merged.insert("minLength".into(), json!(1));
        }
    }
    // Under one type, excluding another type (or `null`) says nothing.
    if let Some(Value::String(only)) = merged.get("type").cloned() {
        if let Some(Value::Array(earlier)) = merged.remove("allOf") {
            rest.splice(0..0, earlier);
        }
        let redundant = |not: &Value| match not.get("type") {
            Some(Value::String(other)) => {
                not.as_object().is_some_and(|o| o.len() == 1) && *other != only
            }
            _ => *not == json!({ "enum": [null] }) && only != "null",
        };
        if merged.get("not").is_some_and(redundant) {
            merged.remove("not");
        }
        rest.retain(|part| {
            !(part.as_object().is_some_and(|o| o.len() == 1)
                && part.get("not").is_some_and(redundant))
        });
        // What is left of a part may now fit beside the rest.
        let parts = std::mem::take(&mut rest);
        for part in parts {
            match part {
                Value::Object(object) if !object.keys().any(|key| merged.contains_key(key)) => {
                    merged.extend(object);
                }
                other => rest.push(other),
            }
        }
    }
    // Keywords of another type than the one left apply to nothing.
    match merged.get("type").and_then(Value::as_str) {
        Some("array") => {
            for key in ["minLength", "maxLength", "pattern"] {
                merged.remove(key);
            }
            let textual = |schema: &Value| {
                schema
                    .get("anyOf")
                    .and_then(Value::as_array)
                    .is_some_and(|branches| {
                        branches.iter().all(|branch| {
                            branch.as_object().is_some_and(|branch| {
                                branch.keys().all(|key| {
                                    ["minLength", "maxLength", "pattern"].contains(&key.as_str())
                                })
                            })
                        })
                    })
            };
            if textual(&Value::Object(merged.clone())) {
                merged.remove("anyOf");
            }
            rest.retain(|part| !(part.as_object().is_some_and(|o| o.len() == 1) && textual(part)));
        }
        Some("string") => {
            for key in ["minItems", "maxItems"] {
                merged.remove(key);
            }
        }
        _ => {}
    }
    if !rest.is_empty() {
        merged.insert("allOf".into(), Value::Array(rest));
    }
    Value::Object(merged)
}

/// The type names a `type` keyword lists.
fn types(keyword: &Value) -> Vec<Value> {
    match keyword {
        Value::Array(names) => names.clone(),
        name => vec![name.clone()],
    }
}

/// Whether a schema admits no value at all (as written here: `enum: []` or `not: {}`).
fn admits_nothing(schema: &Value) -> bool {
    schema
        .get("enum")
        .and_then(Value::as_array)
        .is_some_and(Vec::is_empty)
        || schema
            .get("not")
            .is_some_and(|not| not.as_object().is_some_and(Map::is_empty))
}

/// Values JavaScript finds falsy, as JSON.
fn falsy_json() -> Value {
    json!([null, false, 0, ""])
}

/// Completes the schema of the values a fact accepts as themselves with the values the
/// fallback replaces: those are checked through the default instead, so they are admitted
/// exactly when the default passes.
fn with_fallback(input: &Input, fact: &Fact, schema: Value) -> Value {
    let (replaced, representative) = match &fact.value.fallback {
        // Absence is judged apart (`absent_accepted`); present values are themselves.
        Fallback::None | Fallback::Missing(_) => return schema,
        Fallback::Falsy(_) if input.is_text() => {
            (json!({ "enum": [""] }), JsValue::Text(String::new()))
        }
        Fallback::Falsy(_) => (json!({ "enum": falsy_json() }), JsValue::Null),
        // A parameter is never null: `??` replaces only its absence.
        Fallback::Nullish(_) if input.is_text() => return schema,
        Fallback::Nullish(_) => (json!({ "enum": [null] }), JsValue::Null),
    };
    let kept = if input.is_text() {
        merge(vec![schema, json!({ "minLength": 1 })])
    } else {
        merge(vec![schema, json!({ "not": replaced.clone() })])
    };
    if fact.holds_for(&representative) == Some(true) {
        json!({ "anyOf": [kept, replaced] })
    } else {
        kept
    }
}

fn fact_schema(input: &Input, fact: &Fact) -> Value {
    let schema = present_schema(input, fact);
    match schema {
        Some(schema) => with_fallback(input, fact, schema),
        None => json!({}),
    }
}

/// The schema of the present values a fact accepts, when it can be written.
fn present_schema(input: &Input, fact: &Fact) -> Option<Value> {
    let text = input.is_text();
    match (fact.value.transform, &fact.check, fact.holds) {
        (Transform::Itself, Check::Truthy, true) => Some(if text {
            json!({ "minLength": 1 })
        } else {
            json!({ "not": { "enum": falsy_json() } })
        }),
        (Transform::Itself, Check::Truthy, false) => Some(if text {
            json!({ "enum": [""] })
        } else {
            json!({ "enum": falsy_json() })
        }),
        (Transform::Itself, Check::TypeIs(name), holds) => {
            let types: Value = match name.as_str() {
                "string" => json!("string"),
                "number" => json!("number"),
                "boolean" => json!("boolean"),
                "object" => json!(["object", "array", "null"]),
                // `typeof x === "undefined"` concerns absence only.
                "undefined" => {
                    return Some(if holds {
                        json!({ "not": {} })
                    } else {
                        json!({})
                    });
                }
                _ => return None,
            };
            if text {
                return Some(match (name.as_str(), holds) {
                    ("string", true) | (_, false) => json!({}),
                    _ => json!({ "not": {} }),
                });
            }
            Some(if holds {
                json!({ "type": types })
            } else {
                json!({ "not": { "type": types } })
            })
        }
        (Transform::Itself, Check::OneOf(values), holds) => {
            let listed: Vec<Value> = values
                .iter()
                .filter(|value| !text || matches!(value, JsValue::Text(_)))
                .filter_map(JsValue::json)
                .collect();
            Some(if holds {
                json!({ "enum": listed })
            } else if listed.is_empty() {
                json!({})
            } else {
                json!({ "not": { "enum": listed } })
            })
        }
        (Transform::Itself, Check::Nullish, false) => Some(if text {
            json!({})
        } else {
            json!({ "not": { "type": "null" } })
        }),
        (Transform::Itself, Check::IsArray, true) if !text => Some(json!({ "type": "array" })),
        (Transform::Itself, Check::IsArray, false) if !text => {
            Some(json!({ "not": { "type": "array" } }))
        }
        (Transform::Trim | Transform::TrimmedLength, Check::Truthy, true) => {
            Some(json!({ "type": "string", "pattern": NOT_BLANK }))
        }
        (Transform::Length, Check::Truthy, true) => Some(if text {
            json!({ "minLength": 1 })
        } else {
            json!({ "type": ["string", "array"], "minLength": 1, "minItems": 1 })
        }),
        _ => None,
    }
    .map(|schema| {
        if text {
            let mut object = Map::new();
            object.insert("type".into(), json!("string"));
            if let Value::Object(rest) = schema {
                object.extend(rest);
            }
            Value::Object(object)
        } else {
            schema
        }
    })
}

/// The schema of values whose transform lands in `range`.
fn range_schema(input: &Input, value: &Derived, range: &NumberRange, integer: bool) -> Value {
    let fact = Fact {
        value: value.clone(),
        check: Check::InRange {
            range: *range,
            integer,
            nan: false,
        },
        holds: true,
    };
    let schema = match value.transform {
        Transform::Parse(parser) => {
            let finite = NumberRange {
                finite: range.finite || integer,
                ..*range
            };
            let text = number_text::pattern(parser, &finite)
                .map(|pattern| json!({ "type": "string", "pattern": pattern }));
            if input.is_text() {
                text
            } else {
                // A body member: a number in range (parsed as itself), or a text that parses
                // into it.
                let number = numeric_schema(range, integer || parser != Parser::Number, parser);
                match (text, number) {
                    (Some(text), Some(number)) => Some(json!({ "anyOf": [number, text] })),
                    (text, number) => text.or(number),
                }
            }
        }
        Transform::Length => length_schema(input, range),
        // A parameter compared with a number is coerced as `Number(text)` would.
        Transform::Itself if input.is_text() => {
            let finite = NumberRange {
                finite: range.finite || integer,
                ..*range
            };
            number_text::pattern(Parser::Number, &finite)
                .map(|pattern| json!({ "type": "string", "pattern": pattern }))
        }
        Transform::Itself if !input.is_text() => numeric_schema(range, integer, Parser::Number),
        _ => None,
    };
    match schema {
        Some(schema) => with_fallback(input, &fact, schema),
        // What cannot be written is left open, as an unreadable check is.
        None => json!({}),
    }
}

/// JSON numbers in `range` (`integer`: whole ones only).
fn numeric_schema(range: &NumberRange, integer: bool, parser: Parser) -> Option<Value> {
    let mut schema = Map::new();
    schema.insert(
        "type".into(),
        json!(if integer { "integer" } else { "number" }),
    );
    // `parseInt(1e21)` reads "1e+21": only moderate integers parse as themselves.
    let limit = if parser == Parser::Number {
        None
    } else {
        Some(1e20)
    };
    match range.low {
        Some((low, true)) => {
            schema.insert("minimum".into(), super::json_number(low));
        }
        Some((low, false)) => {
            schema.insert("exclusiveMinimum".into(), super::json_number(low));
        }
        None => {
            if let Some(limit) = limit {
                schema.insert("minimum".into(), super::json_number(-limit));
            }
        }
    }
    match range.high {
        Some((high, true)) => {
            schema.insert("maximum".into(), super::json_number(high));
        }
        Some((high, false)) => {
            schema.insert("exclusiveMaximum".into(), super::json_number(high));
        }
        None => {
            if let Some(limit) = limit {
                schema.insert("maximum".into(), super::json_number(limit));
            }
        }
    }
    if range.nonzero {
        schema.insert("not".into(), json!({ "const": 0 }));
    }
    Some(Value::Object(schema))
}

/// Texts (and, for body members, arrays) whose `.length` — in UTF-16 units — is in `range`,
/// while `minLength`/`maxLength` count code points: a character beyond the Basic Multilingual
/// Plane is one code point and two units. At least `n` units: `n` code points, or `n - 1`
/// with such a character. At most `n` units: `n / 2` code points, or `n` within the plane.
/// Both admit only accepted texts and nearly all of them.
fn length_schema(input: &Input, range: &NumberRange) -> Option<Value> {
    let most = match range.high {
        None => None,
        Some((high, _)) if !(0.0..=1e9).contains(&high) => return None,
        Some((high, true)) => Some(high.floor() as u64),
        Some((high, false)) => Some((high.ceil() as u64).saturating_sub(1)),
    };
    let least = match range.low {
        None => 0.0,
        Some((low, true)) => low.ceil().max(0.0),
        Some((low, false)) => (low.floor() + 1.0).max(0.0),
    };
    let least = if range.nonzero && least < 1.0 {
        1.0
    } else {
        least
    };
    let least = least as u64;
    let mut parts = vec![if input.is_text() {
        json!({ "type": "string" })
    } else {
        json!({ "type": ["string", "array"] })
    }];
    // A character outside the Basic Multilingual Plane is one code point and two units.
    match least {
        0 => {}
        1 => parts.push(json!({ "minLength": 1 })),
        _ => parts.push(json!({ "anyOf": [
            { "minLength": least },
            { "minLength": least - 1, "pattern": BEYOND_BASIC_PLANE }
        ] })),
    }
    if let Some(most) = most {
        parts.push(json!({ "anyOf": [
            { "maxLength": most / 2 },
            { "maxLength": most, "pattern": BASIC_PLANE }
        ] }));
    }
    if !input.is_text() {
        let mut items = Map::new();
        if least > 0 {
            items.insert("minItems".into(), json!(least));
        }
        if let Some(most) = most {
            items.insert("maxItems".into(), json!(most));
        }
        parts.push(Value::Object(items));
    }
    Some(merge(parts))
}

/// Texts of the Basic Multilingual Plane only, whose length in code points is their length in
/// UTF-16 units. `*` runs to the very end, so Python's `$` (which also matches before a final
/// newline) reads it as ECMAScript does.
const BASIC_PLANE: &str = r"^[\u0000-\uffff]*$";

/// Texts holding a character beyond the Basic Multilingual Plane (two UTF-16 units).
const BEYOND_BASIC_PLANE: &str = r"[^\u0000-\uffff]";
