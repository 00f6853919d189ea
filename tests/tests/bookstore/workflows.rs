//! The bookstore's admin workflows (its `dashboard:` section) on the generated server: the
//! list a local reader gets (no `auth:`, no token: every workflow), and calls through
//! `/_backworks/w/<id>/…` answering exactly as the routes they are bound to.

use backworks_tests::http::{get, send_json};
use serde_json::json;

use super::Deployment;
use super::api::get_json;

pub fn workflows_are_listed_and_forwarded(deployment: &Deployment) {
    let server = deployment.start();
    let base = &server.base_url;
    let listed = get_json(&format!("{base}/_backworks/workflows"));
    let ids: Vec<&str> = listed["workflows"]
        .as_array()
        .expect("workflows")
        .iter()
        .map(|workflow| workflow["id"].as_str().unwrap_or("?"))
        .collect();
    assert_eq!(
        ids,
        [
            "books",
            "authors",
            "add_review",
            "authors_report",
            "average_prices",
            "books_per_author",
            "price_and_rating",
            "review_ratings"
        ]
    );
    assert_eq!(
        listed["theme"],
        json!({ "mode": "system", "accent": "#0f766e" })
    );
    assert_eq!(listed["monitor"], true);

    // The table's rows are the report's own answer.
    assert_eq!(
        get_json(&format!(
            "{base}/_backworks/w/authors_report/reports/authors?status=draft"
        )),
        get_json(&format!("{base}/reports/authors?status=draft"))
    );
    // The crud_table's ref picker reads the authors; the scatter chart its query.
    assert_eq!(
        get_json(&format!("{base}/_backworks/w/books/authors?order=name")),
        get_json(&format!("{base}/authors?order=name"))
    );
    let published = get_json(&format!(
        "{base}/_backworks/w/price_and_rating/books?status=eq.published&limit=100"
    ));
    assert_eq!(published["items"].as_array().map(Vec::len), Some(6));

    // The form posts a review; the book's count follows, read directly.
    let before = get_json(&format!("{base}/books/1"))["review_count"].as_i64();
    let posted = send_json(
        "POST",
        &format!("{base}/_backworks/w/add_review/books/1/reviews"),
        r#"{"rating":4,"reviewer":"workflow"}"#,
    );
    assert_eq!(posted.status, 201, "{}", posted.body);
    assert_eq!(
        get_json(&format!("{base}/books/1"))["review_count"].as_i64(),
        before.map(|count| count + 1)
    );

    // Nothing outside what a workflow is bound to.
    for path in [
        "/_backworks/w/authors_report/books",
        "/_backworks/w/add_review/reviews",
        "/_backworks/w/nope/books",
    ] {
        assert_eq!(get(&format!("{base}{path}")).status, 404, "{path}");
    }
}
