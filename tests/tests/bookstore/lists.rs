//! The list grammar on the bookstore's books (PostgREST's, see `ARCHITECTURE.md`, "Data"):
//! filters, negation, `in`, `ilike`, ordering, `select` with the author expanded, full-text
//! search, `count=exact` and keyset cursors that stay stable under inserts. Each expectation is
//! computed here from the seed file, not read back from the server.

use backworks_tests::http::get;
use serde_json::{Value, json};

use super::api::get_json;
use super::{Deployment, seed};

/// The seeded books with their ids (1, 2, … in seed order).
fn books() -> Vec<(usize, Value)> {
    seed("books.json")
        .into_iter()
        .enumerate()
        .map(|(i, b)| (i + 1, b))
        .collect()
}

fn ids(list: &Value) -> Vec<usize> {
    list["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|row| row["id"].as_u64().unwrap() as usize)
        .collect()
}

fn ids_where(predicate: impl Fn(&Value) -> bool) -> Vec<usize> {
    books()
        .into_iter()
        .filter(|(_, b)| predicate(b))
        .map(|(id, _)| id)
        .collect()
}

fn price(book: &Value) -> f64 {
    book["price"].as_f64().unwrap_or(f64::NAN)
}

pub fn filters_order_select_search_count_and_cursors(deployment: &Deployment) {
    let server = deployment.start();
    let list = |query: &str| get_json(&format!("{}/books?{query}", server.base_url));

    let cheap_published = ids_where(|b| b["status"] == "published" && price(b) < 9.0);
    assert!(!cheap_published.is_empty());
    assert_eq!(
        ids(&list("status=eq.published&price=lt.9&order=id.asc")),
        cheap_published
    );
    assert_eq!(
        ids(&list("status=not.eq.published&order=id.asc")),
        ids_where(|b| b["status"] != "published")
    );
    assert_eq!(
        ids(&list("author=in.(1,3)&order=id.asc")),
        ids_where(|b| b["author"] == 1 || b["author"] == 3)
    );
    assert_eq!(
        ids(&list("title=ilike.*the*&order=id.asc")),
        ids_where(|b| b["title"].as_str().unwrap().to_lowercase().contains("the"))
    );

    let mut by_price = books();
    by_price.retain(|(_, b)| b["price"].is_number());
    by_price.sort_by(|(ia, a), (ib, b)| price(b).total_cmp(&price(a)).then(ia.cmp(ib)));
    let expected: Vec<usize> = by_price.iter().map(|(id, _)| *id).collect();
    assert_eq!(
        ids(&list("price=not.is.null&order=price.desc,id.asc")),
        expected
    );

    // `select` projects in the order asked and expands the author.
    let authors = seed("authors.json");
    let selected = list("select=title,author(name)&order=id.asc&limit=3");
    let expected: Vec<Value> = books()
        .into_iter()
        .take(3)
        .map(|(_, b)| {
            let author = b["author"].as_u64().unwrap() as usize;
            json!({ "title": b["title"], "author": { "name": authors[author - 1]["name"] } })
        })
        .collect();
    assert_eq!(selected["items"], json!(expected));
    let keys: Vec<&String> = selected["items"][0].as_object().unwrap().keys().collect();
    assert_eq!(keys, ["title", "author"]);

    // Full-text search finds the word in the title, whatever its case.
    let word_in_title = |word: &str| {
        ids_where(|b| {
            b["title"]
                .as_str()
                .unwrap()
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| w.eq_ignore_ascii_case(word))
        })
    };
    let mut found = ids(&list("search=gods"));
    found.sort();
    assert_eq!(found, word_in_title("gods"));
    assert!(!found.is_empty());

    let counted = list("status=eq.published&count=exact&limit=1");
    assert_eq!(
        counted["total"],
        ids_where(|b| b["status"] == "published").len()
    );
    assert_eq!(counted["items"].as_array().unwrap().len(), 1);
    assert!(list("limit=1").get("total").is_none(), "counting is opt-in");

    // Cursors: two at a time, with a book added mid-way: every seeded book once, in order.
    let mut seen = Vec::new();
    let mut page = list("order=id.asc&limit=2");
    let mut inserted = false;
    loop {
        seen.extend(ids(&page));
        if !inserted {
            let created = backworks_tests::http::send_json(
                "POST",
                &format!("{}/books", server.base_url),
                r#"{"title":"Added while paging"}"#,
            );
            assert_eq!(created.status, 201);
            inserted = true;
        }
        let Some(next) = page["next"].as_str() else {
            break;
        };
        page = list(&format!("order=id.asc&limit=2&after={next}"));
        assert!(seen.len() < 100, "the cursor never ends");
    }
    let mut expected: Vec<usize> = (1..=books().len()).collect();
    expected.push(books().len() + 1);
    assert_eq!(seen, expected, "no row skipped or repeated");

    let bad = get(&format!("{}/books?price=between.1", server.base_url));
    assert_eq!(bad.status, 400, "an unknown operator: {}", bad.body);
    let bad = get(&format!("{}/books?order=nope.asc", server.base_url));
    assert_eq!(bad.status, 400, "an unknown column: {}", bad.body);
}
