//! `GET /report` (report.js) as a Rust programmer would write it: the same 360 orders built
//! once, filtered by status, grouped by region and by product, ranked, money printed with two
//! decimals. Sums run in the same order as the handler's, so the `f64` totals are identical.
//!
//! ```text
//! GET /report ─▶ {"status":"paid","orders":320,"revenue":"83636.63","regions":[…],"topProducts":[…],"topCustomers":[…]}
//! ```

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use axum::Json;
use axum::extract::Query;
use serde_json::{Value, json};

const REGIONS: [&str; 6] = ["North", "South", "East", "West", "Central", "Islands"];

struct Product {
    sku: &'static str,
    name: &'static str,
    price: f64,
}

const PRODUCTS: [Product; 8] = [
    Product {
        sku: "KB-01",
        name: "Keyboard",
        price: 49.99,
    },
    Product {
        sku: "MS-02",
        name: "Mouse",
        price: 19.5,
    },
    Product {
        sku: "MN-03",
        name: "Monitor",
        price: 189.0,
    },
    Product {
        sku: "DK-04",
        name: "Desk lamp",
        price: 24.75,
    },
    Product {
        sku: "CH-05",
        name: "Chair",
        price: 129.9,
    },
    Product {
        sku: "HD-06",
        name: "Headset",
        price: 59.95,
    },
    Product {
        sku: "CB-07",
        name: "Cable",
        price: 7.25,
    },
    Product {
        sku: "WC-08",
        name: "Webcam",
        price: 39.99,
    },
];

struct Order {
    region: &'static str,
    customer: String,
    product: &'static Product,
    quantity: u32,
    status: &'static str,
}

impl Order {
    fn revenue(&self) -> f64 {
        f64::from(self.quantity) * self.product.price
    }
}

static ORDERS: LazyLock<Vec<Order>> = LazyLock::new(|| {
    (0..360)
        .map(|i| Order {
            region: REGIONS[(i * 5) % REGIONS.len()],
            customer: format!("customer-{}", (i * 7) % 41),
            product: &PRODUCTS[(i * 7 + 3) % PRODUCTS.len()],
            quantity: 1 + ((i * 11) % 7) as u32,
            status: if i % 9 == 0 { "refunded" } else { "paid" },
        })
        .collect()
});

#[derive(Default)]
struct RegionTotals<'a> {
    orders: u32,
    units: u32,
    revenue: f64,
    customers: HashSet<&'a str>,
}

/// Two decimals, as `toFixed(2)` prints the totals this report produces.
fn money(amount: f64) -> String {
    format!("{amount:.2}")
}

pub(crate) async fn report(Query(params): Query<HashMap<String, String>>) -> Json<Value> {
    let status = params.get("status").map_or("paid", String::as_str);
    let selected: Vec<&Order> = ORDERS
        .iter()
        .filter(|order| order.status == status)
        .collect();

    let mut by_region: HashMap<&str, RegionTotals> = HashMap::new();
    for order in &selected {
        let totals = by_region.entry(order.region).or_default();
        totals.orders += 1;
        totals.units += order.quantity;
        totals.revenue += order.revenue();
        totals.customers.insert(&order.customer);
    }
    let mut regions: Vec<(&str, RegionTotals)> = by_region.into_iter().collect();
    // The region names are ASCII words, where `localeCompare` and byte order agree.
    regions.sort_by(|a, b| a.0.cmp(b.0));
    let regions: Vec<Value> = regions
        .iter()
        .map(|(region, totals)| {
            json!({
                "region": region, "orders": totals.orders, "units": totals.units,
                "customers": totals.customers.len(), "revenue": money(totals.revenue),
                "averageOrder": money(totals.revenue / f64::from(totals.orders)),
            })
        })
        .collect();

    // First-seen order, as the handler's object keys keep it; the sort below is stable.
    let mut units_by_product: Vec<(&Product, u32)> = Vec::new();
    for order in &selected {
        match units_by_product
            .iter_mut()
            .find(|(product, _)| product.sku == order.product.sku)
        {
            Some((_, units)) => *units += order.quantity,
            None => units_by_product.push((order.product, order.quantity)),
        }
    }
    units_by_product.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.name.cmp(b.0.name)));
    let top_products: Vec<Value> = units_by_product
        .iter()
        .take(5)
        .map(|(product, units)| {
            json!({
                "sku": product.sku, "name": product.name, "units": units,
                "revenue": money(f64::from(*units) * product.price),
            })
        })
        .collect();

    let mut spend: Vec<(&str, f64)> = Vec::new();
    let mut position: HashMap<&str, usize> = HashMap::new();
    for order in &selected {
        let index = *position.entry(&order.customer).or_insert_with(|| {
            spend.push((&order.customer, 0.0));
            spend.len() - 1
        });
        spend[index].1 += order.revenue();
    }
    spend.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(b.0)));
    let top_customers: Vec<Value> = spend
        .iter()
        .take(10)
        .map(|(customer, spent)| json!({ "customer": customer, "spent": money(*spent) }))
        .collect();

    let revenue: f64 = selected
        .iter()
        .fold(0.0, |sum, order| sum + order.revenue());
    Json(json!({
        "status": status, "orders": selected.len(), "revenue": money(revenue),
        "regions": regions, "topProducts": top_products, "topCustomers": top_customers,
    }))
}
