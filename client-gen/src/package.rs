//! The package's file-shaped parts, from the minijinja templates in `templates/client/`:
//! `package.json` (named after the service, versioned as it is) and a `README.md` whose
//! examples call this service's own operations.
//!
//! ```text
//! name: bookstore, version: 0.1.0 ─▶ { "name": "@bookstore/client", "version": "0.1.0", … }
//! ```

use minijinja::{Environment, context};
use serde::Serialize;
use serde_json::Value;

use crate::Generated;
use crate::names::string_literal;
use crate::operations::{Location, Operation};

const PACKAGE_JSON: &str = include_str!("../../templates/client/package.json.j2");
const README: &str = include_str!("../../templates/client/README.md.j2");

/// The npm name: `@<service>/client`, so that the clients of several services can sit side
/// by side in one application (the framework packages will be `@<service>/react`, …).
pub(crate) fn package_name(generated: &Generated) -> String {
    format!(
        "@{}/client",
        backworks_ir::package_name(&generated.service.name)
    )
}

/// npm needs a semantic version: `1.2` reads as `1.2.0`; anything else unreadable as `0.0.0`.
pub(crate) fn npm_version(version: &str) -> String {
    let core = version.split(['-', '+']).next().unwrap_or_default();
    let parts: Vec<&str> = core.split('.').collect();
    let numeric = |part: &&str| !part.is_empty() && part.chars().all(|c| c.is_ascii_digit());
    if parts.len() == 3 && parts.iter().all(numeric) {
        version.to_string()
    } else if (1..3).contains(&parts.len()) && parts.iter().all(numeric) && core == version {
        let mut padded: Vec<&str> = parts.clone();
        padded.resize(3, "0");
        padded.join(".")
    } else {
        "0.0.0".to_string()
    }
}

pub(crate) fn render(template: &str, context: minijinja::Value) -> String {
    let mut environment = Environment::new();
    environment.set_keep_trailing_newline(true);
    // The templates are part of this crate; a failure is a bug, shown in the file itself
    // rather than failing the build of a service.
    let text = environment
        .render_str(template, context)
        .unwrap_or_else(|error| format!("template error: {error}\n"));
    // Optional sections leave blank lines behind; one is enough.
    let mut tidy = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        if !(line == "\n" && tidy.ends_with("\n\n")) {
            tidy.push_str(line);
        }
    }
    tidy
}

pub(crate) fn package_json(generated: &Generated) -> String {
    let service = &generated.service;
    let description = match &service.description {
        Some(description) => format!("Typed client for {}: {description}", service.name),
        None => format!("Typed client for {}.", service.name),
    };
    render(
        PACKAGE_JSON,
        // JSON string literals, written as they are (minijinja's `tojson` escapes for HTML).
        context! {
            name => string_literal(&package_name(generated)),
            version => string_literal(&npm_version(&service.version)),
            description => string_literal(&description),
        },
    )
}

#[derive(Serialize)]
struct OperationRow {
    member: String,
    method: String,
    path: String,
    summary: String,
}

#[derive(Serialize)]
struct ResourceRow {
    member: String,
    /// The member of the flat list operation, e.g. `listBooks`.
    list_member: Option<String>,
    name: String,
    methods: String,
    example: String,
}

#[derive(Serialize)]
struct Example {
    call: String,
    status: u16,
    or_throw: String,
    with_options: String,
}

pub(crate) fn readme(generated: &Generated) -> String {
    let service = &generated.service;
    let operations: Vec<OperationRow> = generated
        .operations
        .iter()
        .map(|operation| OperationRow {
            member: operation.member.clone(),
            method: operation.method.clone(),
            path: operation.path.clone(),
            summary: operation
                .summary
                .as_deref()
                .unwrap_or("")
                .replace('|', "\\|")
                .replace('\n', " "),
        })
        .collect();
    let resources: Vec<ResourceRow> = generated
        .resources
        .iter()
        .map(|resource| {
            let slots = [
                ("list", resource.list),
                ("get", resource.get),
                ("create", resource.create),
                ("update", resource.update),
                ("replace", resource.replace),
                ("delete", resource.delete),
            ];
            let methods: Vec<String> = slots
                .iter()
                .filter(|(_, index)| index.is_some())
                .map(|(slot, _)| format!("`{slot}`"))
                .collect();
            ResourceRow {
                member: resource.member.clone(),
                list_member: resource
                    .list
                    .map(|index| generated.operations[index].member.clone()),
                name: resource.name.clone(),
                methods: methods.join(", "),
                example: list_example(resource),
            }
        })
        .collect();
    // The example: the first read that needs no credentials, else any operation that needs
    // none, else the first.
    let operations_in = &generated.operations;
    let example = operations_in
        .iter()
        .find(|operation| !operation.secured && operation.method == "GET")
        .or_else(|| operations_in.iter().find(|operation| !operation.secured))
        .or(operations_in.first())
        // A service without operations has nothing to show.
        .map(|operation| example(generated, operation));
    let auth = service.auth.as_ref();
    render(
        README,
        context! {
            name => package_name(generated),
            service => service.name,
            version => service.version,
            description => service.description,
            base_url => generated.example_base_url(),
            example => example,
            operations => operations,
            resources => resources,
            bearer => auth.is_some_and(|auth| auth.jwt.is_some() || auth.users.is_some()),
            api_key => auth.and_then(|auth| auth.api_keys.as_ref()).map(|keys| keys.header.clone()),
            live => generated.live,
            request_stream => generated.request_stream(),
            has_auth => auth.is_some(),
        },
    )
}

/// `books.list({ filter: { … }, order: [["title", "desc"]], limit: 20 })` from the resource's
/// own columns.
fn list_example(resource: &crate::resources::ResourceClient) -> String {
    let mut filter = Vec::new();
    for column in resource.columns.iter().filter(|column| column.filterable()) {
        let condition = if let Some(values) = column.filter.strip_prefix("rt.TextFilter<") {
            let first = values.split(" | ").next().unwrap_or("\"\"");
            format!("{{ eq: {} }}", first.trim_end_matches('>'))
        } else if column.filter == "rt.TextFilter" {
            "{ ilike: \"*word*\" }".to_string()
        } else if column.filter == "rt.BooleanFilter" {
            "{ eq: true }".to_string()
        } else if column.filter == "rt.ValueFilter<number>" && column.name != "id" {
            "{ gte: 1 }".to_string()
        } else {
            continue;
        };
        filter.push(format!(
            "{}: {condition}",
            crate::names::property_key(&column.name)
        ));
        if filter.len() == 2 {
            break;
        }
    }
    let filter = if filter.is_empty() {
        String::new()
    } else {
        format!("filter: {{ {} }}, ", filter.join(", "))
    };
    let order = resource
        .columns
        .iter()
        .rev()
        .find(|column| column.sortable)
        .map_or("id".to_string(), |column| column.name.clone());
    format!(
        "{}.list({{ {filter}order: [[{}, \"desc\"]], limit: 20 }})",
        resource.member,
        string_literal(&order)
    )
}

fn example(generated: &Generated, operation: &Operation) -> Example {
    let member = &operation.member;
    let status = operation
        .responses
        .iter()
        .map(|response| response.status)
        .find(|status| (200..300).contains(status))
        .unwrap_or(200);
    if !operation.takes_params() {
        return Example {
            call: format!("{member}()"),
            status,
            or_throw: format!("{member}.orThrow()"),
            with_options: format!("{member}({{ signal: controller.signal, timeoutMs: 1000 }})"),
        };
    }
    let first = example_params(generated, operation);
    // Without required members the params object can be left out, except before options.
    let params = if first.is_empty() {
        "{}".to_string()
    } else {
        first.clone()
    };
    Example {
        call: format!("{member}({first})"),
        status,
        or_throw: format!("{member}.orThrow({first})"),
        with_options: format!(
            "{member}({params}, {{ signal: controller.signal, timeoutMs: 1000 }})"
        ),
    }
}

/// The params of an example call, with the required members only (`{ id: 1 }`); empty when
/// none is required.
pub(crate) fn example_params(generated: &Generated, operation: &Operation) -> String {
    let mut members = Vec::new();
    for parameter in operation
        .parameters
        .iter()
        .filter(|parameter| parameter.required && parameter.location != Location::Header)
    {
        members.push(format!(
            "{}: {}",
            crate::names::property_key(&parameter.name),
            sample(generated, &parameter.schema, 0)
        ));
    }
    if let Some((schema, true)) = &operation.body {
        members.push(format!("body: {}", sample(generated, schema, 0)));
    }
    if members.is_empty() {
        String::new()
    } else {
        format!("{{ {} }}", members.join(", "))
    }
}

/// A JavaScript value the schema admits, for examples: its first enum value, else one of
/// its type, with the required members of an object.
fn sample(generated: &Generated, schema: &Value, depth: usize) -> String {
    if depth > 4 {
        return "{}".to_string();
    }
    if let Some(target) = schema.get("$ref").and_then(Value::as_str) {
        let name = target.trim_start_matches("#/components/schemas/");
        return generated
            .schema_source(name)
            .map_or("{}".to_string(), |schema| {
                sample(generated, schema, depth + 1)
            });
    }
    if let Some(value) = schema
        .get("enum")
        .and_then(Value::as_array)
        .and_then(|v| v.first())
    {
        return value.to_string();
    }
    if let Some(value) = schema.get("default") {
        return value.to_string();
    }
    let kind = match schema.get("type") {
        Some(Value::Array(kinds)) => kinds.first().and_then(Value::as_str).unwrap_or(""),
        Some(Value::String(kind)) => kind,
        _ => "",
    };
    match kind {
        "integer" | "number" => schema
            .get("minimum")
            .filter(|minimum| minimum.as_f64().is_some_and(|m| m > 1.0))
            .map_or("1".to_string(), Value::to_string),
        "boolean" => "true".to_string(),
        "string" => string_literal("text"),
        "array" => "[]".to_string(),
        "object" | "" if schema.get("properties").is_some() => {
            let required: Vec<&str> = schema
                .get("required")
                .and_then(Value::as_array)
                .map(|names| names.iter().filter_map(Value::as_str).collect())
                .unwrap_or_default();
            let members: Vec<String> = schema
                .get("properties")
                .and_then(Value::as_object)
                .into_iter()
                .flatten()
                .filter(|(name, _)| required.contains(&name.as_str()))
                .map(|(name, schema)| {
                    format!(
                        "{}: {}",
                        crate::names::property_key(name),
                        sample(generated, schema, depth + 1)
                    )
                })
                .collect();
            if members.is_empty() {
                "{}".to_string()
            } else {
                format!("{{ {} }}", members.join(", "))
            }
        }
        _ => "{}".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_are_semantic() {
        assert_eq!(npm_version("0.1.0"), "0.1.0");
        assert_eq!(npm_version("1.2.3-beta.1"), "1.2.3-beta.1");
        assert_eq!(npm_version("1.2"), "1.2.0");
        assert_eq!(npm_version("v1"), "0.0.0");
    }
}
