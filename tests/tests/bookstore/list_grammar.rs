//! The document's list parameters against the server that publishes them: every probe value a
//! parameter's pattern admits is answered 200 (what the document accepts, the server accepts),
//! and every value it refuses is answered 400 (the server checks the document first). Probes
//! cover each column type of the bookstore: integer ids, refs to integer ids, text, an enum,
//! numbers, an array, a date and instants.

use super::Deployment;
use backworks_tests::http::get;

/// Operands tried on every filter parameter: each type's own forms and the others'.
const FILTER_PROBES: &[&str] = &[
    "eq.",
    "eq.1",
    "eq.+1",
    "eq.-7",
    "eq.1.5",
    "eq..5",
    "eq.1e10",
    "eq.1e400",
    "eq.abc",
    "eq.true",
    "is.null",
    "not.is.null",
    "is.true",
    "in.(1,2)",
    "in.()",
    "in.(\"1\",2)",
    "in.(a,\"b,c\")",
    "in.(a\"b)",
    "like.a*",
    "ilike.*A*",
    "not.like.x",
    "eq.draft",
    "eq.published",
    "eq.lost",
    "neq.archived",
    "eq.2026-01-01",
    "eq.2024-02-29",
    "eq.2026-02-29",
    "gt.2026-12-04T13:50:00Z",
    "lt.2026-12-04 13:50:00.5+01:00",
    "eq.0e4f1c2a-9b7d-4e3f-8a1b-2c3d4e5f6a7b",
    "between.1",
    "eq.x,y",
    "eq.a b",
];

const SELECT_PROBES: &[&str] = &[
    "",
    "*",
    "id",
    "id,title",
    "title,author(name)",
    "author(*)",
    "author(id,name)",
    "book(title,author)",
    "tags",
    "title(",
    "nope",
    "id,",
    "author(nope)",
];

const ORDER_PROBES: &[&str] = &[
    "",
    "id",
    "-title",
    "title.desc, id",
    " price ",
    "tags",
    "price.up",
    "nope",
    "rating.asc",
    "author.desc,-id",
];

/// `%XX` for every byte but the unreserved ones.
fn encode(text: &str) -> String {
    text.bytes()
        .map(|byte| match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                char::from(byte).to_string()
            }
            other => format!("%{other:02X}"),
        })
        .collect()
}

pub fn list_parameters_accept_what_their_patterns_admit(deployment: &Deployment) {
    let server = deployment.start();
    let base = &server.base_url;
    let document = get(&format!("{base}/_backworks/openapi.json")).json();
    let mut checked = 0;
    for (path, item) in document["paths"].as_object().unwrap() {
        let Some(list) = item.get("get").filter(|op| {
            op["operationId"]
                .as_str()
                .is_some_and(|id| id.starts_with("list"))
        }) else {
            continue;
        };
        for parameter in list["parameters"].as_array().unwrap() {
            let name = parameter["name"].as_str().unwrap();
            let Some(pattern) = parameter["schema"]["pattern"].as_str() else {
                continue;
            };
            let regex = regress::Regex::new(pattern).expect("an ECMAScript pattern");
            let probes = match name {
                "select" => SELECT_PROBES,
                "order" => ORDER_PROBES,
                "search" => &["rust", ""][..],
                _ => FILTER_PROBES,
            };
            for probe in probes {
                let answer = get(&format!("{base}{path}?{name}={}", encode(probe)));
                let admitted = regex.find(probe).is_some();
                let expected = if admitted { 200 } else { 400 };
                assert_eq!(
                    answer.status,
                    expected,
                    "{path}?{name}={probe}: the document {} it: {}",
                    if admitted { "admits" } else { "refuses" },
                    answer.body
                );
                checked += usize::from(admitted);
            }
        }
    }
    // Enough of the probes were valid somewhere for the check to mean something.
    assert!(checked > 60, "only {checked} admitted probes");
}
