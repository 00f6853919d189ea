//! Record rules (`rules:` of a resource) enforced on the generated CRUD routes: each rule is
//! folded against the request's caller — `user`, `user.id`, `user.roles` and `user.claims.…`
//! become constants — and what is left, conditions on the record's columns, is written as a
//! parameterized SQL condition that the read or write statement ANDs into its `WHERE`.
//!
//! ```text
//! list: record.owner == user.id || record.shared      caller { id: "u1", roles: [] }
//!   ─▶ SELECT … FROM "notes" WHERE 1 = 1 AND <filters>
//!        AND ((COALESCE("notes"."owner" = ?, FALSE) OR "notes"."shared" IS TRUE))   ["u1"]
//! update: record.owner == user.id || "admin" in user.roles   caller { roles: ["admin"] }
//!   ─▶ folds to true: no condition at all
//! ```
//!
//! Rows a caller may not see are therefore never read: pages, counts, cursors, filters and
//! sorts only ever meet visible rows, and an expanded ref obeys its own resource's `get`
//! rule (a hidden one expands to `null`, as a missing one does). Single records are checked
//! the same way, in SQL, inside the write's transaction: a record the caller may not `get`
//! answers 404 exactly as an absent one; one they may see but not change answers 403; a
//! change (or a new record, after defaults) that the rule would not admit afterwards is
//! rolled back and answers 403. A write's refs must point at rows of the target that the
//! caller may `get`; a hidden one is refused with the conflict a missing one gets.
//!
//! Every condition is two-valued (a `NULL` column makes a comparison false, never unknown),
//! so `!` means what it says. A value that cannot be a column's (the caller's id against an
//! integer column, say) compares unequal. Rules apply to callers of the generated routes
//! only: `ctx.db` is trusted server code, as PocketBase's hooks are.

use serde_json::Value;

use super::audit::Origin;
use super::columns::{Column, ColumnKind, column, columns};
use super::engine::Session;
use super::error::{ErrorCode, StoreError, Violation};
use super::etag::Precondition;
use super::ops::{decode, id_value};
use super::query::ListQuery;
use super::record::Write;
use super::spec::{Comparison, DefaultSpec, FieldKind, IdKind, ResourceSpec, RuleExpr};
use super::sql::{Dialect, Sql};
use super::store::Store;
use super::value::{SqlValue, to_sql};
use super::{Page, Row, list};
use crate::contract::User;

/// The caller a request's rules are folded against (`None`: anonymous).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Viewer<'a> {
    pub(crate) user: Option<&'a User>,
}

/// One page of `resource` as `viewer` may see it (its `list` rule, and the `get` rule of
/// every expanded resource).
pub(crate) async fn list(
    store: &Store,
    resource: &'static ResourceSpec,
    query: ListQuery,
    viewer: Viewer<'_>,
) -> Result<Page, StoreError> {
    let mut session = store.reader().await?;
    list::list_as(
        &mut session,
        store.data(),
        resource.name,
        query,
        Some(viewer),
    )
    .await
}

/// The record with this id if `viewer` may `get` it; a hidden one is `None`, as a missing one.
pub(crate) async fn get(
    store: &Store,
    resource: &'static ResourceSpec,
    id: &Value,
    viewer: Viewer<'_>,
) -> Result<Option<Row>, StoreError> {
    let Some(rule) = resource.rules.get else {
        return store.get(resource.name, id).await;
    };
    let mut session = store.reader().await?;
    visible(&mut session, resource, id, Some(rule), viewer, false).await
}

/// Creates a record (the caller's id filled into `user.id` defaults) if the `create` rule
/// admits it as it would be stored; 403 otherwise, and nothing is written.
pub(crate) async fn create(
    store: &Store,
    resource: &'static ResourceSpec,
    mut body: Row,
    viewer: Viewer<'_>,
    origin: &Origin,
) -> Result<Row, StoreError> {
    fill_caller(resource, &mut body, viewer);
    let rule = resource.rules.create;
    if rule.is_none() && !refers_to_guarded(store, resource) {
        return store.create(resource.name, body, origin).await;
    }
    if let Some(rule) = rule
        && let Cond::Const(false) = fold_condition(resource, rule, viewer)
    {
        return Err(refused(resource, "create"));
    }
    let mut tx = store.begin().await?;
    check_references(&mut tx, store, resource, &body, viewer).await?;
    let row = tx.create(resource.name, body, origin).await?;
    let id = row.get("id").cloned().unwrap_or(Value::Null);
    if rule.is_some()
        && visible(tx.session(), resource, &id, rule, viewer, false)
            .await?
            .is_none()
    {
        return Err(refused(resource, "create"));
    }
    tx.commit().await?;
    Ok(row)
}

/// A change a `PATCH` or `PUT` asks for: the fields, the `If-Match` precondition, and which.
pub(crate) struct Change {
    /// The request's fields.
    pub(crate) body: Row,
    /// The ETag the record must still have, from `If-Match`.
    pub(crate) expect: Option<Precondition>,
    /// A patch (`PATCH`) or a whole replacement (`PUT`).
    pub(crate) write: Write,
}

/// Changes a record the `update` rule admits, before and after the change (so a caller
/// cannot hand a record over unless the rule lets them). Hidden from `get`: `None` (404);
/// visible but not theirs to change: 403.
pub(crate) async fn update(
    store: &Store,
    resource: &'static ResourceSpec,
    id: &Value,
    change: Change,
    viewer: Viewer<'_>,
    origin: &Origin,
) -> Result<Option<Row>, StoreError> {
    let Change {
        mut body,
        expect,
        write,
    } = change;
    if write == Write::Replace {
        fill_caller(resource, &mut body, viewer);
    }
    let rules = &resource.rules;
    if rules.get.is_none() && rules.update.is_none() && !refers_to_guarded(store, resource) {
        return match write {
            Write::Replace => store.replace(resource.name, id, body, expect, origin).await,
            _ => store.update(resource.name, id, body, expect, origin).await,
        };
    }
    let mut tx = store.begin().await?;
    if !may_change(&mut tx, resource, id, rules.update, "update", viewer).await? {
        return Ok(None);
    }
    check_references(&mut tx, store, resource, &body, viewer).await?;
    let row = match write {
        Write::Replace => tx.replace(resource.name, id, body, expect, origin).await?,
        _ => tx.update(resource.name, id, body, expect, origin).await?,
    };
    if row.is_some()
        && rules.update.is_some()
        && visible(tx.session(), resource, id, rules.update, viewer, false)
            .await?
            .is_none()
    {
        return Err(refused(resource, "update"));
    }
    tx.commit().await?;
    Ok(row)
}

/// Deletes a record the `delete` rule admits; hidden from `get`: `false` (404); visible but
/// not theirs to delete: 403.
pub(crate) async fn delete(
    store: &Store,
    resource: &'static ResourceSpec,
    id: &Value,
    expect: Option<Precondition>,
    viewer: Viewer<'_>,
    origin: &Origin,
) -> Result<bool, StoreError> {
    let rules = &resource.rules;
    if rules.get.is_none() && rules.delete.is_none() {
        return store.delete(resource.name, id, expect, origin).await;
    }
    let mut tx = store.begin().await?;
    if !may_change(&mut tx, resource, id, rules.delete, "delete", viewer).await? {
        return Ok(false);
    }
    let deleted = tx.delete(resource.name, id, expect, origin).await?;
    tx.commit().await?;
    Ok(deleted)
}

/// Whether a ref field of `resource` points at a resource with a `get` rule, whose hidden
/// rows a write must not be able to refer to.
fn refers_to_guarded(store: &Store, resource: &ResourceSpec) -> bool {
    resource.fields.iter().any(|field| match field.kind {
        FieldKind::Ref { to, .. } => super::columns::resource(store.data(), to)
            .is_some_and(|target| target.rules.get.is_some()),
        _ => false,
    })
}

/// Refuses a write that refers to a row the caller may not `get`, with the conflict the
/// engine gives for a reference to a missing row (so a ref cannot probe for hidden rows).
/// Values that are not ids are left to the write's own validation.
async fn check_references(
    tx: &mut super::store::Transaction,
    store: &Store,
    resource: &'static ResourceSpec,
    body: &Row,
    viewer: Viewer<'_>,
) -> Result<(), StoreError> {
    for field in resource.fields {
        let FieldKind::Ref { to, .. } = field.kind else {
            continue;
        };
        let Some(target) = super::columns::resource(store.data(), to) else {
            continue;
        };
        let (Some(rule), Some(value)) = (target.rules.get, body.get(field.name)) else {
            continue;
        };
        if value.is_null() || id_value(target, value).is_err() {
            continue;
        }
        if visible(tx.session(), target, value, Some(rule), viewer, false)
            .await?
            .is_none()
        {
            return Err(dangling(tx, resource, body, field.name));
        }
    }
    Ok(())
}

/// What `conflict.rs` answers when the engine refuses a reference: PostgreSQL names the
/// column; SQLite does not, so every reference the write sets is named.
fn dangling(
    tx: &mut super::store::Transaction,
    resource: &ResourceSpec,
    body: &Row,
    field: &str,
) -> StoreError {
    let fields: Vec<&str> = match tx.session().dialect() {
        Dialect::Postgres => vec![field],
        Dialect::Sqlite => resource
            .fields
            .iter()
            .filter(|f| matches!(f.kind, FieldKind::Ref { .. }))
            .filter(|f| body.get(f.name).is_some_and(|value| !value.is_null()))
            .map(|f| f.name)
            .collect(),
    };
    let name = resource.name;
    let message = match fields.as_slice() {
        [field] => format!("{name}: {field} refers to a row that does not exist"),
        _ => format!("{name}: a reference refers to a row that does not exist"),
    };
    let mut error = StoreError::new(ErrorCode::ForeignKeyViolation, message);
    error.violations = fields
        .iter()
        .map(|field| Violation::new(format!("/{field}"), "refers to a row that does not exist"))
        .collect();
    error
}

/// Whether the record may be changed under `rule`: `false` when the caller may not see it
/// (or it does not exist), a 403 error when they may see it but `rule` refuses. The row stays
/// locked for the rest of the transaction (PostgreSQL `FOR UPDATE`; SQLite's single writer).
async fn may_change(
    tx: &mut super::store::Transaction,
    resource: &'static ResourceSpec,
    id: &Value,
    rule: Option<&'static RuleExpr>,
    operation: &str,
    viewer: Viewer<'_>,
) -> Result<bool, StoreError> {
    let seen = visible(tx.session(), resource, id, resource.rules.get, viewer, true).await?;
    if seen.is_none() {
        return Ok(false);
    }
    if rule.is_some()
        && visible(tx.session(), resource, id, rule, viewer, true)
            .await?
            .is_none()
    {
        return Err(refused(resource, operation));
    }
    Ok(true)
}

fn refused(resource: &ResourceSpec, operation: &str) -> StoreError {
    StoreError::new(
        ErrorCode::Forbidden,
        format!(
            "the rules of {} do not allow this {operation}",
            resource.name
        ),
    )
}

/// The row with this id if `rule` (when given) admits it.
async fn visible(
    session: &mut Session,
    resource: &'static ResourceSpec,
    id: &Value,
    rule: Option<&'static RuleExpr>,
    viewer: Viewer<'_>,
    lock: bool,
) -> Result<Option<Row>, StoreError> {
    let id = id_value(resource, id).map_err(|violation| StoreError::invalid(vec![violation]))?;
    let columns = columns(resource);
    let key = to_sql(columns[0].kind, &id)
        .map_err(|message| StoreError::invalid(vec![Violation::new("/id", message)]))?;
    let mut sql = Sql::new(session.dialect());
    sql.push("SELECT ")
        .columns(Some(resource.name), &columns)
        .push(" FROM ")
        .ident(resource.name)
        .push(" WHERE ")
        .qualified(resource.name, "id")
        .push(" = ")
        .param(key);
    restrict(&mut sql, resource, rule, Some(viewer));
    if lock && sql.dialect() == Dialect::Postgres {
        sql.push(" FOR UPDATE");
    }
    let rows = session.query(sql.finish()).await?;
    Ok(rows.into_iter().next().map(|raw| decode(resource, raw)))
}

/// Appends ` AND (<rule as SQL>)` for `viewer`; nothing for trusted reads (`None`), for a
/// missing rule, or for a rule that folds to true.
pub(crate) fn restrict(
    sql: &mut Sql,
    resource: &'static ResourceSpec,
    rule: Option<&'static RuleExpr>,
    viewer: Option<Viewer<'_>>,
) {
    let (Some(rule), Some(viewer)) = (rule, viewer) else {
        return;
    };
    match fold_condition(resource, rule, viewer) {
        Cond::Const(true) => {}
        cond => {
            sql.push(" AND (");
            write_condition(sql, resource, &cond);
            sql.push(")");
        }
    }
}

/// Puts the caller's id into the fields that default to it, when the body leaves them out.
fn fill_caller(resource: &ResourceSpec, body: &mut Row, viewer: Viewer<'_>) {
    let Some(id) = viewer.user.and_then(|user| user.id.as_ref()) else {
        return;
    };
    for field in resource.fields {
        if matches!(field.default, Some(DefaultSpec::CallerId)) && !body.contains_key(field.name) {
            body.insert(field.name.to_owned(), Value::String(id.clone()));
        }
    }
}

/// A rule after folding: what is left depends on the record alone.
#[derive(Debug, Clone)]
enum Cond {
    Const(bool),
    /// A boolean column, true when it holds `true`.
    Truthy(Column),
    Not(Box<Cond>),
    And(Box<Cond>, Box<Cond>),
    Or(Box<Cond>, Box<Cond>),
    /// `column <op> value`.
    Compare(Column, Comparison, SqlValue),
    /// `column <op> column`.
    Columns(Column, Comparison, Column),
    /// `column IS NULL` (or `IS NOT NULL` when negated by `!=`).
    IsNull(Column, bool),
    /// `column IN (values)`, values already typed for the column.
    In(Column, Vec<SqlValue>),
}

/// A rule's sub-expression after folding.
#[derive(Debug, Clone)]
enum Term {
    Value(Value),
    /// A caller value that is not there (an anonymous caller's `user.id`, a missing claim):
    /// `null` next to literals, but equal to no record's field — not even a null one — so
    /// `record.owner == user.id` never admits an anonymous caller to unowned rows.
    Absent,
    Column(Column),
    Cond(Cond),
}

fn fold_condition(resource: &ResourceSpec, rule: &RuleExpr, viewer: Viewer<'_>) -> Cond {
    condition(fold(resource, rule, viewer))
}

fn fold(resource: &ResourceSpec, expr: &RuleExpr, viewer: Viewer<'_>) -> Term {
    let user = viewer.user;
    match expr {
        RuleExpr::Null => Term::Value(Value::Null),
        RuleExpr::Bool(b) => Term::Value(Value::Bool(*b)),
        RuleExpr::Number(n) => {
            Term::Value(serde_json::Number::from_f64(*n).map_or(Value::Null, Value::Number))
        }
        RuleExpr::String(text) => Term::Value(Value::String((*text).to_owned())),
        RuleExpr::List(items) => Term::Value(Value::Array(
            items
                .iter()
                .map(|item| match fold(resource, item, viewer) {
                    Term::Value(value) => value,
                    _ => Value::Null,
                })
                .collect(),
        )),
        RuleExpr::Field(name) => match column(resource, name) {
            Some(column) => Term::Column(column),
            // The compiler checks every field; a spec naming none is refused, never opened.
            None => Term::Cond(Cond::Const(false)),
        },
        RuleExpr::User => Term::Value(match user {
            Some(_) => Value::Bool(true),
            None => Value::Null,
        }),
        RuleExpr::UserId => user
            .and_then(|user| user.id.clone())
            .map_or(Term::Absent, |id| Term::Value(Value::String(id))),
        RuleExpr::UserRoles => Term::Value(Value::Array(
            user.map(|user| user.roles.iter().cloned().map(Value::String).collect())
                .unwrap_or_default(),
        )),
        RuleExpr::UserClaim(path) => match claim(user, path) {
            Value::Null => Term::Absent,
            value => Term::Value(value),
        },
        RuleExpr::Not(inner) => Term::Cond(negate(condition(fold(resource, inner, viewer)))),
        RuleExpr::And(a, b) => {
            let (a, b) = (
                condition(fold(resource, a, viewer)),
                condition(fold(resource, b, viewer)),
            );
            Term::Cond(match (a, b) {
                (Cond::Const(false), _) | (_, Cond::Const(false)) => Cond::Const(false),
                (Cond::Const(true), other) | (other, Cond::Const(true)) => other,
                (a, b) => Cond::And(Box::new(a), Box::new(b)),
            })
        }
        RuleExpr::Or(a, b) => {
            let (a, b) = (
                condition(fold(resource, a, viewer)),
                condition(fold(resource, b, viewer)),
            );
            Term::Cond(match (a, b) {
                (Cond::Const(true), _) | (_, Cond::Const(true)) => Cond::Const(true),
                (Cond::Const(false), other) | (other, Cond::Const(false)) => other,
                (a, b) => Cond::Or(Box::new(a), Box::new(b)),
            })
        }
        RuleExpr::Compare(a, op, b) => Term::Cond(compare(
            fold(resource, a, viewer),
            *op,
            fold(resource, b, viewer),
        )),
        RuleExpr::In(item, list) => {
            let Term::Value(Value::Array(list)) = fold(resource, list, viewer) else {
                return Term::Cond(Cond::Const(false));
            };
            Term::Cond(match fold(resource, item, viewer) {
                Term::Value(value) => Cond::Const(list.iter().any(|x| same(x, &value))),
                Term::Column(column) => {
                    let values: Vec<SqlValue> = list
                        .iter()
                        .filter_map(|value| operand(column, value))
                        .filter(|value| *value != SqlValue::Null)
                        .collect();
                    if values.is_empty() {
                        Cond::Const(false)
                    } else {
                        Cond::In(column, values)
                    }
                }
                Term::Cond(_) | Term::Absent => Cond::Const(false),
            })
        }
    }
}

/// The claim at `path` of the caller's token (`null` when anonymous or absent).
fn claim(user: Option<&User>, path: &[&str]) -> Value {
    let Some(claims) = user.and_then(|user| serde_json::from_str::<Value>(&user.claims).ok())
    else {
        return Value::Null;
    };
    let mut at = &claims;
    for name in path {
        match at.get(name) {
            Some(next) => at = next,
            None => return Value::Null,
        }
    }
    at.clone()
}

fn condition(term: Term) -> Cond {
    match term {
        Term::Cond(cond) => cond,
        Term::Column(column) => Cond::Truthy(column),
        Term::Value(value) => Cond::Const(truthy(&value)),
        Term::Absent => Cond::Const(false),
    }
}

/// JavaScript's truthiness, for a rule's constant operands.
fn truthy(value: &Value) -> bool {
    match value {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Number(n) => n.as_f64().is_some_and(|n| n != 0.0 && !n.is_nan()),
        Value::String(text) => !text.is_empty(),
        Value::Array(_) | Value::Object(_) => true,
    }
}

fn negate(cond: Cond) -> Cond {
    match cond {
        Cond::Const(b) => Cond::Const(!b),
        Cond::Not(inner) => *inner,
        other => Cond::Not(Box::new(other)),
    }
}

fn compare(a: Term, op: Comparison, b: Term) -> Cond {
    match (a, b) {
        (Term::Value(a), Term::Value(b)) => Cond::Const(constant_compare(&a, op, &b)),
        (Term::Absent, Term::Column(_)) | (Term::Column(_), Term::Absent) => {
            Cond::Const(op == Comparison::Ne)
        }
        (Term::Absent, Term::Value(b)) => Cond::Const(constant_compare(&Value::Null, op, &b)),
        (Term::Value(a), Term::Absent) => Cond::Const(constant_compare(&a, op, &Value::Null)),
        (Term::Absent, Term::Absent) => {
            Cond::Const(constant_compare(&Value::Null, op, &Value::Null))
        }
        (Term::Column(column), Term::Value(value)) => column_compare(column, op, &value),
        (Term::Value(value), Term::Column(column)) => column_compare(column, mirror(op), &value),
        (Term::Column(a), Term::Column(b)) => Cond::Columns(a, op, b),
        (Term::Cond(a), Term::Value(Value::Bool(b)))
        | (Term::Value(Value::Bool(b)), Term::Cond(a)) => {
            match op {
                Comparison::Eq if b => a,
                Comparison::Eq => negate(a),
                Comparison::Ne if b => negate(a),
                Comparison::Ne => a,
                // Ordering booleans is refused by the compiler.
                _ => Cond::Const(false),
            }
        }
        // Comparing conditions with each other is refused by the compiler.
        _ => Cond::Const(false),
    }
}

/// `a op b` ⇔ `b mirror(op) a`.
fn mirror(op: Comparison) -> Comparison {
    match op {
        Comparison::Lt => Comparison::Gt,
        Comparison::Le => Comparison::Ge,
        Comparison::Gt => Comparison::Lt,
        Comparison::Ge => Comparison::Le,
        other => other,
    }
}

fn column_compare(column: Column, op: Comparison, value: &Value) -> Cond {
    if value.is_null() {
        return match op {
            Comparison::Eq => Cond::IsNull(column, true),
            Comparison::Ne => Cond::IsNull(column, false),
            _ => Cond::Const(false),
        };
    }
    match operand(column, value) {
        Some(bound) => Cond::Compare(column, op, bound),
        // No row can hold a value that is not of the column's type.
        None => Cond::Const(op == Comparison::Ne),
    }
}

/// `value` as a parameter of `column`'s type; ids in text (a token's `sub`) for integer
/// columns are read as the integer they spell.
fn operand(column: Column, value: &Value) -> Option<SqlValue> {
    if let Ok(bound) = to_sql(column.kind, value) {
        return Some(bound);
    }
    let integer = matches!(
        column.kind,
        ColumnKind::Id(IdKind::Integer)
            | ColumnKind::Field(
                FieldKind::Integer
                    | FieldKind::Ref {
                        id: IdKind::Integer,
                        ..
                    }
            )
    );
    match value {
        Value::String(text) if integer => text.parse::<i64>().ok().map(SqlValue::Int),
        _ => None,
    }
}

fn same(a: &Value, b: &Value) -> bool {
    match (a.as_f64(), b.as_f64()) {
        (Some(x), Some(y)) => x == y,
        _ => a == b,
    }
}

fn constant_compare(a: &Value, op: Comparison, b: &Value) -> bool {
    let order = match (a, b) {
        (Value::Number(_), Value::Number(_)) => a
            .as_f64()
            .zip(b.as_f64())
            .and_then(|(x, y)| x.partial_cmp(&y)),
        (Value::String(x), Value::String(y)) => Some(x.cmp(y)),
        _ => None,
    };
    match op {
        Comparison::Eq => same(a, b),
        Comparison::Ne => !same(a, b),
        Comparison::Lt => order.is_some_and(|o| o.is_lt()),
        Comparison::Le => order.is_some_and(|o| o.is_le()),
        Comparison::Gt => order.is_some_and(|o| o.is_gt()),
        Comparison::Ge => order.is_some_and(|o| o.is_ge()),
    }
}

fn sql_operator(op: Comparison) -> &'static str {
    match op {
        Comparison::Eq => " = ",
        Comparison::Ne => " <> ",
        Comparison::Lt => " < ",
        Comparison::Le => " <= ",
        Comparison::Gt => " > ",
        Comparison::Ge => " >= ",
    }
}

fn write_condition(sql: &mut Sql, resource: &ResourceSpec, cond: &Cond) {
    let table = resource.name;
    match cond {
        Cond::Const(true) => {
            sql.push("1 = 1");
        }
        Cond::Const(false) => {
            sql.push("1 = 0");
        }
        Cond::Truthy(column) => {
            sql.qualified(table, column.name).push(" IS TRUE");
        }
        Cond::Not(inner) => {
            sql.push("NOT (");
            write_condition(sql, resource, inner);
            sql.push(")");
        }
        Cond::And(a, b) | Cond::Or(a, b) => {
            let joiner = if matches!(cond, Cond::And(..)) {
                " AND "
            } else {
                " OR "
            };
            sql.push("(");
            write_condition(sql, resource, a);
            sql.push(joiner);
            write_condition(sql, resource, b);
            sql.push(")");
        }
        Cond::IsNull(column, null) => {
            sql.qualified(table, column.name)
                .push(if *null { " IS NULL" } else { " IS NOT NULL" });
        }
        // `!=` holds for a null column too, as `null != "x"` does in the rule language.
        Cond::Compare(column, Comparison::Ne, value) => {
            sql.push("(")
                .qualified(table, column.name)
                .push(" <> ")
                .param(value.clone())
                .push(" OR ")
                .qualified(table, column.name)
                .push(" IS NULL)");
        }
        Cond::Compare(column, op, value) => {
            sql.push("COALESCE(")
                .qualified(table, column.name)
                .push(sql_operator(*op))
                .param(value.clone())
                .push(", FALSE)");
        }
        Cond::Columns(a, op @ (Comparison::Eq | Comparison::Ne), b) => {
            let operator = match (sql.dialect(), op) {
                (Dialect::Sqlite, Comparison::Eq) => " IS ",
                (Dialect::Sqlite, _) => " IS NOT ",
                (Dialect::Postgres, Comparison::Eq) => " IS NOT DISTINCT FROM ",
                (Dialect::Postgres, _) => " IS DISTINCT FROM ",
            };
            sql.qualified(table, a.name)
                .push(operator)
                .qualified(table, b.name);
        }
        Cond::Columns(a, op, b) => {
            sql.push("COALESCE(")
                .qualified(table, a.name)
                .push(sql_operator(*op))
                .qualified(table, b.name)
                .push(", FALSE)");
        }
        Cond::In(column, values) => {
            sql.push("COALESCE(")
                .qualified(table, column.name)
                .push(" IN (");
            for (index, value) in values.iter().enumerate() {
                if index > 0 {
                    sql.push(", ");
                }
                sql.param(value.clone());
            }
            sql.push("), FALSE)");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::spec::{FieldSpec, OperationPointers, RulesSpec};

    const fn field(name: &'static str, kind: FieldKind) -> FieldSpec {
        FieldSpec {
            name,
            kind,
            required: false,
            unique: false,
            default: None,
            min_length: None,
            max_length: None,
            minimum: None,
            maximum: None,
            pattern: None,
            format: None,
        }
    }

    static NOTES: ResourceSpec = ResourceSpec {
        name: "notes",
        id: IdKind::Integer,
        fields: &[
            field("owner", FieldKind::String),
            field("shared", FieldKind::Boolean),
            field("rank", FieldKind::Integer),
        ],
        timestamps: false,
        search: &[],
        operations: &[],
        openapi: OperationPointers {
            list: None,
            get: None,
            create: None,
            patch: None,
            put: None,
            delete: None,
        },
        seed: None,
        rules: RulesSpec::NONE,
    };

    /// `record.owner == user.id || record.shared || "admin" in user.roles`
    static READABLE: RuleExpr = RuleExpr::Or(
        &RuleExpr::Or(
            &RuleExpr::Compare(&RuleExpr::Field("owner"), Comparison::Eq, &RuleExpr::UserId),
            &RuleExpr::Field("shared"),
        ),
        &RuleExpr::In(&RuleExpr::String("admin"), &RuleExpr::UserRoles),
    );

    fn user(id: Option<&str>, roles: &[&str]) -> User {
        User {
            id: id.map(str::to_owned),
            provider: crate::contract::Provider::Jwt,
            roles: roles.iter().map(|role| (*role).to_owned()).collect(),
            claims: r#"{"org":"acme"}"#.to_owned(),
        }
    }

    fn sql(
        dialect: Dialect,
        rule: &'static RuleExpr,
        user: Option<&User>,
    ) -> (String, Vec<SqlValue>) {
        let mut sql = Sql::new(dialect);
        sql.push("WHERE 1 = 1");
        restrict(&mut sql, &NOTES, Some(rule), Some(Viewer { user }));
        let statement = sql.finish();
        (statement.text, statement.params)
    }

    #[test]
    fn a_caller_becomes_parameters_and_constants() {
        let alice = user(Some("alice"), &[]);
        assert_eq!(
            sql(Dialect::Postgres, &READABLE, Some(&alice)),
            (
                r#"WHERE 1 = 1 AND ((COALESCE("notes"."owner" = $1, FALSE) OR "notes"."shared" IS TRUE))"#
                    .to_owned(),
                vec![SqlValue::Text("alice".into())]
            )
        );
        // The admin's role decides the rule before any SQL: nothing is added.
        let admin = user(Some("root"), &["admin"]);
        assert_eq!(
            sql(Dialect::Sqlite, &READABLE, Some(&admin)),
            ("WHERE 1 = 1".to_owned(), vec![])
        );
        // A hostile id stays a parameter.
        let mallory = user(Some("x' OR 1=1 --"), &[]);
        let (text, params) = sql(Dialect::Sqlite, &READABLE, Some(&mallory));
        assert!(!text.contains("OR 1=1"), "{text}");
        assert_eq!(params, vec![SqlValue::Text("x' OR 1=1 --".into())]);
    }

    #[test]
    fn an_anonymous_id_matches_no_record() {
        // Not even records whose owner is null: `user.id` is absent, not a null to compare.
        assert_eq!(
            sql(Dialect::Sqlite, &READABLE, None),
            (
                r#"WHERE 1 = 1 AND ("notes"."shared" IS TRUE)"#.to_owned(),
                vec![]
            )
        );
        static SIGNED_IN: RuleExpr =
            RuleExpr::Compare(&RuleExpr::User, Comparison::Ne, &RuleExpr::Null);
        assert_eq!(
            sql(Dialect::Sqlite, &SIGNED_IN, None).0,
            "WHERE 1 = 1 AND (1 = 0)"
        );
        let bob = user(Some("bob"), &[]);
        assert_eq!(
            sql(Dialect::Sqlite, &SIGNED_IN, Some(&bob)).0,
            "WHERE 1 = 1"
        );
    }

    #[test]
    fn claims_fold_and_negation_stays_two_valued() {
        static CLAIM: RuleExpr = RuleExpr::Compare(
            &RuleExpr::UserClaim(&["org"]),
            Comparison::Eq,
            &RuleExpr::String("acme"),
        );
        let bob = user(Some("bob"), &[]);
        assert_eq!(sql(Dialect::Sqlite, &CLAIM, Some(&bob)).0, "WHERE 1 = 1");
        static NOT_RANKED: RuleExpr = RuleExpr::Not(&RuleExpr::Compare(
            &RuleExpr::Field("rank"),
            Comparison::Gt,
            &RuleExpr::Number(2.0),
        ));
        assert_eq!(
            sql(Dialect::Postgres, &NOT_RANKED, Some(&bob)),
            (
                r#"WHERE 1 = 1 AND (NOT (COALESCE("notes"."rank" > $1, FALSE)))"#.to_owned(),
                vec![SqlValue::Int(2)]
            )
        );
    }
}
