//! `index.js`: a table saying how to send each operation and which statuses it answers, and
//! `createClient`, which builds one method per entry over the shared runtime
//! (`templates/client/runtime.js`), and `subscribe`, live events over the resources of a
//! second table (`templates/client/live.js`). No logic is repeated per operation.
//!
//! ```text
//! const operations = {
//!   getBook: { name: "getBook", method: "GET", path: "/books/{id}", params: true, query: [],
//!              headers: [], secured: false, statuses: [200, 400, 404, 503],
//!              live: { resource: "books", slot: "get" } },
//! };
//! const resources = { books: { id: "number" } };
//! export function createClient(options) {
//!   const conn = connection(options, {});
//!   return { getBook: operation(conn, operations.getBook), books: resource(conn, { … }),
//!            subscribe: subscriber(conn, resources) };
//! }
//! ```

use crate::Generated;
use crate::names::{property_key, string_literal};
use crate::operations::{Location, Operation};

/// The text of `index.js`.
pub(crate) fn index_js(generated: &Generated) -> String {
    let mut out = String::new();
    out.push_str(&generated.header);
    let imports = if generated.resources.is_empty() {
        "connection, operation"
    } else {
        "connection, operation, resource"
    };
    out.push_str(&format!("import {{ {imports} }} from \"./runtime.js\";\n"));
    if generated.live {
        out.push_str("import { subscriber } from \"./live.js\";\n");
    }
    out.push('\n');
    out.push_str("export { BackworksError } from \"./runtime.js\";\n");
    out.push_str(
        "export { createMutation, createQuery, invoke, requestKey } from \"./store.js\";\n\n",
    );
    out.push_str(
        "/** How each operation is sent, and the statuses the service documents for it. */\n",
    );
    out.push_str("const operations = {\n");
    for (index, operation) in generated.operations.iter().enumerate() {
        out.push_str(&format!(
            "  {}: {},\n",
            property_key(&operation.member),
            descriptor(operation, live_slot(generated, index))
        ));
    }
    out.push_str("};\n\n");
    if generated.live {
        out.push_str("/** The resources live events follow, and the type of their ids. */\n");
        out.push_str("const resources = {\n");
        for resource in &generated.resources {
            out.push_str(&format!(
                "  {}: {{ id: {} }},\n",
                property_key(&resource.name),
                string_literal(resource.id_type)
            ));
        }
        out.push_str("};\n\n");
    }

    let api_key_header = generated
        .service
        .auth
        .as_ref()
        .and_then(|auth| auth.api_keys.as_ref())
        .map(|keys| format!("{{ apiKeyHeader: {} }}", string_literal(&keys.header)))
        .unwrap_or_else(|| "{}".to_string());
    out.push_str("/** A client of the service at `options.baseUrl`. */\n");
    out.push_str("export function createClient(options) {\n");
    out.push_str(&format!(
        "  const conn = connection(options, {api_key_header});\n"
    ));
    out.push_str("  return {\n");
    for operation in &generated.operations {
        // Members are camel-case identifiers (`names::camel_case`).
        let member = &operation.member;
        out.push_str(&format!(
            "    {member}: operation(conn, operations.{member}),\n"
        ));
    }
    for resource in &generated.resources {
        let slots = [
            ("list", resource.list),
            ("get", resource.get),
            ("create", resource.create),
            ("update", resource.update),
            ("replace", resource.replace),
            ("delete", resource.delete),
        ];
        let members: Vec<String> = slots
            .iter()
            .filter_map(|(slot, index)| {
                let operation = &generated.operations[(*index)?];
                Some(format!("{slot}: operations.{}", operation.member))
            })
            .collect();
        out.push_str(&format!(
            "    {}: resource(conn, {{ {} }}),\n",
            property_key(&resource.member),
            members.join(", ")
        ));
    }
    if generated.live {
        out.push_str("    subscribe: subscriber(conn, resources),\n");
    }
    out.push_str("  };\n}\n");
    out
}

/// `live: { resource: "notes", slot: "list" }` for the list and get operations of a resource:
/// the queries over them follow the resource's events.
fn live_slot<'a>(generated: &'a Generated, index: usize) -> Option<(&'a str, &'static str)> {
    generated.resources.iter().find_map(|resource| {
        if resource.list == Some(index) {
            Some((resource.name.as_str(), "list"))
        } else if resource.get == Some(index) {
            Some((resource.name.as_str(), "get"))
        } else {
            None
        }
    })
}

fn descriptor(operation: &Operation, live: Option<(&str, &str)>) -> String {
    let names = |location: Location| {
        let names: Vec<String> = operation
            .at(location)
            .map(|parameter| string_literal(&parameter.name))
            .collect();
        format!("[{}]", names.join(", "))
    };
    let statuses: Vec<String> = operation
        .responses
        .iter()
        .map(|response| response.status.to_string())
        .collect();
    let live = live.map_or(String::new(), |(resource, slot)| {
        format!(
            ", live: {{ resource: {}, slot: {} }}",
            string_literal(resource),
            string_literal(slot)
        )
    });
    format!(
        "{{ name: {}, method: {}, path: {}, params: {}, query: {}, headers: {}, secured: {}, statuses: [{}]{live} }}",
        string_literal(&operation.member),
        string_literal(&operation.method),
        string_literal(&operation.path),
        operation.takes_params(),
        names(Location::Query),
        names(Location::Header),
        operation.secured,
        statuses.join(", ")
    )
}
