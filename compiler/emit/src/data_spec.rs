//! The `static DATA: DataSpec` of a service with a database: the IR's resources and migration
//! history as the runtime's storage spec types (`runtime-lib/src/storage/spec.rs`), and the
//! migration files the server embeds (copied under `OUT/server/migrations/`, so the server
//! stays a self-contained project).
//!
//! ```text
//! Resource { name: "books", fields: [title: string required] }
//!   ──▶ ResourceSpec { name: "books", id: IdKind::Integer,
//!                      fields: &[FieldSpec { name: "title", kind: FieldKind::String, required: true, … }],
//!                      openapi: OperationPointers { list: Some("/paths/~1books/get"), … }, … }
//! ```

use backworks_ir::{
    Comparison, CrudOperation, Field, FieldDefault, FieldType, IdStrategy, OnDelete, Resource,
    Rule, RuleExpr, ScalarType, Service,
};
use proc_macro2::TokenStream;
use quote::quote;

use crate::openapi_resources::{CrudSlot, operation_pointer};
use crate::output::OutputTree;

/// The migration files' folder inside `OUT/server/`, for `include_str!`.
fn migration_folder(version: u32, name: &str) -> String {
    format!("migrations/{version:04}_{name}")
}

/// Adds the embedded copies of every migration to `tree`.
pub(crate) fn add_migration_files(service: &Service, tree: &mut OutputTree) {
    if service.database.is_none() {
        return;
    }
    for migration in &service.migrations.migrations {
        let folder = migration_folder(migration.version, &migration.name);
        tree.add(
            format!("server/{folder}/sqlite.sql"),
            migration.sqlite.clone(),
        );
        tree.add(
            format!("server/{folder}/postgres.sql"),
            migration.postgres.clone(),
        );
    }
}

/// The `DATA` static and its imports, or nothing for a service without a database.
pub(crate) fn data_static(service: &Service) -> Option<TokenStream> {
    let database = service.database.as_ref()?;
    let url = &database.url;
    let resources = service
        .resources
        .iter()
        .map(|resource| resource_spec(service, resource));
    let migrations = service.migrations.migrations.iter().map(|migration| {
        let version = migration.version;
        let name = &migration.name;
        let folder = migration_folder(version, name);
        let sqlite = format!("../{folder}/sqlite.sql");
        let postgres = format!("../{folder}/postgres.sql");
        quote! {
            MigrationSpec {
                version: #version,
                name: #name,
                sqlite: include_str!(#sqlite),
                postgres: include_str!(#postgres),
            }
        }
    });
    Some(quote! {
        // Every spec type by name; which ones a service uses depends on its fields.
        #[allow(unused_imports)]
        use backworks_runtime::storage::{
            Comparison, CrudOp, DataSpec, DefaultSpec, FieldKind, FieldSpec, IdKind,
            MigrationSpec, OnDeleteKind, OperationPointers, ResourceSpec, RuleExpr, RulesSpec,
            ScalarKind,
        };

        static DATA: DataSpec = DataSpec {
            url: #url,
            resources: &[#(#resources),*],
            migrations: &[#(#migrations),*],
        };
    })
}

fn resource_spec(service: &Service, resource: &Resource) -> TokenStream {
    let name = &resource.name;
    let id = id_kind(resource.id);
    let fields = resource
        .fields
        .iter()
        .map(|field| field_spec(service, field));
    let timestamps = resource.timestamps;
    let search = &resource.search;
    let operations = resource.operations.iter().map(|operation| match operation {
        CrudOperation::List => quote! { CrudOp::List },
        CrudOperation::Get => quote! { CrudOp::Get },
        CrudOperation::Create => quote! { CrudOp::Create },
        CrudOperation::Update => quote! { CrudOp::Update },
        CrudOperation::Delete => quote! { CrudOp::Delete },
    });
    let pointer = |slot: CrudSlot| optional_str(operation_pointer(resource, slot).as_deref());
    let (list, get, create, patch, put, delete) = (
        pointer(CrudSlot::List),
        pointer(CrudSlot::Get),
        pointer(CrudSlot::Create),
        pointer(CrudSlot::Patch),
        pointer(CrudSlot::Put),
        pointer(CrudSlot::Delete),
    );
    let seed = if resource.seed.is_empty() {
        quote! { None }
    } else {
        let rows = serde_json::to_string(&resource.seed).unwrap_or_default();
        quote! { Some(#rows) }
    };
    let rules = rules_spec(resource);
    quote! {
        ResourceSpec {
            name: #name,
            id: #id,
            fields: &[#(#fields),*],
            timestamps: #timestamps,
            search: &[#(#search),*],
            operations: &[#(#operations),*],
            openapi: OperationPointers {
                list: #list,
                get: #get,
                create: #create,
                patch: #patch,
                put: #put,
                delete: #delete,
            },
            seed: #seed,
            rules: #rules,
        }
    }
}

/// `RulesSpec { … }`: each operation's rule as a tree of `&RuleExpr` constants (promoted to
/// `'static` in the static's initializer).
fn rules_spec(resource: &Resource) -> TokenStream {
    if resource.rules.is_empty() {
        return quote! { RulesSpec::NONE };
    }
    let rule = |rule: &Option<Rule>| match rule {
        Some(rule) => {
            let expr = rule_expr(&rule.expr);
            quote! { Some(&#expr) }
        }
        None => quote! { None },
    };
    let rules = &resource.rules;
    let (list, get, create, update, delete) = (
        rule(&rules.list),
        rule(&rules.get),
        rule(&rules.create),
        rule(&rules.update),
        rule(&rules.delete),
    );
    quote! {
        RulesSpec { list: #list, get: #get, create: #create, update: #update, delete: #delete }
    }
}

fn rule_expr(expr: &RuleExpr) -> TokenStream {
    match expr {
        RuleExpr::Null => quote! { RuleExpr::Null },
        RuleExpr::Bool(value) => quote! { RuleExpr::Bool(#value) },
        RuleExpr::Number(value) => {
            let value = proc_macro2::Literal::f64_suffixed(*value);
            quote! { RuleExpr::Number(#value) }
        }
        RuleExpr::String(text) => quote! { RuleExpr::String(#text) },
        RuleExpr::List(items) => {
            let items = items.iter().map(rule_expr);
            quote! { RuleExpr::List(&[#(#items),*]) }
        }
        RuleExpr::Field(name) => quote! { RuleExpr::Field(#name) },
        RuleExpr::User => quote! { RuleExpr::User },
        RuleExpr::UserId => quote! { RuleExpr::UserId },
        RuleExpr::UserRoles => quote! { RuleExpr::UserRoles },
        RuleExpr::UserClaim(path) => quote! { RuleExpr::UserClaim(&[#(#path),*]) },
        RuleExpr::Not(inner) => {
            let inner = rule_expr(inner);
            quote! { RuleExpr::Not(&#inner) }
        }
        RuleExpr::And(a, b) => {
            let (a, b) = (rule_expr(a), rule_expr(b));
            quote! { RuleExpr::And(&#a, &#b) }
        }
        RuleExpr::Or(a, b) => {
            let (a, b) = (rule_expr(a), rule_expr(b));
            quote! { RuleExpr::Or(&#a, &#b) }
        }
        RuleExpr::Compare(a, op, b) => {
            let (a, b) = (rule_expr(a), rule_expr(b));
            let op = match op {
                Comparison::Eq => quote! { Comparison::Eq },
                Comparison::Ne => quote! { Comparison::Ne },
                Comparison::Lt => quote! { Comparison::Lt },
                Comparison::Le => quote! { Comparison::Le },
                Comparison::Gt => quote! { Comparison::Gt },
                Comparison::Ge => quote! { Comparison::Ge },
            };
            quote! { RuleExpr::Compare(&#a, #op, &#b) }
        }
        RuleExpr::In(a, b) => {
            let (a, b) = (rule_expr(a), rule_expr(b));
            quote! { RuleExpr::In(&#a, &#b) }
        }
    }
}

fn id_kind(id: IdStrategy) -> TokenStream {
    match id {
        IdStrategy::Integer => quote! { IdKind::Integer },
        IdStrategy::Uuid => quote! { IdKind::Uuid },
    }
}

fn field_spec(service: &Service, field: &Field) -> TokenStream {
    let name = &field.name;
    let kind = field_kind(service, &field.kind);
    let required = field.required;
    let unique = field.unique;
    let default = match &field.default {
        None => quote! { None },
        Some(FieldDefault::Value(value)) => {
            let text = value.to_string();
            quote! { Some(DefaultSpec::Json(#text)) }
        }
        Some(FieldDefault::Now) => quote! { Some(DefaultSpec::Now) },
        Some(FieldDefault::Uuid) => quote! { Some(DefaultSpec::Uuid) },
        Some(FieldDefault::CallerId) => quote! { Some(DefaultSpec::CallerId) },
    };
    let constraints = &field.constraints;
    let min_length = optional_u64(constraints.min_length);
    let max_length = optional_u64(constraints.max_length);
    let minimum = optional_f64(constraints.minimum);
    let maximum = optional_f64(constraints.maximum);
    let pattern = optional_str(constraints.pattern.as_deref());
    let format = optional_str(constraints.format.as_deref());
    quote! {
        FieldSpec {
            name: #name,
            kind: #kind,
            required: #required,
            unique: #unique,
            default: #default,
            min_length: #min_length,
            max_length: #max_length,
            minimum: #minimum,
            maximum: #maximum,
            pattern: #pattern,
            format: #format,
        }
    }
}

fn field_kind(service: &Service, kind: &FieldType) -> TokenStream {
    match kind {
        FieldType::String => quote! { FieldKind::String },
        FieldType::Text => quote! { FieldKind::Text },
        FieldType::Integer => quote! { FieldKind::Integer },
        FieldType::Number => quote! { FieldKind::Number },
        FieldType::Boolean => quote! { FieldKind::Boolean },
        FieldType::Datetime => quote! { FieldKind::Datetime },
        FieldType::Date => quote! { FieldKind::Date },
        FieldType::Json => quote! { FieldKind::Json },
        FieldType::Enum { values } => quote! { FieldKind::Enum(&[#(#values),*]) },
        FieldType::Array { items } => {
            let items = match items {
                ScalarType::String => quote! { ScalarKind::String },
                ScalarType::Integer => quote! { ScalarKind::Integer },
                ScalarType::Number => quote! { ScalarKind::Number },
                ScalarType::Boolean => quote! { ScalarKind::Boolean },
            };
            quote! { FieldKind::Array(#items) }
        }
        FieldType::Ref { to, on_delete } => {
            let on_delete = match on_delete {
                OnDelete::Restrict => quote! { OnDeleteKind::Restrict },
                OnDelete::Cascade => quote! { OnDeleteKind::Cascade },
                OnDelete::SetNull => quote! { OnDeleteKind::SetNull },
            };
            // The blueprint stage checked that the target exists.
            let target = service
                .resources
                .iter()
                .find(|resource| resource.name == *to)
                .map_or(IdStrategy::Integer, |resource| resource.id);
            let id = id_kind(target);
            quote! { FieldKind::Ref { to: #to, id: #id, on_delete: #on_delete } }
        }
    }
}

fn optional_str(value: Option<&str>) -> TokenStream {
    match value {
        Some(text) => quote! { Some(#text) },
        None => quote! { None },
    }
}

fn optional_u64(value: Option<u64>) -> TokenStream {
    match value {
        Some(number) => {
            let number = proc_macro2::Literal::u64_unsuffixed(number);
            quote! { Some(#number) }
        }
        None => quote! { None },
    }
}

fn optional_f64(value: Option<f64>) -> TokenStream {
    match value {
        Some(number) => {
            let number = proc_macro2::Literal::f64_unsuffixed(number);
            quote! { Some(#number) }
        }
        None => quote! { None },
    }
}
