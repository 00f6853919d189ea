//! The generated CRUD API of the bookstore: the seed is served, a row goes through create,
//! read, update, replace and delete with `ETag`/`If-Match`, bad input is answered with every
//! violation at once, conflicts with 409, and deleting an author cascades to their books and
//! those books' reviews. Expected values come from the seed files and the blueprint.

use backworks_tests::http::{Response, get, request, send_json};
use serde_json::{Value, json};

use super::{Deployment, same_json, seed};

/// `GET` and the body as JSON, asserting a 200.
pub fn get_json(url: &str) -> Value {
    let response = get(url);
    assert_eq!(response.status, 200, "GET {url}: {}", response.body);
    response.json()
}

/// Every item of a list, following its cursors 100 rows at a time.
pub fn all_items(url: &str) -> Vec<Value> {
    let mut items = Vec::new();
    let mut page = get_json(&format!("{url}&limit=100"));
    loop {
        items.extend(page["items"].as_array().unwrap().iter().cloned());
        let Some(next) = page["next"].as_str() else {
            return items;
        };
        page = get_json(&format!("{url}&limit=100&after={next}"));
    }
}

/// A JSON request with an `If-Match` header.
fn send_if_match(method: &str, url: &str, etag: &str, body: Option<&str>) -> Response {
    let mut headers = vec![("if-match", etag)];
    if body.is_some() {
        headers.push(("content-type", "application/json"));
    }
    request(method, url, &headers, body)
}

/// `2026-12-04T13:50:00.000Z`: the form the design gives every timestamp.
fn is_timestamp(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.len() == 24
        && bytes[4] == b'-'
        && bytes[10] == b'T'
        && bytes[19] == b'.'
        && bytes[23] == b'Z'
        && text.chars().filter(char::is_ascii_digit).count() == 17
}

pub fn seeded_data_is_served(deployment: &Deployment) {
    let server = deployment.start();
    let base = &server.base_url;
    let authors = seed("authors.json");
    let listed = get_json(&format!("{base}/authors?order=id.asc&count=exact"));
    assert_eq!(listed["total"], authors.len());
    for (index, (row, seeded)) in listed["items"]
        .as_array()
        .unwrap()
        .iter()
        .zip(&authors)
        .enumerate()
    {
        assert_eq!(row["id"], index + 1, "ids count from 1 in seed order");
        for key in ["name", "email", "born"] {
            assert_eq!(row[key], seeded[key], "author {index}: {key}");
        }
    }
    let books = seed("books.json");
    let listed = get_json(&format!("{base}/books?order=id.asc&count=exact&limit=100"));
    assert_eq!(listed["total"], books.len());
    assert_eq!(listed["next"], Value::Null);
    for (row, seeded) in listed["items"].as_array().unwrap().iter().zip(&books) {
        for (key, value) in seeded.as_object().unwrap() {
            assert!(
                same_json(&row[key], value),
                "{}: {key} is {}, seeded {value}",
                seeded["title"],
                row[key]
            );
        }
        // Defaults from the blueprint fill what the seed leaves out.
        assert_eq!(row["rating"], 0);
        assert_eq!(row["review_count"], 0);
        assert!(is_timestamp(row["created_at"].as_str().unwrap()), "{row}");
    }
}

pub fn crud_round_trip_with_etags(deployment: &Deployment) {
    let server = deployment.start();
    let base = &server.base_url;
    let input = json!({ "name": "Ted Chiang", "email": "ted@example.org", "born": "1967-10-20" });
    let created = send_json("POST", &format!("{base}/authors"), &input.to_string());
    assert_eq!(created.status, 201, "{}", created.body);
    let author = created.json();
    let id = author["id"].as_i64().expect("an integer id");
    assert_eq!(
        created.header("location"),
        Some(format!("/authors/{id}").as_str())
    );
    for key in ["name", "email", "born"] {
        assert_eq!(author[key], input[key]);
    }
    assert!(is_timestamp(author["created_at"].as_str().unwrap()));
    assert_eq!(author["created_at"], author["updated_at"]);
    let etag = created
        .header("etag")
        .expect("writes carry an ETag")
        .to_string();

    let url = format!("{base}/authors/{id}");
    let read = get(&url);
    assert_eq!(read.status, 200);
    assert_eq!(
        read.json(),
        author,
        "a read answers what the create answered"
    );
    assert_eq!(read.header("etag"), Some(etag.as_str()));

    let refused = send_if_match("PATCH", &url, "\"not-the-etag\"", Some(r#"{"name":"X"}"#));
    assert_eq!(refused.status, 412, "{}", refused.body);
    assert_eq!(
        get_json(&url)["name"],
        "Ted Chiang",
        "a refused write changes nothing"
    );

    let patched = send_if_match("PATCH", &url, &etag, Some(r#"{"name":"Ted C."}"#));
    assert_eq!(patched.status, 200, "{}", patched.body);
    let after = patched.json();
    assert_eq!(after["name"], "Ted C.");
    assert_eq!(
        after["email"], "ted@example.org",
        "PATCH keeps what it does not name"
    );
    assert_eq!(after["created_at"], author["created_at"]);
    assert!(after["updated_at"].as_str() >= author["updated_at"].as_str());
    let new_etag = patched.header("etag").unwrap().to_string();
    assert_ne!(new_etag, etag, "a changed row has a new ETag");
    assert_eq!(
        send_if_match("PATCH", &url, &etag, Some(r#"{"name":"Y"}"#)).status,
        412,
        "the old ETag is stale"
    );

    let replaced = send_if_match("PUT", &url, &new_etag, Some(r#"{"name":"Ted"}"#));
    assert_eq!(replaced.status, 200, "{}", replaced.body);
    let replaced_row = replaced.json();
    assert_eq!(replaced_row["name"], "Ted");
    assert_eq!(
        replaced_row["email"],
        Value::Null,
        "PUT replaces every field"
    );
    let final_etag = replaced.header("etag").unwrap().to_string();

    assert_eq!(send_if_match("DELETE", &url, &new_etag, None).status, 412);
    let deleted = send_if_match("DELETE", &url, &final_etag, None);
    assert_eq!(deleted.status, 204, "{}", deleted.body);
    assert_eq!(deleted.body, "");
    assert_eq!(get(&url).status, 404);
    assert_eq!(request("DELETE", &url, &[], None).status, 404);
    assert_eq!(
        send_json("PATCH", &url, r#"{"name":"Z"}"#).status,
        404,
        "nothing to update"
    );
}

pub fn bad_input_lists_every_violation_and_conflicts_are_409(deployment: &Deployment) {
    let server = deployment.start();
    let base = &server.base_url;
    let books = format!("{base}/books");
    let invalid = send_json(
        "POST",
        &books,
        r#"{"title":5,"price":-1,"status":"lost","isbn":"x","rating":6}"#,
    );
    assert_eq!(invalid.status, 400, "{}", invalid.body);
    let mut pointers: Vec<String> = invalid.json()["violations"]
        .as_array()
        .expect("violations listed")
        .iter()
        .map(|violation| violation["pointer"].as_str().unwrap().to_string())
        .collect();
    pointers.sort();
    assert_eq!(
        pointers,
        [
            "/body/isbn",
            "/body/price",
            "/body/rating",
            "/body/status",
            "/body/title"
        ]
    );
    let missing = send_json("POST", &books, r#"{"price":3}"#);
    assert_eq!(missing.status, 400, "title is required: {}", missing.body);
    assert!(missing.body.contains("title"), "{}", missing.body);
    let too_long = send_json(
        "POST",
        &books,
        &json!({ "title": "x".repeat(201) }).to_string(),
    );
    assert_eq!(too_long.status, 400, "title has maxLength 200");

    let taken = seed("books.json")[0]["isbn"].clone();
    let duplicate = send_json(
        "POST",
        &books,
        &json!({ "title": "Another", "isbn": taken }).to_string(),
    );
    assert_eq!(duplicate.status, 409, "{}", duplicate.body);
    assert_eq!(duplicate.json()["error"], "unique_violation");
    let count = get_json(&format!(
        "{books}?isbn=eq.{}&count=exact",
        taken.as_str().unwrap()
    ));
    assert_eq!(count["total"], 1, "the duplicate was not written");

    let orphan = send_json("POST", &books, r#"{"title":"Orphan","author":999}"#);
    assert_eq!(
        orphan.status, 409,
        "a ref to a missing author: {}",
        orphan.body
    );
    assert_eq!(orphan.json()["error"], "foreign_key_violation");
}

pub fn deleting_an_author_cascades_to_books_and_reviews(deployment: &Deployment) {
    let server = deployment.start();
    let base = &server.base_url;
    let books = seed("books.json");
    let by_first: Vec<usize> = (1..=books.len())
        .filter(|id| books[id - 1]["author"] == 1)
        .collect();
    let other = (1..=books.len())
        .find(|id| books[id - 1]["author"] != 1)
        .unwrap();
    assert!(!by_first.is_empty());
    // Reviews have no create endpoint (the `add_review` handler makes them): written with SQL.
    let stamp = "'2026-12-04T13:50:00.000Z'";
    for book in by_first.iter().chain([&other]) {
        deployment.sql(&format!(
            "INSERT INTO reviews (book, rating, reviewer, created_at, updated_at) \
             VALUES ({book}, 4, 'sam', {stamp}, {stamp});"
        ));
    }
    let reviews = get_json(&format!("{base}/reviews?count=exact"));
    assert_eq!(reviews["total"], by_first.len() + 1);

    let deleted = request("DELETE", &format!("{base}/authors/1"), &[], None);
    assert_eq!(deleted.status, 204, "{}", deleted.body);
    assert_eq!(
        get_json(&format!("{base}/books?author=eq.1"))["items"],
        json!([])
    );
    for book in &by_first {
        assert_eq!(get(&format!("{base}/books/{book}")).status, 404);
    }
    let left = get_json(&format!("{base}/reviews"));
    let left_books: Vec<&Value> = left["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|review| &review["book"])
        .collect();
    assert_eq!(
        left_books,
        [&json!(other)],
        "only the other author's review is left"
    );
    assert_eq!(
        get_json(&format!("{base}/books?count=exact"))["total"],
        books.len() - by_first.len()
    );
}
