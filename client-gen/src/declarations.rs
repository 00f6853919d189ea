//! `index.d.ts`: the schemas as named types, each operation's params and result, each
//! resource's filter, query and namespace, and the `Client` they make up.
//!
//! ```text
//! export interface GetBookParams { id: number; }
//! export type GetBookResult =
//!   | rt.Answer<200, Book>
//!   | rt.Answer<404, ErrorBody>;
//! export interface Client {
//!   readonly getBook: rt.Call<[params: GetBookParams, options?: rt.RequestOptions], GetBookResult>;
//!   readonly books: BooksResource;
//! }
//! ```
//!
//! The shared generic types (`Answer`, `Call`, the filters) live in `runtime.d.ts`, imported
//! as `rt` so that no schema name can clash with them.

use serde_json::Value;

use crate::Generated;
use crate::names::{property_key, string_literal};
use crate::operations::{Content, Location, Operation};
use crate::resources::ResourceClient;
use crate::types::{doc_comment, union};

/// The text of `index.d.ts`.
pub(crate) fn index_d_ts(generated: &Generated) -> String {
    let mut out = String::new();
    out.push_str(&generated.header);
    out.push_str("import type * as rt from \"./runtime.js\";\n");
    out.push_str("import type * as live from \"./live.js\";\n");
    out.push_str("import type * as store from \"./store.js\";\n\n");
    out.push_str("export { BackworksError } from \"./runtime.js\";\n");
    out.push_str(
        "export type { Answer, Call, Failure, FailureKind, Page, RequestOptions, SuccessData, WriteOptions } from \"./runtime.js\";\n",
    );
    out.push_str(
        "export type { ChangeEvent, NamedEventMessage, RequestEntry, RequestStreamMessage, ResourceEvent, Unsubscribe } from \"./live.js\";\n",
    );
    out.push_str(
        "export type { MutationStore, QueryOptions, QueryState, QueryStore } from \"./store.js\";\n",
    );
    out.push_str("export { requestKey } from \"./store.js\";\n");

    if !generated.schemas.is_empty() {
        out.push_str("\n// The document's schemas.\n");
    }
    for (name, schema) in &generated.schemas {
        out.push('\n');
        out.push_str(&generated.writer().declaration(name, schema));
    }

    out.push_str("\n// Each operation's parameters and answers.\n");
    for operation in &generated.operations {
        out.push('\n');
        out.push_str(&operation_types(generated, operation));
    }

    for resource in &generated.resources {
        out.push('\n');
        out.push_str(&resource_types(generated, resource));
    }

    out.push('\n');
    out.push_str(&client_types(generated));
    out.push('\n');
    out.push_str(&store_types(generated));
    out
}

/// Whether the operation only reads, so that a query (rather than a mutation) runs it.
pub(crate) fn is_query(operation: &Operation) -> bool {
    matches!(operation.method.as_str(), "GET" | "HEAD")
}

/// The arguments before the options: `[params: P]`, `[params?: P]`, or `[params?: undefined]`
/// for an operation without parameters (the stores always take params first).
pub(crate) fn params_tuple(operation: &Operation) -> String {
    if !operation.takes_params() {
        "[params?: undefined]".to_string()
    } else if operation.params_optional() {
        format!("[params?: {}]", operation.params_type)
    } else {
        format!("[params: {}]", operation.params_type)
    }
}

/// `Operations`, the names of queries and mutations, and `createQuery`/`createMutation` typed
/// by them.
fn store_types(generated: &Generated) -> String {
    let mut out =
        String::from("// Queries and mutations: the stores the framework packages wrap.\n\n");
    out.push_str("/** Each operation's parameters (as the stores take them) and answers. */\n");
    out.push_str("export interface Operations {\n");
    for operation in &generated.operations {
        out.push_str(&format!(
            "  {}: {{ params: {}; result: {} }};\n",
            property_key(&operation.member),
            params_tuple(operation),
            operation.result_type
        ));
    }
    out.push_str("}\n\n");
    let names = |query: bool| {
        let names: Vec<String> = generated
            .operations
            .iter()
            .filter(|operation| is_query(operation) == query)
            .map(|operation| string_literal(&operation.member))
            .collect();
        if names.is_empty() {
            "never".to_string()
        } else {
            names.join(" | ")
        }
    };
    out.push_str(&format!(
        "/** The operations that read: what queries run. */\nexport type QueryName = {};\n\n",
        names(true)
    ));
    out.push_str(&format!(
        "/** The operations that write: what mutations run. */\nexport type MutationName = {};\n\n",
        names(false)
    ));
    out.push_str(
        "/** The data of a success of `K`. */\n\
         export type DataOf<K extends keyof Operations> = rt.SuccessData<Operations[K][\"result\"]>;\n\n\
         /** What a failure of `K` throws: its documented failures, a timeout or the network (status 0). */\n\
         export type ErrorOf<K extends keyof Operations> = rt.BackworksError<rt.Failure<Operations[K][\"result\"]>>;\n\n\
         /**\n * A store of `operation`'s answer to `params`: fetched when first subscribed, shared with an\n * identical request in flight, and kept up to date by live events when it reads a resource.\n */\n\
         export declare function createQuery<K extends QueryName>(\n  client: Client,\n  operation: K,\n  ...args: [...Operations[K][\"params\"], options?: store.QueryOptions]\n): store.QueryStore<DataOf<K>, ErrorOf<K>>;\n\n\
         /** Calls `operation` for the data of a success; anything else throws a `BackworksError`. */\n\
         export declare function invoke<K extends keyof Operations>(\n  client: Client,\n  operation: K,\n  ...args: [...Operations[K][\"params\"], options?: rt.RequestOptions]\n): Promise<DataOf<K>>;\n\n\
         /** A store of one write through `operation`. */\n\
         export declare function createMutation<K extends MutationName>(\n  client: Client,\n  operation: K\n): store.MutationStore<[...Operations[K][\"params\"], options?: rt.RequestOptions], DataOf<K>, ErrorOf<K>>;\n",
    );
    out
}

/// `: T` for a required member, `?: T | undefined` for an optional one: the client leaves out
/// what is `undefined`, so it may be written out even under `exactOptionalPropertyTypes`.
fn member_type(required: bool, ty: String) -> String {
    if required {
        format!(": {ty}")
    } else {
        format!("?: {}", union(vec![ty, "undefined".to_string()]))
    }
}

/// `GET /books/{id}: Get a row of books` and the notes of what could not be typed.
fn operation_comment(operation: &Operation, indent: usize) -> String {
    let mut text = format!("`{} {}`", operation.method, operation.path);
    if let Some(summary) = &operation.summary {
        text.push_str(&format!(": {summary}."));
    }
    for note in &operation.notes {
        text.push_str(&format!("\nNote: {note}."));
    }
    doc_comment(&text, indent)
}

fn operation_types(generated: &Generated, operation: &Operation) -> String {
    let writer = generated.writer();
    let mut out = String::new();
    if operation.takes_params() {
        out.push_str(&operation_comment(operation, 0));
        out.push_str(&format!("export interface {} {{\n", operation.params_type));
        for location in [Location::Path, Location::Query] {
            for parameter in operation.at(location) {
                if let Some(description) = &parameter.description {
                    out.push_str(&doc_comment(description, 1));
                }
                out.push_str(&format!(
                    "  {}{};\n",
                    property_key(&parameter.name),
                    member_type(parameter.required, writer.type_of(&parameter.schema, 1))
                ));
            }
        }
        let headers: Vec<_> = operation.at(Location::Header).collect();
        if !headers.is_empty() {
            let optional = if headers.iter().any(|header| header.required) {
                ""
            } else {
                "?"
            };
            out.push_str(&format!("  headers{optional}: {{\n"));
            for header in headers {
                if let Some(description) = &header.description {
                    out.push_str(&doc_comment(description, 2));
                }
                out.push_str(&format!(
                    "    {}{};\n",
                    property_key(&header.name),
                    member_type(header.required, writer.type_of(&header.schema, 2))
                ));
            }
            out.push_str("  };\n");
        }
        if let Some((schema, required)) = &operation.body {
            out.push_str("  /** The JSON request body. */\n");
            out.push_str(&format!(
                "  body{};\n",
                member_type(*required, writer.type_of(schema, 1))
            ));
        }
        out.push_str("}\n");
    }
    out.push_str(&format!(
        "/** The answers of `{}` the service documents. */\n",
        operation.member
    ));
    out.push_str(&format!(
        "export type {} ={};\n",
        operation.result_type,
        answers(generated, operation)
    ));
    out
}

/// `\n  | rt.Answer<200, Book>\n  | rt.Answer<404, ErrorBody>`, or ` never` when none is
/// documented.
fn answers(generated: &Generated, operation: &Operation) -> String {
    let writer = generated.writer();
    if operation.responses.is_empty() {
        return " never".to_string();
    }
    let mut out = String::new();
    for response in &operation.responses {
        let data = match &response.content {
            Content::Empty => "null".to_string(),
            Content::Json(schema) => writer.type_of(schema, 2),
            Content::Text => "string".to_string(),
            Content::JsonOrText(schema) => union(vec![writer.type_of(schema, 2), "string".into()]),
        };
        out.push_str(&format!("\n  | rt.Answer<{}, {data}>", response.status));
    }
    out
}

fn resource_types(generated: &Generated, resource: &ResourceClient) -> String {
    let writer = generated.writer();
    let operation = |index: Option<usize>| index.map(|index| &generated.operations[index]);
    let mut out = format!("// The `{}` resource.\n", resource.name);
    if let Some(list) = operation(resource.list) {
        out.push_str(&format!(
            "\n/** Conditions on the rows of `{}`; each member narrows the list further. */\n",
            resource.name
        ));
        out.push_str(&format!("export interface {} {{\n", resource.filter_type));
        for column in resource.columns.iter().filter(|column| column.filterable()) {
            out.push_str(&format!(
                "  {}?: {} | undefined;\n",
                property_key(&column.name),
                column.filter
            ));
        }
        out.push_str("}\n\n");
        let sortable: Vec<String> = resource
            .columns
            .iter()
            .filter(|column| column.sortable)
            .map(|column| string_literal(&column.name))
            .collect();
        out.push_str(&format!(
            "/** What to list of `{}`: filters, order and the page. */\n",
            resource.name
        ));
        out.push_str(&format!("export interface {} {{\n", resource.query_type));
        out.push_str(&format!(
            "  filter?: {} | undefined;\n",
            resource.filter_type
        ));
        out.push_str("  /** Sort keys, first the most significant: `[\"price\", \"desc\"]`, or a column for ascending. */\n");
        out.push_str(&format!(
            "  order?: readonly rt.OrderKey<{}>[] | undefined;\n",
            sortable.join(" | ")
        ));
        out.push_str("  /** Most rows in the page (1 to 100). */\n  limit?: number | undefined;\n");
        out.push_str("  /** Rows to skip. */\n  offset?: number | undefined;\n");
        out.push_str(
            "  /** A cursor from `next`: the page after it. */\n  after?: string | undefined;\n",
        );
        out.push_str(
            "  /** `exact` adds `total`, the number of matching rows. */\n  count?: \"exact\" | undefined;\n",
        );
        if resource.searchable {
            out.push_str("  /** Full-text search. */\n  search?: string | undefined;\n");
        }
        out.push_str("}\n\n");
        let row = record_type(generated, resource);
        out.push_str(&format!(
            "/** The answers of `{}.list`: a page of rows, or the list's errors. */\n",
            resource.member
        ));
        out.push_str(&format!(
            "export type {} =\n  | rt.Answer<200, rt.Page<{row}>>\n  | Exclude<{}, {{ status: 200 }}>;\n",
            resource.list_result_type, list.result_type
        ));
    }

    let id = resource.id_type;
    let call = |args: String, result: &str| format!("rt.Call<[{args}], {result}>");
    let body_of = |index: Option<usize>| {
        operation(index)
            .and_then(|operation| operation.body.as_ref())
            .map_or_else(
                || "unknown".to_string(),
                |(schema, _)| writer.type_of(schema, 1),
            )
    };
    let mut members = Vec::new();
    if resource.list.is_some() {
        members.push((
            "list",
            "Lists rows: `filter`, `order`, `limit`, `after`.",
            call(
                format!(
                    "query?: {}, options?: rt.RequestOptions",
                    resource.query_type
                ),
                &resource.list_result_type,
            ),
        ));
    }
    if let Some(get) = operation(resource.get) {
        members.push((
            "get",
            "Reads one row; its `ETag` header is the version `ifMatch` takes.",
            call(
                format!("id: {id}, options?: rt.RequestOptions"),
                &get.result_type,
            ),
        ));
    }
    if let Some(create) = operation(resource.create) {
        members.push((
            "create",
            "Creates a row.",
            call(
                format!(
                    "row: {}, options?: rt.RequestOptions",
                    body_of(resource.create)
                ),
                &create.result_type,
            ),
        ));
    }
    if let Some(update) = operation(resource.update) {
        members.push((
            "update",
            "Changes the members present in `changes`.",
            call(
                format!(
                    "id: {id}, changes: {}, options?: rt.WriteOptions",
                    body_of(resource.update)
                ),
                &update.result_type,
            ),
        ));
    }
    if let Some(replace) = operation(resource.replace) {
        members.push((
            "replace",
            "Replaces a row.",
            call(
                format!(
                    "id: {id}, row: {}, options?: rt.WriteOptions",
                    body_of(resource.replace)
                ),
                &replace.result_type,
            ),
        ));
    }
    if let Some(delete) = operation(resource.delete) {
        members.push((
            "delete",
            "Deletes a row.",
            call(
                format!("id: {id}, options?: rt.WriteOptions"),
                &delete.result_type,
            ),
        ));
    }
    out.push_str(&format!(
        "\n/** The generated operations of `{}`. */\n",
        resource.name
    ));
    out.push_str(&format!(
        "export interface {} {{\n",
        resource.namespace_type
    ));
    for (name, description, signature) in members {
        out.push_str(&format!(
            "  /** {description} */\n  readonly {name}: {signature};\n"
        ));
    }
    out.push_str("}\n");
    out
}

/// The row type: the `200` of `get`, else the `201` of `create`, else `unknown`.
fn record_type(generated: &Generated, resource: &ResourceClient) -> String {
    let answer = |index: Option<usize>, status: u16| {
        let operation = &generated.operations[index?];
        operation
            .responses
            .iter()
            .find(|response| response.status == status)
            .and_then(|response| match &response.content {
                Content::Json(schema) if schema.get("$ref").is_some() => Some(schema.clone()),
                _ => None,
            })
    };
    let schema = answer(resource.get, 200)
        .or_else(|| answer(resource.create, 201))
        .unwrap_or(Value::Object(Default::default()));
    generated.writer().type_of(&schema, 0)
}

fn client_types(generated: &Generated) -> String {
    let mut out = String::from("// The client.\n\n");
    let auth = generated.service.auth.as_ref();
    let bearer = auth.is_some_and(|auth| auth.jwt.is_some() || auth.users.is_some());
    let api_key = auth.and_then(|auth| auth.api_keys.as_ref());
    if bearer || api_key.is_some() {
        out.push_str("/** The caller's credentials, sent to the operations that take them. */\n");
        out.push_str("export interface ClientAuth {\n");
        if bearer {
            out.push_str("  /** The bearer token, or a function that gives the current one (called for every request). */\n");
            out.push_str("  token?: rt.TokenSource | undefined;\n");
            out.push_str("  /**\n   * Called once when an answer is 401: gives a new token, and the request is sent again\n   * with it. The token it gives replaces a fixed `token` for later requests.\n   */\n");
            out.push_str("  refresh?: (() => string | Promise<string>) | undefined;\n");
        }
        if let Some(keys) = api_key {
            out.push_str(&format!(
                "  /** An API key, sent as `{}`. */\n",
                keys.header.replace('`', "")
            ));
            out.push_str("  apiKey?: string | (() => string | Promise<string>) | undefined;\n");
        }
        out.push_str("}\n\n");
    }
    out.push_str("/** How to reach the service. */\nexport interface ClientOptions {\n");
    out.push_str(&format!(
        "  /** Where the service is, e.g. {}. */\n  baseUrl: string;\n",
        string_literal(&generated.example_base_url())
    ));
    out.push_str(
        "  /** The `fetch` to use; the platform's by default. */\n  fetch?: typeof fetch | undefined;\n",
    );
    out.push_str(
        "  /** Headers sent with every request. */\n  headers?: HeadersInit | undefined;\n",
    );
    out.push_str("  /** Every call's time budget in milliseconds, unless the call gives its own; none by default. */\n  timeoutMs?: number | undefined;\n");
    if bearer || api_key.is_some() {
        out.push_str("  auth?: ClientAuth | undefined;\n");
    }
    if generated.live {
        out.push_str("  /** The `WebSocket` of live events; the platform's by default (Node 20 has none: pass the `ws` package's). */\n");
        out.push_str("  WebSocket?: (new (url: string) => object) | undefined;\n");
    }
    out.push_str("}\n\n");

    out.push_str(&format!(
        "/** A client of {} {}. */\nexport interface Client {{\n",
        generated.service.name, generated.service.version
    ));
    for operation in &generated.operations {
        out.push_str(&operation_comment(operation, 1));
        let args = if !operation.takes_params() {
            "options?: rt.RequestOptions".to_string()
        } else if operation.params_optional() {
            format!(
                "params?: {}, options?: rt.RequestOptions",
                operation.params_type
            )
        } else {
            format!(
                "params: {}, options?: rt.RequestOptions",
                operation.params_type
            )
        };
        out.push_str(&format!(
            "  readonly {}: rt.Call<[{args}], {}>;\n",
            property_key(&operation.member),
            operation.result_type
        ));
    }
    for resource in &generated.resources {
        out.push_str(&format!(
            "  /** The rows of `{}`. */\n  readonly {}: {};\n",
            resource.name,
            property_key(&resource.member),
            resource.namespace_type
        ));
    }
    for resource in &generated.resources {
        let row = record_type(generated, resource);
        let filter = if resource.list.is_some() {
            resource.filter_type.clone()
        } else {
            "never".to_string()
        };
        let name = string_literal(&resource.name);
        out.push_str(&format!(
            "  /** Live changes of `{}`: all, one row (`id`), or those a list `filter` selects. */\n",
            resource.name
        ));
        out.push_str(&format!(
            "  subscribe(\n    target: live.ResourceTarget<{name}, {id}, {filter}>,\n    listener: (event: live.ResourceEvent<{name}, {row}, {id}>) => void\n  ): live.Unsubscribe;\n",
            id = resource.id_type
        ));
    }
    if generated.live {
        out.push_str(
            "  /** A custom event the service's handlers emit (`ctx.emit(name, payload)`). */\n",
        );
        out.push_str("  subscribe(target: live.NamedEventTarget, listener: (event: live.NamedEventMessage) => void): live.Unsubscribe;\n");
    }
    if generated.request_stream() {
        out.push_str(
            "  /** Every request the server finishes, with its log lines: the dashboard's live log (the dashboard token or an admin). */\n",
        );
        out.push_str("  subscribe(target: live.RequestStreamTarget, listener: (event: live.RequestStreamMessage) => void): live.Unsubscribe;\n");
    }
    out.push_str("}\n\n");
    out.push_str("/** A client of the service at `options.baseUrl`. */\n");
    out.push_str("export declare function createClient(options: ClientOptions): Client;\n");
    out
}
