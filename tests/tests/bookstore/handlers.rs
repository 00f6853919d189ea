//! The bookstore's own handlers, which reach the data through `ctx.db`: `add_review` writes a
//! review and the book's rating in one transaction, `author_report` runs one SQL query. The
//! expected figures are worked out by hand from the seed files (`examples/bookstore/seed/`).

use backworks_tests::http::send_json;
use serde_json::{Value, json};

use super::Deployment;
use super::api::get_json;

fn review(base: &str, book: &str, body: Value) -> backworks_tests::http::Response {
    send_json(
        "POST",
        &format!("{base}/books/{book}/reviews"),
        &body.to_string(),
    )
}

/// How many reviews book `id` has, as the generated list counts them.
fn reviews_of(base: &str, id: u64) -> Value {
    get_json(&format!("{base}/reviews?book=eq.{id}&count=exact"))["total"].clone()
}

pub fn a_review_updates_the_books_rating_in_one_transaction(deployment: &Deployment) {
    let server = deployment.start();
    let base = &server.base_url;
    // Seeded books have no reviews: rating 0, review_count 0.
    let first = review(base, "1", json!({ "rating": 4, "reviewer": "Ann" }));
    assert_eq!(first.status, 201, "{}", first.body);
    let created = first.json();
    assert_eq!(created["book"], 1);
    assert_eq!(created["rating"], 4);
    assert_eq!(created["reviewer"], "Ann");
    assert_eq!(
        first.header("location"),
        Some(format!("/reviews/{}", created["id"]).as_str())
    );
    let book = get_json(&format!("{base}/books/1"));
    assert_eq!(
        (book["review_count"].clone(), book["rating"].clone()),
        (json!(1), json!(4))
    );
    for (rating, count, average) in [(5, 2, json!(4.5)), (1, 3, json!(3.33))] {
        let answer = review(
            base,
            "1",
            json!({ "rating": rating, "reviewer": "Bo", "body": "ok" }),
        );
        assert_eq!(answer.status, 201, "{}", answer.body);
        let book = get_json(&format!("{base}/books/1"));
        // (4 + 5) / 2 = 4.5; (4.5 * 2 + 1) / 3 = 3.333… rounded to 3.33.
        assert_eq!(
            (book["review_count"].clone(), book["rating"].clone()),
            (json!(count), average)
        );
    }
    assert_eq!(reviews_of(base, 1), 3);
    assert_eq!(reviews_of(base, 2), 0, "other books are untouched");
}

pub fn a_failing_review_changes_nothing(deployment: &Deployment) {
    let server = deployment.start();
    let base = &server.base_url;
    // A book that does not exist, or an id that cannot be one: 404, nothing written.
    for book in ["999", "abc", "1e300", "0"] {
        let answer = review(base, book, json!({ "rating": 3, "reviewer": "X" }));
        assert_eq!(answer.status, 404, "{book}: {}", answer.body);
        assert_eq!(answer.json()["error"], "not_found");
    }
    // A body the document refuses never reaches the handler.
    let invalid = review(
        base,
        "1",
        json!({ "rating": 7, "reviewer": "X", "extra": 1 }),
    );
    assert_eq!(invalid.status, 400, "{}", invalid.body);
    assert_eq!(get_json(&format!("{base}/reviews?count=exact"))["total"], 0);

    // The book's second write fails (a count the store refuses, put there behind the
    // server's back) after the review was created: the transaction takes the review back.
    deployment.sql("UPDATE books SET review_count = -3 WHERE id = 2;");
    let failed = review(base, "2", json!({ "rating": 3, "reviewer": "X" }));
    assert_eq!(failed.status, 400, "{}", failed.body);
    assert_eq!(failed.json()["error"], "invalid_review");
    assert_eq!(reviews_of(base, 2), 0, "the review was rolled back");
    let book = get_json(&format!("{base}/books/2"));
    assert_eq!(
        (book["review_count"].clone(), book["rating"].clone()),
        (json!(-3), json!(0))
    );
}

pub fn the_author_report_matches_the_seed(deployment: &Deployment) {
    let server = deployment.start();
    let base = &server.base_url;
    let author = |id: u64, name: &str, books: u64, average: Value| json!({ "id": id, "name": name, "books": books, "average_price": average });
    let (ursula, terry, octavia) = ("Ursula K. Le Guin", "Terry Pratchett", "Octavia E. Butler");
    // Published: Ursula 8.99, 9.99, 10.5 (29.48 / 3 = 9.8266… → 9.83); Terry 7.99, 8.49
    // (8.24); Octavia 11.0. Most books first, then by name.
    let published = json!({ "status": "published", "authors": [
        author(1, ursula, 3, json!(9.83)),
        author(2, terry, 2, json!(8.24)),
        author(3, octavia, 1, json!(11)),
    ]});
    assert_eq!(get_json(&format!("{base}/reports/authors")), published);
    assert_eq!(
        get_json(&format!("{base}/reports/authors?status=published")),
        published
    );
    // Draft: only Octavia's Parable of the Sower (12.25); the others have none (null).
    assert_eq!(
        get_json(&format!("{base}/reports/authors?status=draft")),
        json!({ "status": "draft", "authors": [
            author(3, octavia, 1, json!(12.25)),
            author(2, terry, 0, Value::Null),
            author(1, ursula, 0, Value::Null),
        ]})
    );
    assert_eq!(
        get_json(&format!("{base}/reports/authors?status=archived"))["authors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|row| (
                row["name"].as_str().unwrap().to_owned(),
                row["books"].clone()
            ))
            .collect::<Vec<_>>(),
        [octavia, terry, ursula].map(|name| (name.to_owned(), json!(0)))
    );
    // The report follows the data: a new published book of Terry's at 10 → 3 books, 8.83.
    let created = send_json(
        "POST",
        &format!("{base}/books"),
        r#"{"title":"Mort","price":10,"status":"published","author":2}"#,
    );
    assert_eq!(created.status, 201, "{}", created.body);
    let report = get_json(&format!("{base}/reports/authors"));
    // Ursula and Terry both have 3: by name, Terry first; (7.99 + 8.49 + 10) / 3 = 8.8266….
    assert_eq!(report["authors"][0], author(2, terry, 3, json!(8.83)));
    assert_eq!(report["authors"][1], author(1, ursula, 3, json!(9.83)));
    // A status outside the enum is refused by the document's check.
    let wrong = backworks_tests::http::get(&format!("{base}/reports/authors?status=lost"));
    assert_eq!(wrong.status, 400, "{}", wrong.body);
}

/// Sixteen reviews of one book at once: each handler reads the book and writes its count in
/// one transaction, so the count ends exact on both engines (a transaction's `get` locks the
/// row on PostgreSQL; SQLite's transactions hold the one writer).
pub fn overlapping_reviews_lose_no_update(deployment: &Deployment) {
    let server = deployment.start();
    let base = &server.base_url;
    let statuses: Vec<u16> = std::thread::scope(|scope| {
        let posting: Vec<_> = (0..16)
            .map(|index| {
                scope.spawn(move || {
                    let body =
                        json!({ "rating": index % 5 + 1, "reviewer": format!("reader {index}") });
                    review(base, "2", body).status
                })
            })
            .collect();
        posting
            .into_iter()
            .map(|thread| thread.join().expect("a posting thread"))
            .collect()
    });
    assert!(statuses.iter().all(|status| *status == 201), "{statuses:?}");
    let book = get_json(&format!("{base}/books/2"));
    assert_eq!(book["review_count"], 16, "{book}");
    assert_eq!(reviews_of(base, 2), 16);
}
