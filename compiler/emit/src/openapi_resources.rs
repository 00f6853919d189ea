//! The generated CRUD operations of each resource in the OpenAPI document: the record, create,
//! update and list schemas, and the operations the storage layer serves (`ARCHITECTURE.md`,
//! "Data", generated CRUD).
//!
//! ```text
//! books: { fields: { title: { type: string, required: true } } }
//!   ──▶ components.schemas: Book, BookCreate, BookUpdate, BookList
//!       paths./books: get listBooks, post createBook
//!       paths./books/{id}: get getBook, patch updateBook, put replaceBook, delete deleteBook
//! ```
//!
//! The runtime finds each operation by a JSON pointer ([`operation_pointer`]) and checks
//! requests against it before the storage layer sees them, as it does for endpoints.

use std::collections::BTreeSet;

use backworks_ir::{
    CrudOperation, Field, FieldDefault, FieldType, IdStrategy, Resource, ScalarType, Service,
};
use serde_json::{Map, Value, json};

use crate::openapi::{ERROR_SCHEMA, INVALID_REQUEST_SCHEMA, number};
use crate::openapi_list_grammar::{filter_patterns, order_pattern, select_pattern};

/// One documented operation of a resource (`update` is documented twice: PATCH and PUT).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CrudSlot {
    List,
    Get,
    Create,
    Patch,
    Put,
    Delete,
}

impl CrudSlot {
    const ALL: [CrudSlot; 6] = [
        CrudSlot::List,
        CrudSlot::Create,
        CrudSlot::Get,
        CrudSlot::Patch,
        CrudSlot::Put,
        CrudSlot::Delete,
    ];

    fn operation(self) -> CrudOperation {
        match self {
            CrudSlot::List => CrudOperation::List,
            CrudSlot::Get => CrudOperation::Get,
            CrudSlot::Create => CrudOperation::Create,
            CrudSlot::Patch | CrudSlot::Put => CrudOperation::Update,
            CrudSlot::Delete => CrudOperation::Delete,
        }
    }

    fn method(self) -> &'static str {
        match self {
            CrudSlot::List | CrudSlot::Get => "get",
            CrudSlot::Create => "post",
            CrudSlot::Patch => "patch",
            CrudSlot::Put => "put",
            CrudSlot::Delete => "delete",
        }
    }

    /// Whether the operation addresses one row (`/books/{id}`).
    fn on_item(self) -> bool {
        !matches!(self, CrudSlot::List | CrudSlot::Create)
    }
}

/// `/books` or `/books/{id}`.
fn path(resource: &Resource, slot: CrudSlot) -> String {
    if slot.on_item() {
        format!("/{}/{{id}}", resource.name)
    } else {
        format!("/{}", resource.name)
    }
}

/// Where the operation sits in the document (`/paths/~1books/get`), when the resource
/// exposes it.
pub(crate) fn operation_pointer(resource: &Resource, slot: CrudSlot) -> Option<String> {
    if !resource.operations.contains(&slot.operation()) {
        return None;
    }
    let escaped = path(resource, slot).replace('~', "~0").replace('/', "~1");
    Some(format!("/paths/{escaped}/{}", slot.method()))
}

/// Query parameters a list reserves; a field of the same name is not a filter parameter.
const RESERVED: [&str; 7] = [
    "select", "order", "limit", "offset", "count", "after", "search",
];

/// A string without U+0000, which storage refuses on both engines (PostgreSQL's `text` and
/// `jsonb` cannot hold it). ECMAScript (and Python's `re`) read `\u0000` as that character.
pub(crate) const NUL_FREE: &str = r"^[^\u0000]*$";

/// A string holding U+0000 (searched: anywhere in the value).
const NUL_CHARACTER: &str = r"\u0000";

/// Hands out names unused in the document: `Book`, else `Book2`, `Book3`, …
pub(crate) struct Names {
    taken: BTreeSet<String>,
}

impl Names {
    /// Starts with the names the document already uses.
    pub(crate) fn new(taken: impl IntoIterator<Item = String>) -> Names {
        Names {
            taken: taken.into_iter().collect(),
        }
    }

    fn fresh(&mut self, wanted: &str) -> String {
        let mut candidate = wanted.to_string();
        let mut counter = 1;
        while self.taken.contains(&candidate) {
            counter += 1;
            candidate = format!("{wanted}{counter}");
        }
        self.taken.insert(candidate.clone());
        candidate
    }
}

/// Adds every resource's schemas and operations to the document's `paths` and `schemas`.
/// `schema_names` and `operation_ids` hold the names already used.
pub(crate) fn add_resources(
    service: &Service,
    paths: &mut Map<String, Value>,
    schemas: &mut Map<String, Value>,
    operation_ids: &mut Names,
) {
    let mut schema_names = Names::new(schemas.keys().cloned());
    for resource in &service.resources {
        if resource.operations.is_empty() {
            continue;
        }
        let (singular, plural) = pascal_names(&resource.name);
        let record = schema_names.fresh(&singular);
        let create = schema_names.fresh(&format!("{singular}Create"));
        let update = schema_names.fresh(&format!("{singular}Update"));
        let list = schema_names.fresh(&format!("{singular}List"));
        // Only schemas an operation uses: the document has no unused components.
        let exposes = |operation| resource.operations.contains(&operation);
        schemas.insert(record.clone(), record_schema(service, resource));
        if exposes(CrudOperation::Create) || exposes(CrudOperation::Update) {
            schemas.insert(create.clone(), input_schema(service, resource, true));
        }
        if exposes(CrudOperation::Update) {
            schemas.insert(update.clone(), input_schema(service, resource, false));
        }
        if exposes(CrudOperation::List) {
            schemas.insert(list.clone(), list_schema(&record));
        }
        let names = SchemaNames {
            record,
            create,
            update,
            list,
        };

        for slot in CrudSlot::ALL {
            if !resource.operations.contains(&slot.operation()) {
                continue;
            }
            let id = match slot {
                CrudSlot::List => format!("list{plural}"),
                CrudSlot::Get => format!("get{singular}"),
                CrudSlot::Create => format!("create{singular}"),
                CrudSlot::Patch => format!("update{singular}"),
                CrudSlot::Put => format!("replace{singular}"),
                CrudSlot::Delete => format!("delete{singular}"),
            };
            let operation = operation(service, resource, slot, &names, operation_ids.fresh(&id));
            let item = paths
                .entry(path(resource, slot))
                .or_insert_with(|| Value::Object(Map::new()));
            if let Value::Object(item) = item {
                // A declared endpoint at the same path and method wins (the blueprint stage
                // refuses that clash anyway).
                item.entry(slot.method()).or_insert(operation);
            }
        }
    }
}

struct SchemaNames {
    record: String,
    create: String,
    update: String,
    list: String,
}

/// `book_reviews` → (`BookReview`, `BookReviews`).
fn pascal_names(name: &str) -> (String, String) {
    let words: Vec<&str> = name.split('_').filter(|w| !w.is_empty()).collect();
    let capital = |word: &str| {
        let mut chars = word.chars();
        chars.next().map_or_else(String::new, |first| {
            first.to_ascii_uppercase().to_string() + chars.as_str()
        })
    };
    let plural: String = words.iter().map(|w| capital(w)).collect();
    let head: String = words[..words.len().saturating_sub(1)]
        .iter()
        .map(|w| capital(w))
        .collect();
    let last = words.last().copied().unwrap_or("item");
    let singular = head + &capital(&singular_word(last));
    (singular, plural)
}

/// English singular of a plural noun, for names: `books` → `book`, `categories` → `category`,
/// `addresses` → `address`; a word that does not look plural stays as it is.
fn singular_word(word: &str) -> String {
    if let Some(stem) = word.strip_suffix("ies").filter(|s| !s.is_empty()) {
        return format!("{stem}y");
    }
    for ending in ["sses", "shes", "ches", "xes"] {
        if word.ends_with(ending) {
            return word[..word.len() - 2].to_string();
        }
    }
    match word.strip_suffix('s') {
        Some(stem) if !stem.is_empty() && !stem.ends_with('s') && !stem.ends_with('u') => {
            stem.to_string()
        }
        _ => word.to_string(),
    }
}

/// The id's schema: an integer, or a UUID string.
fn id_schema(id: IdStrategy) -> Value {
    match id {
        IdStrategy::Integer => json!({ "type": "integer", "format": "int64" }),
        IdStrategy::Uuid => json!({ "type": "string", "format": "uuid" }),
    }
}

fn timestamp_schema(description: &str) -> Value {
    json!({ "type": "string", "format": "date-time", "readOnly": true, "description": description })
}

/// A field's value schema; `nullable` admits `null` as well.
fn field_schema(service: &Service, field: &Field, nullable: bool) -> Value {
    let mut schema = match &field.kind {
        FieldType::String | FieldType::Text => json!({ "type": "string" }),
        // No constraint can say "no string inside contains U+0000" short of a recursive
        // schema; the description does, and the server refuses it (400).
        FieldType::Json => json!({
            "description": "Any JSON value; no string in it, nor any member name, may contain U+0000."
        }),
        FieldType::Integer => json!({ "type": "integer", "format": "int64" }),
        FieldType::Number => json!({ "type": "number" }),
        FieldType::Boolean => json!({ "type": "boolean" }),
        FieldType::Datetime => json!({ "type": "string", "format": "date-time" }),
        FieldType::Date => json!({ "type": "string", "format": "date" }),
        FieldType::Enum { values } => json!({ "type": "string", "enum": values }),
        FieldType::Array { items } => {
            let items = match items {
                ScalarType::String => "string",
                ScalarType::Integer => "integer",
                ScalarType::Number => "number",
                ScalarType::Boolean => "boolean",
            };
            let mut item = json!({ "type": items });
            if items == "string" {
                item["pattern"] = json!(NUL_FREE);
            }
            json!({ "type": "array", "items": item })
        }
        FieldType::Ref { to, .. } => {
            let id = service
                .resources
                .iter()
                .find(|resource| resource.name == *to)
                .map_or(IdStrategy::Integer, |resource| resource.id);
            id_schema(id)
        }
    };
    let object = schema.as_object_mut().expect("schemas above are objects");
    let constraints = &field.constraints;
    if let Some(value) = constraints.min_length {
        object.insert("minLength".into(), json!(value));
    }
    if let Some(value) = constraints.max_length {
        object.insert("maxLength".into(), json!(value));
    }
    if let Some(value) = constraints.minimum {
        object.insert("minimum".into(), number(value));
    }
    if let Some(value) = constraints.maximum {
        object.insert("maximum".into(), number(value));
    }
    // A string that may hold U+0000 as far as its schema says; the formats the server checks
    // have grammars without it, and a pattern beside them would make generators build values
    // from the pattern rather than the format.
    let text = matches!(field.kind, FieldType::String | FieldType::Text)
        && !constraints
            .format
            .as_deref()
            .is_some_and(|format| ["email", "uri", "uuid", "date-time", "date"].contains(&format));
    match &constraints.pattern {
        Some(pattern) => {
            object.insert("pattern".into(), json!(pattern));
            if text {
                // One `pattern` per schema: the author's stays, U+0000 is excluded beside it.
                // Typed, so that `null` (which `pattern` ignores) is not refused by the `not`.
                object.insert(
                    "not".into(),
                    json!({ "type": "string", "pattern": NUL_CHARACTER }),
                );
            }
        }
        None if text => {
            object.insert("pattern".into(), json!(NUL_FREE));
        }
        None => {}
    }
    if let Some(format) = &constraints.format {
        object.insert("format".into(), json!(format));
    }
    let description = match (&field.description, &field.kind) {
        (Some(description), _) => Some(description.clone()),
        (None, FieldType::Ref { to, .. }) => Some(format!("The id of a row of `{to}`.")),
        (None, _) => None,
    };
    if let Some(description) = description {
        object.insert("description".into(), json!(description));
    }
    if nullable && let Some(kind) = object.get("type").cloned() {
        object.insert("type".into(), json!([kind, "null"]));
        if let Some(Value::Array(values)) = object.get_mut("enum") {
            values.push(Value::Null);
        }
    }
    schema
}

/// `Book`: a row as every operation answers it.
fn record_schema(service: &Service, resource: &Resource) -> Value {
    let mut properties = Map::new();
    let mut id = id_schema(resource.id);
    id["readOnly"] = json!(true);
    properties.insert("id".into(), id);
    let mut required = vec![json!("id")];
    for field in &resource.fields {
        properties.insert(
            field.name.clone(),
            field_schema(service, field, !field.required),
        );
        if field.required {
            required.push(json!(field.name));
        }
    }
    if resource.timestamps {
        properties.insert(
            "created_at".into(),
            timestamp_schema("When the row was created."),
        );
        properties.insert(
            "updated_at".into(),
            timestamp_schema("When the row last changed."),
        );
        required.extend([json!("created_at"), json!("updated_at")]);
    }
    let mut schema = Map::new();
    schema.insert("type".into(), json!("object"));
    if let Some(description) = &resource.description {
        schema.insert("description".into(), json!(description));
    }
    schema.insert("properties".into(), Value::Object(properties));
    schema.insert("required".into(), Value::Array(required));
    Value::Object(schema)
}

/// `BookCreate` (also the body of PUT) when `create`, else `BookUpdate` (PATCH: every field
/// optional).
fn input_schema(service: &Service, resource: &Resource, create: bool) -> Value {
    let mut properties = Map::new();
    let mut required = Vec::new();
    for field in &resource.fields {
        let mut schema = field_schema(service, field, !field.required);
        if let (true, Some(FieldDefault::Value(value)), Value::Object(object)) =
            (create, &field.default, &mut schema)
        {
            object.insert("default".into(), value.clone());
        }
        properties.insert(field.name.clone(), schema);
        if create && field.required && field.default.is_none() {
            required.push(json!(field.name));
        }
    }
    let mut schema = Map::new();
    schema.insert("type".into(), json!("object"));
    schema.insert(
        "description".into(),
        json!(if create {
            format!(
                "A new row of `{}` (also the body of PUT, which replaces a row).",
                resource.name
            )
        } else {
            format!(
                "Changes to a row of `{}`: only the members present change.",
                resource.name
            )
        }),
    );
    schema.insert("properties".into(), Value::Object(properties));
    if !required.is_empty() {
        schema.insert("required".into(), Value::Array(required));
    }
    schema.insert("additionalProperties".into(), json!(false));
    Value::Object(schema)
}

/// `BookList`: a page of rows.
fn list_schema(record: &str) -> Value {
    json!({
        "type": "object",
        "description": "One page of rows.",
        "properties": {
            "items": {
                "type": "array",
                "items": {
                    "anyOf": [
                        { "$ref": format!("#/components/schemas/{record}") },
                        { "type": "object", "description": "The members `select` names; references it embeds (`author(id,name)`) are objects." }
                    ]
                }
            },
            "next": {
                "type": ["string", "null"],
                "description": "The cursor of the next page (pass it as `after`), `null` on the last."
            },
            "total": {
                "type": "integer",
                "minimum": 0,
                "description": "How many rows match, with `count=exact` only."
            }
        },
        "required": ["items", "next"]
    })
}

fn operation(
    service: &Service,
    resource: &Resource,
    slot: CrudSlot,
    names: &SchemaNames,
    operation_id: String,
) -> Value {
    let name = &resource.name;
    let schema_ref = |schema: &str| json!({ "$ref": format!("#/components/schemas/{schema}") });
    let json_body = |schema: &str| json!({ "application/json": { "schema": schema_ref(schema) } });
    let (summary, mut responses) = match slot {
        CrudSlot::List => (
            format!("List {name}"),
            vec![(
                "200",
                json!({ "description": format!("A page of `{name}`."), "content": json_body(&names.list) }),
            )],
        ),
        CrudSlot::Get => (
            format!("Get a row of {name}"),
            vec![("200", row_response("The row.", &json_body(&names.record)))],
        ),
        CrudSlot::Create => {
            let mut created = row_response("The row as stored.", &json_body(&names.record));
            created["headers"]["Location"] = json!({
                "description": "The new row's URL.",
                "schema": { "type": "string", "format": "uri-reference" }
            });
            (format!("Create a row of {name}"), vec![("201", created)])
        }
        CrudSlot::Patch => (
            format!("Change a row of {name}"),
            vec![(
                "200",
                row_response("The row as stored.", &json_body(&names.record)),
            )],
        ),
        CrudSlot::Put => (
            format!("Replace a row of {name}"),
            vec![(
                "200",
                row_response("The row as stored.", &json_body(&names.record)),
            )],
        ),
        CrudSlot::Delete => (
            format!("Delete a row of {name}"),
            vec![("204", json!({ "description": "Deleted." }))],
        ),
    };
    responses.push((
        "400",
        error_response(
            "The request breaks the documented parameters or body; `violations` lists each problem.",
            INVALID_REQUEST_SCHEMA,
        ),
    ));
    let rules = &resource.rules;
    let rule = rules.of(slot.operation());
    if let Some(rule) = rule.filter(|_| slot != CrudSlot::List && slot != CrudSlot::Get) {
        let refusal = format!(
            "The resource's `{}` rule refuses this caller: `{}`.",
            slot.operation().as_str(),
            rule.text
        );
        responses.push(("403", error_response(&refusal, ERROR_SCHEMA)));
    }
    if slot.on_item() {
        let absent = if rules.get.is_some() {
            "No row has this id, or the `get` rule hides it from the caller (the same answer)."
        } else {
            "No row has this id."
        };
        responses.push(("404", error_response(absent, ERROR_SCHEMA)));
    }
    if matches!(
        slot,
        CrudSlot::Create | CrudSlot::Patch | CrudSlot::Put | CrudSlot::Delete
    ) {
        responses.push((
            "409",
            error_response(
                "A unique field already holds this value, or a reference does not hold (a referenced row is missing, or rows still refer to this one).",
                ERROR_SCHEMA,
            ),
        ));
    }
    if matches!(slot, CrudSlot::Patch | CrudSlot::Put | CrudSlot::Delete) {
        responses.push((
            "412",
            error_response("`If-Match` names another version of the row.", ERROR_SCHEMA),
        ));
    }
    let mut unavailable = error_response(
        "The database is unreachable or busy; try again later.",
        ERROR_SCHEMA,
    );
    unavailable["headers"] = json!({
        "Retry-After": { "description": "Seconds to wait before retrying.", "schema": { "type": "integer", "minimum": 0 } }
    });
    responses.push(("503", unavailable));
    responses.push((
        "default",
        error_response("Any other error the server answers.", ERROR_SCHEMA),
    ));

    let mut object = Map::new();
    object.insert("operationId".into(), json!(operation_id));
    object.insert("summary".into(), json!(summary));
    object.insert("tags".into(), json!([name]));
    if let Some(rule) = rule {
        let which = match slot {
            CrudSlot::List => "Lists and counts only the rows",
            CrudSlot::Get => "Answers only a row",
            CrudSlot::Create => "Creates only a row (after defaults)",
            CrudSlot::Patch | CrudSlot::Put => "Changes only a row, before and after the change,",
            CrudSlot::Delete => "Deletes only a row",
        };
        object.insert(
            "description".into(),
            json!(format!(
                "{which} that the `{}` rule admits: `{}`.",
                slot.operation().as_str(),
                rule.text
            )),
        );
    }
    let mut parameters = Vec::new();
    if slot.on_item() {
        parameters.push(json!({
            "name": "id",
            "in": "path",
            "required": true,
            "description": format!("The row's id."),
            "schema": id_schema(resource.id),
        }));
    }
    if matches!(slot, CrudSlot::Patch | CrudSlot::Put | CrudSlot::Delete) {
        parameters.push(json!({
            "name": "If-Match",
            "in": "header",
            "required": false,
            "description": "Act only if the row is still at this version (its `ETag`); otherwise 412.",
            "schema": { "type": "string" }
        }));
    }
    if slot == CrudSlot::List {
        parameters.extend(list_parameters(service, resource));
    }
    if !parameters.is_empty() {
        object.insert("parameters".into(), Value::Array(parameters));
    }
    let body = match slot {
        CrudSlot::Create | CrudSlot::Put => Some(&names.create),
        CrudSlot::Patch => Some(&names.update),
        _ => None,
    };
    if let Some(body) = body {
        object.insert(
            "requestBody".into(),
            json!({ "required": true, "content": json_body(body) }),
        );
    }
    let responses: Map<String, Value> = responses
        .into_iter()
        .map(|(status, response)| (status.to_string(), response))
        .collect();
    object.insert("responses".into(), Value::Object(responses));
    Value::Object(object)
}

/// A single-row answer: the row and its `ETag`.
fn row_response(description: &str, content: &Value) -> Value {
    json!({
        "description": description,
        "headers": {
            "ETag": { "description": "The row's version, for `If-Match`.", "schema": { "type": "string" } }
        },
        "content": content
    })
}

fn error_response(description: &str, schema: &str) -> Value {
    json!({
        "description": description,
        "content": { "application/json": { "schema": { "$ref": format!("#/components/schemas/{schema}") } } }
    })
}

/// `select`, `order`, `limit`, `offset`, `count`, `after`, `search` and one filter per column.
fn list_parameters(service: &Service, resource: &Resource) -> Vec<Value> {
    let query = |name: &str, description: &str, schema: Value| json!({ "name": name, "in": "query", "required": false, "description": description, "schema": schema });
    let mut parameters = vec![
        query(
            "select",
            "The members to return, comma-separated; a reference can embed its row: `id,title,author(id,name)`.",
            json!({ "type": "string", "pattern": select_pattern(service, resource) }),
        ),
        query(
            "order",
            "Sort keys, comma-separated, each `column`, `column.asc`, `column.desc` or `-column` (JSON and array fields cannot be sorted on): `created_at.desc,title.asc`.",
            json!({ "type": "string", "pattern": order_pattern(service, resource) }),
        ),
        query(
            "limit",
            "Most rows in the page.",
            json!({ "type": "integer", "minimum": 1, "maximum": 100 }),
        ),
        query(
            "offset",
            "Rows to skip.",
            // The server's bound (`storage::MAX_OFFSET`, JavaScript's largest safe integer).
            json!({ "type": "integer", "minimum": 0, "maximum": 9_007_199_254_740_991_u64 }),
        ),
        query(
            "count",
            "`exact` adds `total`, the number of matching rows (a scan).",
            json!({ "type": "string", "enum": ["exact"] }),
        ),
        query(
            "after",
            "A cursor from `next`: the page after it, stable under inserts.",
            json!({ "type": "string" }),
        ),
    ];
    if !resource.search.is_empty() {
        parameters.push(query(
            "search",
            &format!("Full-text search over {}.", resource.search.join(", ")),
            json!({ "type": "string", "pattern": NUL_FREE }),
        ));
    }
    for (column, pattern) in filter_patterns(service, resource) {
        if RESERVED.contains(&column.as_str()) {
            continue;
        }
        parameters.push(query(
            &column,
            &format!(
                "Filter on `{column}`: `eq.`, `neq.`, `gt.`, `gte.`, `lt.`, `lte.` and a value of the column's type, `in.(a,b)` (text holding `,` or `\"` in double quotes), `is.null` (`is.true`/`is.false` on booleans); `like.`/`ilike.` (`*` the wildcard) on text; JSON and array fields take only `is.null`. `not.` negates: `{column}=not.eq.x`."
            ),
            json!({ "type": "string", "pattern": pattern }),
        ));
    }
    parameters
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_pascal_case_singular_and_plural() {
        assert_eq!(pascal_names("books"), ("Book".into(), "Books".into()));
        assert_eq!(
            pascal_names("book_reviews"),
            ("BookReview".into(), "BookReviews".into())
        );
        assert_eq!(
            pascal_names("categories"),
            ("Category".into(), "Categories".into())
        );
        assert_eq!(
            pascal_names("addresses"),
            ("Address".into(), "Addresses".into())
        );
        assert_eq!(pascal_names("status"), ("Status".into(), "Status".into()));
        assert_eq!(pascal_names("people"), ("People".into(), "People".into()));
    }

    #[test]
    fn names_are_fresh() {
        let mut names = Names::new(["Book".to_string()]);
        assert_eq!(names.fresh("Book"), "Book2");
        assert_eq!(names.fresh("Book"), "Book3");
        assert_eq!(names.fresh("Author"), "Author");
    }

    #[test]
    fn pointers_escape_the_path() {
        let mut books = crate::fixtures::resource("books", Vec::new());
        assert_eq!(
            operation_pointer(&books, CrudSlot::Get).as_deref(),
            Some("/paths/~1books~1{id}/get")
        );
        books.operations = vec![CrudOperation::List];
        assert_eq!(operation_pointer(&books, CrudSlot::Put), None);
    }
}
