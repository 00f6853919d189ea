//! `audit: { retain: … }`: entries older than the period disappear on the store's timer, newer
//! ones stay, and the table still refuses every other deletion — on SQLite and PostgreSQL. Its
//! own test binary, because the period is process-wide (the generated `main.rs` sets it once).

mod audit_support;
mod auth_support;
mod storage_support;

use std::time::{Duration, Instant};

use audit_support::{AuditServer, data_at, service, token};
use backworks_runtime::storage::audit::{self, Origin};
use serde_json::json;
use storage_support::{Backend, TestDb, runtime};

/// Short enough for a test; the purge runs every 375 ms.
const KEEP: Duration = Duration::from_millis(1500);

fn old_entries_are_purged_on_a_timer(backend: Backend) {
    audit::retain(KEEP);
    let db = TestDb::new(backend);
    let server = AuditServer::start(service(data_at(&db.url), &[]), false);
    let alice = token("alice", &["member"]);
    let first = server.send(
        "POST",
        "/notes",
        Some(&alice),
        Some(json!({"title": "old"})),
    );
    first.expect(201);
    assert_eq!(
        server.entries("").len(),
        1,
        "kept while younger than the period"
    );

    // Wait until the purge has taken it (well past the period plus one interval).
    let deadline = Instant::now() + Duration::from_secs(10);
    while !server.entries("").is_empty() {
        assert!(Instant::now() < deadline, "the old entry was never purged");
        std::thread::sleep(Duration::from_millis(100));
    }
    let second = server.send(
        "POST",
        "/notes",
        Some(&alice),
        Some(json!({"title": "new"})),
    );
    second.expect(201);
    let entries = server.entries("");
    assert_eq!(entries.len(), 1);
    assert_eq!(
        entries[0]["request_id"],
        second.header("x-request-id").unwrap()
    );

    // The purge restored the guard: nothing else may delete.
    let runtime = runtime();
    let refused = runtime.block_on(server.store.sql(
        "DELETE FROM _backworks_audit".into(),
        vec![],
        &Origin::system(),
    ));
    assert!(refused.is_err(), "a DELETE outside the purge was allowed");
    assert_eq!(server.entries("").len(), 1);
}

both!(old_entries_are_purged_on_a_timer);
