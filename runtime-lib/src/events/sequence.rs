//! Numbering committed events in commit order on PostgreSQL. A writer inserts its event with
//! `seq` null; a reader numbers every committed unnumbered row in one short transaction,
//! holding a transaction-level advisory lock so that readers of all instances number one at
//! a time, each continuing from the highest seq the previous one committed. When it numbered
//! any, the same transaction sends `NOTIFY backworks_events`, so every instance's reader
//! wakes at its commit (one notification per batch; see `table.rs` for why writers do not).
//!
//! ```text
//! txn A: INSERT (id 5, seq null) …………………………… COMMIT
//! txn B: INSERT (id 6, seq null) … COMMIT
//! reader: lock; UPDATE … SET seq = max + row_number() WHERE seq IS NULL  → B gets 41
//! reader: lock; … → A gets 42          (a reader that saw 41 and reads seq > 41 misses nothing)
//! ```
//!
//! Why not the key taken at `INSERT`: transaction A may take 5 and commit after B took 6 and
//! committed, so a reader that read 6 and moved past it would never see 5. Serializing the
//! writers instead (an advisory lock held from the event's `INSERT` to `COMMIT`) would make
//! every write of every instance wait for the previous one's commit; numbering afterwards
//! costs the writers nothing and the readers one small transaction per wake-up, not per
//! event. A numbered row only becomes visible with the numbering transaction's commit, and
//! numbering transactions commit one after another, so every reader sees seqs as a gapless
//! prefix (trimming removes only the oldest).

use super::table::CHANNEL;
use crate::storage::Store;
use crate::storage::error::StoreError;

/// The advisory lock numbering takes (`bwevents` in ASCII).
const NUMBERING_LOCK: i64 = 0x6277_6576_656e_7473;

/// Numbers every committed unnumbered event.
pub(crate) async fn number(store: &Store) -> Result<(), StoreError> {
    let mut tx = store.begin().await?;
    tx.session()
        .batch(format!(
            r#"SELECT pg_advisory_xact_lock({NUMBERING_LOCK});
WITH numbered AS (
    UPDATE "_backworks_events" AS e
       SET "seq" = p.n + (SELECT COALESCE(MAX("seq"), 0) FROM "_backworks_events")
      FROM (SELECT "id", row_number() OVER (ORDER BY "id") AS n
              FROM "_backworks_events" WHERE "seq" IS NULL) AS p
     WHERE e."id" = p."id"
    RETURNING 1
)
SELECT pg_notify('{CHANNEL}', '') FROM (SELECT 1 FROM numbered LIMIT 1) AS any_numbered;"#
        ))
        .await?;
    tx.commit_quietly().await
}
