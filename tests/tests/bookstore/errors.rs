//! Errors a client can act on, in the server's own words: a filter names the type its column
//! takes, a conflict names the field (never the engine's text), and U+0000 — which PostgreSQL
//! cannot store — is refused everywhere, as the document says.

use backworks_tests::http::{get, send_json};

use super::Deployment;

/// What the engines say about conflicts; none of it may reach a client.
const ENGINE_WORDS: &[&str] = &[
    "UNIQUE constraint",
    "FOREIGN KEY constraint",
    "duplicate key value",
    "violates",
    "SQLite",
    "PostgreSQL",
];

/// `author` refers to `authors`, whose ids are integers: a filter on it takes integers.
pub fn a_bad_ref_filter_names_the_right_type(deployment: &Deployment) {
    let server = deployment.start();
    let answer = get(&format!("{}/books?author=eq.x", server.base_url));
    assert_eq!(answer.status, 400, "{}", answer.body);
    assert!(!answer.body.contains("UUID"), "{}", answer.body);
    assert_eq!(answer.json()["violations"][0]["pointer"], "/query/author");
    let found = get(&format!(
        "{}/books?author=eq.2&count=exact",
        server.base_url
    ));
    assert_eq!(found.status, 200, "{}", found.body);
    assert_eq!(
        found.json()["total"],
        2,
        "Terry Pratchett's two seeded books"
    );
}

pub fn conflicts_name_the_field_not_the_engine(deployment: &Deployment) {
    let server = deployment.start();
    let books = format!("{}/books", server.base_url);
    let first = send_json("POST", &books, r#"{"title":"A","isbn":"1234567890"}"#);
    assert_eq!(first.status, 201, "{}", first.body);
    let second = send_json("POST", &books, r#"{"title":"B","isbn":"1234567890"}"#);
    assert_eq!(second.status, 409);
    assert_eq!(
        second.json(),
        serde_json::json!({
            "error": "unique_violation",
            "message": "books: a row with this isbn already exists",
            "violations": [{ "pointer": "/body/isbn", "message": "must be unique" }]
        })
    );
    let orphan = send_json("POST", &books, r#"{"title":"C","author":999}"#);
    assert_eq!(orphan.status, 409, "{}", orphan.body);
    assert_eq!(orphan.json()["violations"][0]["pointer"], "/body/author");
    for answer in [&second, &orphan] {
        for words in ENGINE_WORDS {
            assert!(!answer.body.contains(words), "{}", answer.body);
        }
    }
}

pub fn nul_is_refused_and_documented(deployment: &Deployment) {
    let server = deployment.start();
    let books = format!("{}/books", server.base_url);
    let in_array = send_json("POST", &books, r#"{"title":"A","tags":["a\u0000b"]}"#);
    assert_eq!(in_array.status, 400, "{}", in_array.body);
    assert_eq!(in_array.json()["violations"][0]["pointer"], "/body/tags/0");
    let in_title = send_json("POST", &books, r#"{"title":"a\u0000b"}"#);
    assert_eq!(in_title.status, 400, "{}", in_title.body);
    for answer in [&in_array, &in_title] {
        assert!(!answer.body.contains("PostgreSQL"), "{}", answer.body);
    }
    // The document says so, in a pattern an ECMAScript engine reads as "no U+0000".
    let document = get(&format!("{}/_backworks/openapi.json", server.base_url)).json();
    let schemas = &document["components"]["schemas"]["BookCreate"]["properties"];
    for schema in [&schemas["title"], &schemas["tags"]["items"]] {
        let pattern = regress::Regex::new(schema["pattern"].as_str().expect("a pattern")).unwrap();
        assert!(pattern.find("a\u{0}b").is_none(), "{schema}");
        assert!(pattern.find("ab").is_some(), "{schema}");
    }
}
