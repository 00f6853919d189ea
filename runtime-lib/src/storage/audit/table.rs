//! `_backworks_audit`, the audit log's platform table, in both dialects: ids that only grow
//! (SQLite `AUTOINCREMENT` never reuses one, even after a purge; PostgreSQL an identity
//! column), one index per filter of `GET /_backworks/audit` ending in `id` so each filtered
//! page is an index range read newest first, and a trigger refusing `UPDATE` and `DELETE`, so
//! the log is append-only for the server's own connections too.
//!
//! ```text
//! id | at | actor_kind | actor | action | resource | record | changed | request_id | ip
//!  7 | 2026-12-04T17:30:00.000Z | user | u1 | update | books | 12 | {"price":{"from":5,"to":7}} | 3f…c1 | 127.0.0.1
//! ```
//!
//! Purging old entries is deliberate work: on PostgreSQL the trigger lets a `DELETE` through
//! only in a transaction that ran `SET LOCAL backworks.audit_purge = 'on'`; on SQLite, which
//! has no session settings, a purge drops the trigger, deletes and recreates it in one
//! transaction. `TRUNCATE` (PostgreSQL) and dropping the table are left to the operator.

use super::super::system::SystemTable;

/// The table's name.
pub(crate) const AUDIT_TABLE: &str = "_backworks_audit";

/// SQLite's trigger refusing `DELETE`, which a retention purge drops and recreates.
macro_rules! sqlite_delete_guard {
    () => {
        r#"CREATE TRIGGER IF NOT EXISTS "_backworks_audit_no_delete" BEFORE DELETE ON "_backworks_audit"
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;"#
    };
}

/// See [`sqlite_delete_guard`].
pub(crate) const SQLITE_DELETE_GUARD: &str = sqlite_delete_guard!();

/// The audit log.
pub(crate) static AUDIT: SystemTable = SystemTable {
    name: AUDIT_TABLE,
    sqlite: concat!(
        r#"
CREATE TABLE IF NOT EXISTS "_backworks_audit" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT,
    "at" TEXT NOT NULL,
    "actor_kind" TEXT NOT NULL,
    "actor" TEXT,
    "action" TEXT NOT NULL,
    "resource" TEXT,
    "record" TEXT,
    "changed" TEXT,
    "request_id" TEXT,
    "ip" TEXT
);
CREATE INDEX IF NOT EXISTS "_backworks_audit_actor" ON "_backworks_audit" ("actor", "id");
CREATE INDEX IF NOT EXISTS "_backworks_audit_action" ON "_backworks_audit" ("action", "id");
CREATE INDEX IF NOT EXISTS "_backworks_audit_record" ON "_backworks_audit" ("resource", "record", "id");
CREATE INDEX IF NOT EXISTS "_backworks_audit_request" ON "_backworks_audit" ("request_id", "id");
CREATE INDEX IF NOT EXISTS "_backworks_audit_at" ON "_backworks_audit" ("at");
CREATE TRIGGER IF NOT EXISTS "_backworks_audit_no_update" BEFORE UPDATE ON "_backworks_audit"
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
"#,
        sqlite_delete_guard!()
    ),
    postgres: r#"
CREATE TABLE IF NOT EXISTS "_backworks_audit" (
    "id" BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "actor_kind" TEXT NOT NULL,
    "actor" TEXT,
    "action" TEXT NOT NULL,
    "resource" TEXT,
    "record" TEXT,
    "changed" JSONB,
    "request_id" TEXT,
    "ip" TEXT
);
CREATE INDEX IF NOT EXISTS "_backworks_audit_actor" ON "_backworks_audit" ("actor", "id");
CREATE INDEX IF NOT EXISTS "_backworks_audit_action" ON "_backworks_audit" ("action", "id");
CREATE INDEX IF NOT EXISTS "_backworks_audit_record" ON "_backworks_audit" ("resource", "record", "id");
CREATE INDEX IF NOT EXISTS "_backworks_audit_request" ON "_backworks_audit" ("request_id", "id");
CREATE INDEX IF NOT EXISTS "_backworks_audit_at" ON "_backworks_audit" ("at");
CREATE OR REPLACE FUNCTION "_backworks_audit_append_only"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' AND current_setting('backworks.audit_purge', true) = 'on' THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'the audit log is append-only';
END
$$;
DO $$
BEGIN
    IF NOT EXISTS (
        SELECT 1 FROM pg_trigger
        WHERE tgname = '_backworks_audit_append_only'
          AND tgrelid = '"_backworks_audit"'::regclass
    ) THEN
        CREATE TRIGGER "_backworks_audit_append_only"
            BEFORE UPDATE OR DELETE ON "_backworks_audit"
            FOR EACH ROW EXECUTE FUNCTION "_backworks_audit_append_only"();
    END IF;
END
$$;
"#,
};
