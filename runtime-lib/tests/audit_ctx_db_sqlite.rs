//! `ctx.db` writes are audited as the handler's caller, on Sqlite; its own test binary,
//! because `ctx.db` reaches the process's one installed store (see `audit_support/ctx_db.rs`).

mod audit_support;
mod auth_support;
mod storage_support;

#[test]
fn handler_writes_are_audited_as_the_caller() {
    audit_support::ctx_db::handler_writes_are_audited_as_the_caller(
        storage_support::Backend::Sqlite,
    );
}
