//! The bookstore's generated server over real HTTP, the same scenarios on SQLite (a file in a
//! temporary working folder) and on PostgreSQL 15 (a throw-away cluster, through
//! `DATABASE_URL`); each scenario gets a fresh database. PostgreSQL also has what only a
//! database server can show: an outage and its recovery, and two servers sharing one database.
//! The scenarios live in `bookstore/`.

mod bookstore;

use backworks_tests::postgres::Postgres;
use bookstore::{
    Deployment, Engine, api, durability, errors, handlers, list_grammar, lists, workflows,
};

/// A scenario: it starts its servers on the deployment it is given.
type Scenario = fn(&Deployment);

/// The scenarios both engines run, in order, by name.
const SCENARIOS: &[(&str, Scenario)] = &[
    ("seeded", api::seeded_data_is_served),
    ("crud", api::crud_round_trip_with_etags),
    (
        "invalid",
        api::bad_input_lists_every_violation_and_conflicts_are_409,
    ),
    (
        "cascade",
        api::deleting_an_author_cascades_to_books_and_reviews,
    ),
    (
        "lists",
        lists::filters_order_select_search_count_and_cursors,
    ),
    ("ref_filter", errors::a_bad_ref_filter_names_the_right_type),
    ("conflicts", errors::conflicts_name_the_field_not_the_engine),
    ("nul", errors::nul_is_refused_and_documented),
    (
        "review",
        handlers::a_review_updates_the_books_rating_in_one_transaction,
    ),
    ("review_fails", handlers::a_failing_review_changes_nothing),
    ("report", handlers::the_author_report_matches_the_seed),
    (
        "overlapping_reviews",
        handlers::overlapping_reviews_lose_no_update,
    ),
    (
        "list_grammar",
        list_grammar::list_parameters_accept_what_their_patterns_admit,
    ),
    ("workflows", workflows::workflows_are_listed_and_forwarded),
    ("restart", durability::data_survives_a_graceful_restart),
    ("kill9", durability::acknowledged_writes_survive_kill_9),
    ("two_servers", durability::two_servers_never_lose_an_update),
];

fn run_all(engine: &Engine) {
    // `BOOKSTORE_SCENARIO=lists` runs only the scenarios whose name contains it.
    let only = std::env::var("BOOKSTORE_SCENARIO").unwrap_or_default();
    for (name, scenario) in SCENARIOS.iter().filter(|(name, _)| name.contains(&only)) {
        eprintln!("scenario {name}");
        scenario(&Deployment::new(engine, name));
    }
}

#[test]
fn bookstore_on_sqlite() {
    bookstore::binary();
    run_all(&Engine::Sqlite);
}

#[test]
fn bookstore_on_postgresql() {
    bookstore::binary();
    let postgres = Postgres::start("bookstore-e2e");
    run_all(&Engine::Postgres(&postgres));
}

#[test]
fn bookstore_on_postgresql_survives_an_outage() {
    bookstore::binary();
    let postgres = Postgres::start("bookstore-outage");
    durability::outage_is_503_and_the_server_recovers(&postgres);
}
