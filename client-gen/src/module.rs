//! `index.js`: a table saying how to send each operation and which statuses it answers, and
//! `createClient`, which builds one method per entry over the shared runtime
//! (`templates/client/runtime.js`). No logic is repeated per operation.
//!
//! ```text
//! const operations = {
//!   getBook: { name: "getBook", method: "GET", path: "/books/{id}", params: true, query: [],
//!              headers: [], secured: false, statuses: [200, 400, 404, 503] },
//! };
//! export function createClient(options) {
//!   const conn = connection(options, {});
//!   return { getBook: operation(conn, operations.getBook), books: resource(conn, { … }) };
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
    out.push_str(&format!(
        "import {{ {imports} }} from \"./runtime.js\";\n\n"
    ));
    out.push_str("export { BackworksError } from \"./runtime.js\";\n\n");
    out.push_str(
        "/** How each operation is sent, and the statuses the service documents for it. */\n",
    );
    out.push_str("const operations = {\n");
    for operation in &generated.operations {
        out.push_str(&format!(
            "  {}: {},\n",
            property_key(&operation.member),
            descriptor(operation)
        ));
    }
    out.push_str("};\n\n");

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
    out.push_str("  };\n}\n");
    out
}

fn descriptor(operation: &Operation) -> String {
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
    format!(
        "{{ name: {}, method: {}, path: {}, params: {}, query: {}, headers: {}, secured: {}, statuses: [{}] }}",
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
