//! The data model as the generated `main.rs` declares it: `static` descriptions of the
//! database, each resource's table and fields, and the project's migrations.
//!
//! The compiler writes these from its IR (`backworks_ir::Resource`); the storage layer reads
//! nothing else. Names are validated by the compiler (lower-case identifiers, no reserved SQL
//! word), so they are safe to quote into SQL text; values never are.
//!
//! ```ignore
//! static DATA: DataSpec = DataSpec {
//!     url: "${DATABASE_URL:-sqlite://data/bookstore.db}",
//!     resources: &[ResourceSpec { name: "books", id: IdKind::Integer, timestamps: true,
//!         fields: &[FieldSpec { name: "title", kind: FieldKind::String, required: true, .. }],
//!         search: &["title"], operations: &[CrudOp::List, CrudOp::Get], seed: None,
//!         rules: RulesSpec::NONE, .. }],
//!     migrations: &[MigrationSpec { version: 1, name: "create_books",
//!                                   sqlite: "CREATE TABLE …", postgres: "CREATE TABLE …" }],
//! };
//! ```

/// The service's data: where it lives, what it holds, how its schema came to be.
#[derive(Debug)]
pub struct DataSpec {
    /// The blueprint's `database.url`, `${VAR}`/`${VAR:-default}` unexpanded; `DATABASE_URL`,
    /// when set, replaces it.
    pub url: &'static str,
    /// Every resource, in blueprint order.
    pub resources: &'static [ResourceSpec],
    /// Every migration, by version from 1; the server applies those the database lacks.
    pub migrations: &'static [MigrationSpec],
}

/// One resource: a table with `id`, its fields and (with `timestamps`) `created_at` and
/// `updated_at`.
#[derive(Debug)]
pub struct ResourceSpec {
    /// Table name, URL segment and `ctx.db` member.
    pub name: &'static str,
    /// How ids are made.
    pub id: IdKind,
    /// Declared fields, in blueprint order.
    pub fields: &'static [FieldSpec],
    /// Whether `created_at`/`updated_at` are kept.
    pub timestamps: bool,
    /// Text fields covered by full-text search; empty for none.
    pub search: &'static [&'static str],
    /// Generated HTTP operations.
    pub operations: &'static [CrudOp],
    /// JSON pointers into the OpenAPI document for each exposed operation, so requests are
    /// checked against the documented schemas before the storage layer sees them.
    pub openapi: OperationPointers,
    /// A JSON array of rows loaded when the table is empty at start.
    pub seed: Option<&'static str>,
    /// Who may read and write which records through the generated routes.
    pub rules: RulesSpec,
}

/// A resource's record rules (`rules:`): per operation, a condition on the caller and the
/// record. `None` leaves the operation to the route's `auth` alone. The generated routes
/// enforce them (`storage/rules.rs`); `ctx.db` is trusted server code and does not.
///
/// ```ignore
/// // update: record.owner == user.id || "admin" in user.roles
/// RulesSpec { update: Some(&RuleExpr::Or(
///     &RuleExpr::Compare(&RuleExpr::Field("owner"), Comparison::Eq, &RuleExpr::UserId),
///     &RuleExpr::In(&RuleExpr::String("admin"), &RuleExpr::UserRoles))), ..RulesSpec::NONE }
/// ```
#[derive(Debug, Clone, Copy)]
pub struct RulesSpec {
    /// Which rows `GET /{name}` lists and counts.
    pub list: Option<&'static RuleExpr>,
    /// Which rows `GET /{name}/{id}` answers, and expansions of refs to this resource show.
    pub get: Option<&'static RuleExpr>,
    /// Which new records `POST /{name}` accepts (checked after defaults).
    pub create: Option<&'static RuleExpr>,
    /// Which records `PATCH`/`PUT` may change, before and after the change.
    pub update: Option<&'static RuleExpr>,
    /// Which records `DELETE` may remove.
    pub delete: Option<&'static RuleExpr>,
}

impl RulesSpec {
    /// No rules: every operation is the route's `auth` alone.
    pub const NONE: RulesSpec = RulesSpec {
        list: None,
        get: None,
        create: None,
        update: None,
        delete: None,
    };
}

/// One node of a rule's expression, as the blueprint's rule language writes it.
#[derive(Debug)]
pub enum RuleExpr {
    /// `null`.
    Null,
    /// `true` / `false`.
    Bool(bool),
    /// A number literal.
    Number(f64),
    /// A string literal.
    String(&'static str),
    /// `["a", "b"]`: a list of literals.
    List(&'static [RuleExpr]),
    /// `record.<field>` (also `id`, `created_at`, `updated_at`).
    Field(&'static str),
    /// `user`: the caller, `null` when anonymous.
    User,
    /// `user.id`: the caller's id (the token's `sub`), `null` when anonymous.
    UserId,
    /// `user.roles`: the caller's roles, empty when anonymous.
    UserRoles,
    /// `user.claims.a.b`: a claim of the caller's token, `null` when absent.
    UserClaim(&'static [&'static str]),
    /// `!e`.
    Not(&'static RuleExpr),
    /// `a && b`.
    And(&'static RuleExpr, &'static RuleExpr),
    /// `a || b`.
    Or(&'static RuleExpr, &'static RuleExpr),
    /// `a == b`, `a < b`, …
    Compare(&'static RuleExpr, Comparison, &'static RuleExpr),
    /// `a in list`: the list is `user.roles` or a list literal.
    In(&'static RuleExpr, &'static RuleExpr),
}

/// A comparison operator of the rule language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Comparison {
    /// `==`.
    Eq,
    /// `!=`.
    Ne,
    /// `<`.
    Lt,
    /// `<=`.
    Le,
    /// `>`.
    Gt,
    /// `>=`.
    Ge,
}

/// Where each generated operation sits in the service's OpenAPI document (`None` when the
/// operation is not exposed).
#[derive(Debug, Default)]
pub struct OperationPointers {
    /// `GET /{name}`.
    pub list: Option<&'static str>,
    /// `GET /{name}/{id}`.
    pub get: Option<&'static str>,
    /// `POST /{name}`.
    pub create: Option<&'static str>,
    /// `PATCH /{name}/{id}`.
    pub patch: Option<&'static str>,
    /// `PUT /{name}/{id}`.
    pub put: Option<&'static str>,
    /// `DELETE /{name}/{id}`.
    pub delete: Option<&'static str>,
}

/// How ids are made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdKind {
    /// Integers assigned by the database.
    Integer,
    /// Random UUID v4 strings assigned by the server.
    Uuid,
}

/// One declared field.
#[derive(Debug)]
pub struct FieldSpec {
    /// Field and column name.
    pub name: &'static str,
    /// Its type.
    pub kind: FieldKind,
    /// Must be present on create (unless defaulted) and never `null`.
    pub required: bool,
    /// Unique across rows.
    pub unique: bool,
    /// Applied on create when the field is absent.
    pub default: Option<DefaultSpec>,
    /// Fewest characters (code points), for strings.
    pub min_length: Option<u64>,
    /// Most characters (code points), for strings.
    pub max_length: Option<u64>,
    /// Smallest value, for numbers.
    pub minimum: Option<f64>,
    /// Largest value, for numbers.
    pub maximum: Option<f64>,
    /// An ECMAScript regular expression strings must match.
    pub pattern: Option<&'static str>,
    /// A JSON Schema `format` strings must satisfy (`email`, `uri`, `uuid`, `date-time`, …).
    pub format: Option<&'static str>,
}

/// A field's type; the column type per engine is in `ARCHITECTURE.md` ("Data").
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum FieldKind {
    /// Short text.
    String,
    /// Long text.
    Text,
    /// 64-bit integer.
    Integer,
    /// Double.
    Number,
    /// Boolean.
    Boolean,
    /// ISO 8601 instant in UTC with milliseconds.
    Datetime,
    /// `YYYY-MM-DD`.
    Date,
    /// Any JSON.
    Json,
    /// One of these strings.
    Enum(&'static [&'static str]),
    /// A JSON array of one scalar kind.
    Array(ScalarKind),
    /// The id of a row of another resource.
    Ref {
        /// The resource referred to.
        to: &'static str,
        /// The kind of its ids, which this column holds (a filter's operand is typed by it).
        id: IdKind,
        /// What deleting the referred row does.
        on_delete: OnDeleteKind,
    },
}

/// Element kinds of array fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScalarKind {
    /// Strings.
    String,
    /// Whole numbers.
    Integer,
    /// Numbers.
    Number,
    /// Booleans.
    Boolean,
}

/// What deleting a referred row does to the rows referring to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OnDeleteKind {
    /// Refused while referred to.
    Restrict,
    /// Referring rows are deleted.
    Cascade,
    /// The reference becomes `null`.
    SetNull,
}

/// A field's default value.
#[derive(Debug, Clone, Copy)]
pub enum DefaultSpec {
    /// This JSON value (text, parsed once).
    Json(&'static str),
    /// The current instant (or date).
    Now,
    /// A fresh UUID v4.
    Uuid,
    /// The calling user's id (`default: user.id`), filled in by the generated routes; a
    /// create through `ctx.db` or by an anonymous caller gets none.
    CallerId,
}

/// A generated HTTP operation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CrudOp {
    /// `GET /{name}`.
    List,
    /// `GET /{name}/{id}`.
    Get,
    /// `POST /{name}`.
    Create,
    /// `PATCH` and `PUT /{name}/{id}`.
    Update,
    /// `DELETE /{name}/{id}`.
    Delete,
}

/// One migration, written for both engines by `backworks build` into the project's
/// `migrations/` folder and embedded in the server.
#[derive(Debug)]
pub struct MigrationSpec {
    /// Its number, from 1.
    pub version: u32,
    /// Its name, e.g. `create_books`.
    pub name: &'static str,
    /// SQL for SQLite (several statements).
    pub sqlite: &'static str,
    /// SQL for PostgreSQL (several statements).
    pub postgres: &'static str,
}
