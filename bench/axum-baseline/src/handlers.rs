//! The hello, search, echo, crunch and state workloads as a Rust programmer would write them:
//! typed data, `Vec`s and a `Mutex`, serialized with serde_json. Each mirrors a handler in
//! `bench/workloads/handlers/` and must produce the same body for the inputs the benchmark
//! sends (`report.rs` and `page.rs` hold the other two).

use std::collections::{HashMap, HashSet, VecDeque};
use std::sync::Mutex;

use axum::Json;
use axum::body::Bytes;
use axum::extract::Query;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};

type Params = Query<HashMap<String, String>>;

/// `GET /hello` (hello.js): a greeting and the current time.
pub(crate) async fn hello(Query(params): Params) -> Json<Value> {
    let name = params
        .get("name")
        .map(|name| name.trim())
        .filter(|name| !name.is_empty())
        .unwrap_or("world");
    Json(json!({ "message": format!("Hello, {name}!"), "timestamp": crate::time::now_iso() }))
}

struct Post {
    id: u32,
    title: &'static str,
    tags: &'static [&'static str],
    published: bool,
    body: &'static str,
}

/// data.js's posts: the fields search reads.
static POSTS: &[Post] = &[
    Post {
        id: 1,
        title: "Compiling JavaScript handlers to Rust",
        tags: &["rust", "compilers"],
        published: true,
        body: "Backworks reads each handler with swc and lowers it to Rust that calls a small runtime.",
    },
    Post {
        id: 2,
        title: "Why your API needs a blueprint",
        tags: &["api", "design"],
        published: true,
        body: "One YAML file describes endpoints, handlers and limits; the compiler checks all of it.",
    },
    Post {
        id: 3,
        title: "Rust for JavaScript developers",
        tags: &["rust", "javascript"],
        published: true,
        body: "Ownership sounds strange at first. Then JavaScript developers notice the compiler is on their side.",
    },
    Post {
        id: 4,
        title: "Drafting the roadmap",
        tags: &["meta"],
        published: false,
        body: "Not ready yet.",
    },
    Post {
        id: 5,
        title: "Testing APIs against Node",
        tags: &["testing", "javascript"],
        published: true,
        body: "Differential testing runs the same handler in Node and in the compiled server, then compares bytes.",
    },
];

fn score(post: &Post, words: &[String]) -> u32 {
    let title = post.title.to_lowercase();
    let body = post.body.to_lowercase();
    words
        .iter()
        .map(|word| {
            u32::from(title.contains(word.as_str())) * 3
                + u32::from(body.contains(word.as_str()))
                + u32::from(post.tags.contains(&word.as_str())) * 2
        })
        .sum()
}

/// `GET /search?q=` (search.js): posts ranked by matches of the query's words.
pub(crate) async fn search(Query(params): Params) -> Response {
    let q = params.get("q").map_or("", |q| q.trim());
    if q.chars().count() < 2 {
        let body =
            json!({ "error": "invalid_query", "message": "q must be at least 2 characters" });
        return (StatusCode::BAD_REQUEST, Json(body)).into_response();
    }
    let mut seen = HashSet::new();
    let words: Vec<String> = q
        .to_lowercase()
        .split_whitespace()
        .filter(|word| seen.insert(word.to_string()))
        .map(str::to_owned)
        .collect();
    let limit = match params
        .get("limit")
        .and_then(|limit| limit.trim().parse::<f64>().ok())
    {
        Some(limit) if limit != 0.0 && !limit.is_nan() => limit.min(20.0),
        _ => 10.0,
    }
    .max(0.0) as usize;
    let mut ranked: Vec<(&Post, u32)> = POSTS
        .iter()
        .filter(|post| post.published)
        .map(|post| (post, score(post, &words)))
        .filter(|(_, score)| *score > 0)
        .collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.id.cmp(&b.0.id)));
    let results: Vec<Value> = ranked
        .into_iter()
        .take(limit)
        .map(|(post, score)| {
            let snippet = if post.body.len() > 60 {
                format!("{}...", &post.body[..57])
            } else {
                post.body.to_owned()
            };
            json!({ "id": post.id, "title": post.title, "score": score, "snippet": snippet })
        })
        .collect();
    Json(json!({ "query": q, "words": words, "count": results.len(), "results": results }))
        .into_response()
}

/// `POST /echo` (echo.js): the body back, with its kind and content type.
pub(crate) async fn echo(headers: HeaderMap, body: Bytes) -> Response {
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok());
    let is_json = content_type.is_some_and(|value| value.starts_with("application/json"));
    let received: Value = if body.is_empty() {
        Value::Null
    } else if is_json {
        match serde_json::from_slice(&body) {
            Ok(value) => value,
            Err(error) => {
                let body = json!({ "error": "invalid_json", "message": error.to_string() });
                return (StatusCode::BAD_REQUEST, Json(body)).into_response();
            }
        }
    } else {
        Value::String(String::from_utf8_lossy(&body).into_owned())
    };
    let kind = match &received {
        Value::Null if body.is_empty() => "undefined",
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    };
    let reply = json!({ "received": received, "kind": kind, "contentType": content_type });
    ([("x-echo-kind", kind)], Json(reply)).into_response()
}

/// `GET /crunch?n=` (crunch.js): a prime sieve, a matrix square and a sort.
pub(crate) async fn crunch(Query(params): Params) -> Json<Value> {
    let n = params
        .get("n")
        .and_then(|n| n.trim().parse::<f64>().ok())
        .filter(|n| *n != 0.0 && !n.is_nan())
        .unwrap_or(20_000.0)
        .clamp(2.0, 200_000.0) as usize;
    let mut composite = vec![false; n + 1];
    let mut primes: Vec<u64> = Vec::new();
    for i in 2..=n {
        if composite[i] {
            continue;
        }
        primes.push(i as u64);
        for j in (i * i..=n).step_by(i) {
            composite[j] = true;
        }
    }
    let checksum = primes.iter().fold(0, |sum, p| (sum * 31 + p) % 1_000_003);

    const SIZE: usize = 16;
    let matrix: Vec<i64> = (0..SIZE * SIZE).map(|i| (i as i64 * 7) % 13 - 6).collect();
    let trace: i64 = (0..SIZE)
        .map(|i| {
            (0..SIZE)
                .map(|k| matrix[i * SIZE + k] * matrix[k * SIZE + i])
                .sum::<i64>()
        })
        .sum();

    let mut hashed: Vec<u64> = primes.iter().map(|p| p * 2_654_435_761 % 1000).collect();
    hashed.sort_unstable();
    let median = hashed[hashed.len() / 2];
    Json(json!({
        "n": n, "count": primes.len(), "largest": primes.last(),
        "checksum": checksum, "trace": trace, "median": median,
    }))
}

/// record.js's module-level state.
struct Tally {
    counters: HashMap<String, i64>,
    recent: VecDeque<i64>,
    total: i64,
}

static TALLY: Mutex<Option<Tally>> = Mutex::new(None);

/// `POST /record` (record.js): bump a key's counter and the total under one lock.
pub(crate) async fn record(body: Bytes) -> Json<Value> {
    let input: Value = serde_json::from_slice(&body).unwrap_or(Value::Null);
    let key = input["key"].as_str().unwrap_or("default").to_owned();
    let amount = input["amount"]
        .as_i64()
        .filter(|amount| *amount != 0)
        .unwrap_or(1);
    let mut guard = TALLY
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    let tally = guard.get_or_insert_with(|| Tally {
        counters: HashMap::new(),
        recent: VecDeque::new(),
        total: 0,
    });
    tally.total += amount;
    let count = {
        let counter = tally.counters.entry(key.clone()).or_insert(0);
        *counter += amount;
        *counter
    };
    tally.recent.push_back(tally.total);
    if tally.recent.len() > 64 {
        tally.recent.pop_front();
    }
    let window: i64 = tally.recent.iter().sum();
    Json(json!({
        "key": key, "count": count, "total": tally.total,
        "keys": tally.counters.len(), "window": window,
    }))
}
