//! Names in the generated TypeScript: method names from operation ids, type names from
//! schema names, and one allocator per namespace so that no two things share a name.
//!
//! ```text
//! operationId GET_hello   ─▶ client.getHello,  GetHelloParams, GetHelloResult
//! operationId listBooks   ─▶ client.listBooks, ListBooksParams, ListBooksResult
//! schema Error            ─▶ ErrorBody   (`Error` is the global the declarations extend)
//! ```

use std::collections::BTreeSet;

/// Words of a name: split at anything not a letter or digit; an all-caps word (`GET`) is
/// lower-cased as a whole so that `GET_hello` reads `getHello`, not `gETHello`.
fn words(name: &str) -> Vec<String> {
    name.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(|word| {
            if word.len() > 1 && word.chars().all(|c| !c.is_ascii_lowercase()) {
                word.to_ascii_lowercase()
            } else {
                word.to_string()
            }
        })
        .collect()
}

fn capitalize(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_ascii_uppercase().to_string() + chars.as_str()
    })
}

/// `comments_get` → `commentsGet`; a name that would start with a digit gets `op` before it.
pub(crate) fn camel_case(name: &str) -> String {
    let pascal: String = words(name).iter().map(|word| capitalize(word)).collect();
    let mut chars = pascal.chars();
    let camel = chars.next().map_or_else(String::new, |first| {
        first.to_ascii_lowercase().to_string() + chars.as_str()
    });
    match camel.chars().next() {
        Some(first) if first.is_ascii_alphabetic() => camel,
        Some(_) => format!("op{camel}"),
        None => "operation".to_string(),
    }
}

/// `book_reviews` → `BookReviews`; a name that would start with a digit gets `T` before it.
pub(crate) fn pascal_case(name: &str) -> String {
    let pascal: String = words(name).iter().map(|word| capitalize(word)).collect();
    match pascal.chars().next() {
        Some(first) if first.is_ascii_alphabetic() => pascal,
        Some(_) => format!("T{pascal}"),
        None => "Unnamed".to_string(),
    }
}

/// Whether `name` can be written bare as a property name or identifier.
pub(crate) fn is_identifier(name: &str) -> bool {
    let mut chars = name.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_alphabetic() || c == '_' || c == '$')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$')
}

/// A property name as written in an object type or literal: bare when it can be, else quoted.
pub(crate) fn property_key(name: &str) -> String {
    if is_identifier(name) {
        name.to_string()
    } else {
        string_literal(name)
    }
}

/// A JavaScript string literal (JSON's escaping is valid JavaScript).
pub(crate) fn string_literal(text: &str) -> String {
    serde_json::Value::String(text.to_string()).to_string()
}

/// Type names the declarations use themselves, or that would shadow a global they rely on.
const RESERVED_TYPES: &[&str] = &[
    "Client",
    "ClientOptions",
    "Operations",
    "QueryName",
    "MutationName",
    "LiveResources",
    "DataOf",
    "ErrorOf",
    "QueryState",
    "QueryStore",
    "QueryOptions",
    "MutationStore",
    "ChangeEvent",
    "ResourceEvent",
    "NamedEventMessage",
    "RequestEntry",
    "RequestStreamMessage",
    "Unsubscribe",
    "ClientAuth",
    "BackworksError",
    "Answer",
    "Call",
    "RequestOptions",
    "WriteOptions",
    "Page",
    "SuccessData",
    "Failure",
    "Array",
    "Boolean",
    "Date",
    "Error",
    "Function",
    "Headers",
    "HeadersInit",
    "AbortSignal",
    "JSON",
    "Map",
    "Number",
    "Object",
    "Omit",
    "Partial",
    "Pick",
    "Promise",
    "Readonly",
    "Record",
    "Request",
    "Response",
    "Set",
    "String",
    "Symbol",
    "URL",
    "Exclude",
    "Extract",
];

/// Member names the client object cannot use: `then` would make it look like a promise;
/// `subscribe` is the client's live events.
const RESERVED_MEMBERS: &[&str] = &["then", "constructor", "__proto__", "prototype", "subscribe"];

/// Hands out names unused in one namespace: `Book`, else `Book2`, `Book3`, …
#[derive(Debug, Default)]
pub(crate) struct Names {
    taken: BTreeSet<String>,
}

impl Names {
    /// The namespace of exported type names.
    pub(crate) fn types() -> Names {
        Names {
            taken: RESERVED_TYPES.iter().map(|name| name.to_string()).collect(),
        }
    }

    /// The namespace of the client object's members.
    pub(crate) fn members() -> Names {
        Names {
            taken: RESERVED_MEMBERS
                .iter()
                .map(|name| name.to_string())
                .collect(),
        }
    }

    /// A namespace where `reserved` are already taken.
    pub(crate) fn reserving(reserved: &[&str]) -> Names {
        Names {
            taken: reserved.iter().map(|name| name.to_string()).collect(),
        }
    }

    /// `wanted`, or the first of `wanted2`, `wanted3`, … still free; now taken.
    pub(crate) fn fresh(&mut self, wanted: &str) -> String {
        let mut candidate = wanted.to_string();
        let mut counter = 1;
        while self.taken.contains(&candidate) {
            counter += 1;
            candidate = format!("{wanted}{counter}");
        }
        self.taken.insert(candidate.clone());
        candidate
    }

    /// A type name for the schema `name`: a reserved one gets `Body` after it (`ErrorBody`).
    pub(crate) fn fresh_schema(&mut self, name: &str) -> String {
        let pascal = pascal_case(name);
        if RESERVED_TYPES.contains(&pascal.as_str()) {
            self.fresh(&format!("{pascal}Body"))
        } else {
            self.fresh(&pascal)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn operation_ids_become_camel_case_methods() {
        assert_eq!(camel_case("GET_hello"), "getHello");
        assert_eq!(camel_case("comments_get"), "commentsGet");
        assert_eq!(camel_case("listBooks"), "listBooks");
        assert_eq!(camel_case("add_review"), "addReview");
        assert_eq!(camel_case("2fa"), "op2fa");
        assert_eq!(camel_case("GET /posts/{id}"), "getPostsId");
    }

    #[test]
    fn schema_names_avoid_reserved_ones() {
        let mut names = Names::types();
        assert_eq!(names.fresh_schema("Error"), "ErrorBody");
        assert_eq!(names.fresh_schema("Book"), "Book");
        assert_eq!(names.fresh_schema("book"), "Book2");
        assert_eq!(names.fresh_schema("new-comment"), "NewComment");
    }

    #[test]
    fn keys_are_quoted_when_they_must_be() {
        assert_eq!(property_key("title"), "title");
        assert_eq!(property_key("If-Match"), "\"If-Match\"");
        assert_eq!(property_key("2x"), "\"2x\"");
    }
}
