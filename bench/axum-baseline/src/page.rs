//! `GET /page` (page.js) as a Rust programmer would write it: the same 48 catalogue items built
//! once, one `String` grown with `push_str`/`write!`, and an escape function that maps the five
//! HTML-special characters in one pass.
//!
//! ```text
//! GET /page?title=Spring%20%26%20Summer ─▶ text/html: <!doctype html> … <h1>Spring &amp; Summer</h1> …
//! ```

use std::collections::HashMap;
use std::fmt::Write as _;
use std::sync::LazyLock;

use axum::extract::Query;
use axum::response::Html;

const ADJECTIVES: [&str; 6] = ["Oak", "Steel", "Linen", "Copper", "Walnut", "Glass"];
const NOUNS: [&str; 8] = [
    "desk", "lamp", "shelf", "chair", "mirror", "stool", "rack", "bench",
];
const NOTES: [&str; 5] = [
    "",
    "Bestseller & staff pick",
    "Ships in <2 days",
    "The \"classic\" edition",
    "Assembly required",
];

struct Item {
    id: usize,
    name: String,
    price: f64,
    stock: usize,
    note: &'static str,
    tags: &'static [&'static str],
}

static ITEMS: LazyLock<Vec<Item>> = LazyLock::new(|| {
    (0..48)
        .map(|i| Item {
            id: i + 1,
            name: format!(
                "{} {}",
                ADJECTIVES[i % ADJECTIVES.len()],
                NOUNS[(i * 3) % NOUNS.len()]
            ),
            price: 15.0 + ((i * 37) % 200) as f64 + (i % 4) as f64 * 0.25,
            stock: (i * 13) % 7,
            note: NOTES[i % NOTES.len()],
            tags: if i % 3 == 0 {
                &["new", "eco"]
            } else {
                &["home"]
            },
        })
        .collect()
});

fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
}

fn row(out: &mut String, item: &Item) {
    let class = if item.stock == 0 {
        "sold-out"
    } else {
        "available"
    };
    let _ = write!(
        out,
        "    <tr class=\"{class}\">\n      <td><a href=\"/items/{}\">",
        item.id
    );
    escape_into(out, &item.name);
    out.push_str("</a>");
    if !item.note.is_empty() {
        out.push_str(" <small>");
        escape_into(out, item.note);
        out.push_str("</small>");
    }
    out.push_str("</td>\n      <td>");
    for (index, tag) in item.tags.iter().enumerate() {
        if index > 0 {
            out.push(' ');
        }
        out.push_str("<span class=\"tag\">");
        escape_into(out, tag);
        out.push_str("</span>");
    }
    let _ = write!(
        out,
        "</td>\n      <td class=\"price\">${:.2}</td>\n      <td>",
        item.price
    );
    if item.stock == 0 {
        out.push_str("Sold out");
    } else {
        let _ = write!(out, "{} in stock", item.stock);
    }
    out.push_str("</td>\n    </tr>\n");
}

pub(crate) async fn page(Query(params): Query<HashMap<String, String>>) -> Html<String> {
    let title = params
        .get("title")
        .map_or("Catalogue", |title| title.trim());
    let mut escaped_title = String::new();
    escape_into(&mut escaped_title, title);
    let in_stock = ITEMS.iter().filter(|item| item.stock > 0).count();
    let mut html = String::with_capacity(16 * 1024);
    let _ = write!(
        html,
        "<!doctype html>\n<html lang=\"en\">\n<head>\n  <meta charset=\"utf-8\">\n  <title>{escaped_title}</title>\n</head>\n<body>\n  <h1>{escaped_title}</h1>\n  <p>{} items, {in_stock} in stock.</p>\n  <table>\n    <thead><tr><th>Item</th><th>Tags</th><th>Price</th><th>Availability</th></tr></thead>\n    <tbody>\n",
        ITEMS.len()
    );
    for item in ITEMS.iter() {
        row(&mut html, item);
    }
    html.push_str("    </tbody>\n  </table>\n</body>\n</html>\n");
    Html(html)
}
