//! The typed namespace of each resource (`client.books.list/get/create/update/replace/delete`):
//! the generated CRUD operations of the document, found by their path and method, with list
//! filters typed per field from the IR.
//!
//! ```text
//! books: { fields: { price: number, status: enum [draft, published] } }
//!   ─▶ BooksFilter { id?: rt.ValueFilter<number>; price?: rt.ValueFilter<number>;
//!                    status?: rt.TextFilter<"draft" | "published">; … }
//!      client.books.list({ filter: { price: { lt: 20 } }, order: [["price", "desc"]] })
//!        ─▶ GET /books?price=lt.20&order=price.desc
//! ```
//!
//! The filter grammar is the storage layer's (`runtime-lib/src/storage/query.rs`), the one the
//! document's patterns describe (`compiler/emit/src/openapi_list_grammar.rs`).

use backworks_ir::{FieldType, IdStrategy, Resource, Service};

use crate::names::{Names, camel_case, pascal_case};
use crate::operations::Operation;

/// One column as a list filters and sorts on it.
#[derive(Debug, Clone)]
pub(crate) struct Column {
    pub(crate) name: String,
    /// The filter's type, e.g. `rt.ValueFilter<number>`.
    pub(crate) filter: String,
    /// Whether `order` may name it (not JSON or an array).
    pub(crate) sortable: bool,
}

/// Query parameters a list reserves: a column of one of these names cannot be filtered on.
const RESERVED: [&str; 7] = [
    "select", "order", "limit", "offset", "count", "after", "search",
];

impl Column {
    /// Whether the list can filter on it (its name is not a reserved parameter).
    pub(crate) fn filterable(&self) -> bool {
        !RESERVED.contains(&self.name.as_str())
    }
}

/// A resource's namespace on the client.
#[derive(Debug, Clone)]
pub(crate) struct ResourceClient {
    /// The resource's name in the blueprint (and its path: `/books`).
    pub(crate) name: String,
    /// Its member on the client, e.g. `books`.
    pub(crate) member: String,
    /// `BooksFilter`, `BooksListQuery`, `BooksListResult`, `BooksResource`.
    pub(crate) filter_type: String,
    pub(crate) query_type: String,
    pub(crate) list_result_type: String,
    pub(crate) namespace_type: String,
    pub(crate) columns: Vec<Column>,
    /// Whether `search` is accepted.
    pub(crate) searchable: bool,
    /// The TypeScript type of the id.
    pub(crate) id_type: &'static str,
    /// Indices into the operations, by slot.
    pub(crate) list: Option<usize>,
    pub(crate) get: Option<usize>,
    pub(crate) create: Option<usize>,
    pub(crate) update: Option<usize>,
    pub(crate) replace: Option<usize>,
    pub(crate) delete: Option<usize>,
}

fn id_type(strategy: IdStrategy) -> &'static str {
    match strategy {
        IdStrategy::Integer => "number",
        IdStrategy::Uuid => "string",
    }
}

/// The namespaces of the service's resources that expose any operation.
pub(crate) fn resources(
    service: &Service,
    operations: &[Operation],
    members: &mut Names,
    types: &mut Names,
) -> Vec<ResourceClient> {
    service
        .resources
        .iter()
        .filter_map(|resource| namespace(service, resource, operations, members, types))
        .collect()
}

fn namespace(
    service: &Service,
    resource: &Resource,
    operations: &[Operation],
    members: &mut Names,
    types: &mut Names,
) -> Option<ResourceClient> {
    let collection = format!("/{}", resource.name);
    let item = format!("/{}/{{id}}", resource.name);
    let find = |path: &str, method: &str| {
        operations
            .iter()
            .position(|operation| operation.path == path && operation.method == method)
    };
    let list = find(&collection, "GET");
    let create = find(&collection, "POST");
    let get = find(&item, "GET");
    let update = find(&item, "PATCH");
    let replace = find(&item, "PUT");
    let delete = find(&item, "DELETE");
    if [list, create, get, update, replace, delete]
        .iter()
        .all(Option::is_none)
    {
        return None;
    }
    let pascal = pascal_case(&resource.name);
    Some(ResourceClient {
        name: resource.name.clone(),
        member: members.fresh(&camel_case(&resource.name)),
        filter_type: types.fresh(&format!("{pascal}Filter")),
        query_type: types.fresh(&format!("{pascal}ListQuery")),
        list_result_type: types.fresh(&format!("{pascal}ListResult")),
        namespace_type: types.fresh(&format!("{pascal}Resource")),
        columns: columns(service, resource),
        searchable: !resource.search.is_empty(),
        id_type: id_type(resource.id),
        list,
        get,
        create,
        update,
        replace,
        delete,
    })
}

/// The columns in table order: the id, the fields, then the timestamps.
fn columns(service: &Service, resource: &Resource) -> Vec<Column> {
    let value = |t: &str| format!("rt.ValueFilter<{t}>");
    let mut columns = vec![Column {
        name: "id".to_string(),
        filter: value(id_type(resource.id)),
        sortable: true,
    }];
    for field in &resource.fields {
        let (filter, sortable) = match &field.kind {
            FieldType::String | FieldType::Text => ("rt.TextFilter".to_string(), true),
            FieldType::Integer | FieldType::Number => (value("number"), true),
            FieldType::Boolean => ("rt.BooleanFilter".to_string(), true),
            FieldType::Datetime | FieldType::Date => (value("string | Date"), true),
            FieldType::Enum { values } => {
                let values: Vec<String> = values
                    .iter()
                    .map(|value| crate::names::string_literal(value))
                    .collect();
                (format!("rt.TextFilter<{}>", values.join(" | ")), true)
            }
            FieldType::Json | FieldType::Array { .. } => ("rt.NullFilter".to_string(), false),
            FieldType::Ref { to, .. } => {
                let strategy = service
                    .resources
                    .iter()
                    .find(|other| other.name == *to)
                    .map_or(IdStrategy::Integer, |other| other.id);
                (value(id_type(strategy)), true)
            }
        };
        columns.push(Column {
            name: field.name.clone(),
            filter,
            sortable,
        });
    }
    if resource.timestamps {
        for name in ["created_at", "updated_at"] {
            columns.push(Column {
                name: name.to_string(),
                filter: value("string | Date"),
                sortable: true,
            });
        }
    }
    columns
}
