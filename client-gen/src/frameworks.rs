//! What the React, Vue and Svelte packages share: their `package.json` (named after the
//! service and the framework, versioned as the service, with the framework as its only peer
//! and the client package beside it as its only dependency), a `client.js` that re-exports
//! `@<service>/client` so the static runtimes of `templates/<framework>/` name no service, one
//! row per operation, and the README.
//!
//! ```text
//! notes-auth 0.1.0, react ─▶ clients/react/package.json
//!   { "name": "@notes-auth/react", "version": "0.1.0",
//!     "dependencies": { "@notes-auth/client": "file:../client" },
//!     "peerDependencies": { "react": ">=18" } }
//! ```

use minijinja::context;
use serde::Serialize;

use crate::Generated;
use crate::declarations::is_query;
use crate::names::{Names, pascal_case, string_literal};
use crate::operations::Operation;
use crate::package::{example_params, npm_version, package_name, render};

const PACKAGE_JSON: &str = include_str!("../../templates/frameworks/package.json.j2");

/// One framework's package.
pub(crate) struct Framework {
    /// Its folder under `clients/` and the last part of its npm name: `react`.
    pub(crate) dir: &'static str,
    /// The framework's npm name and the versions the package works with.
    pub(crate) peer: (&'static str, &'static str),
    /// What the package is, after "… for <service>".
    pub(crate) summary: &'static str,
    /// The names the runtime exports, which no operation's function may take.
    pub(crate) reserved: &'static [&'static str],
    pub(crate) runtime_js: &'static str,
    pub(crate) runtime_d_ts: &'static str,
    pub(crate) readme: &'static str,
}

/// The npm name of `framework`'s package: `@notes-auth/react`.
pub(crate) fn framework_package_name(generated: &Generated, framework: &Framework) -> String {
    format!(
        "@{}/{}",
        backworks_ir::package_name(&generated.service.name),
        framework.dir
    )
}

/// The files of a framework package, given its generated `index.js` and `index.d.ts` and
/// the README's rows and examples.
pub(crate) fn package_files(
    generated: &Generated,
    framework: &Framework,
    index_js: String,
    index_d_ts: String,
    readme: ReadmeContext,
) -> Vec<(String, String)> {
    let client = package_name(generated);
    let shim = format!(
        "{}// The client package, under one name the runtime can import whatever the service is called.\nexport * from {};\n",
        generated.header,
        string_literal(&client)
    );
    vec![
        (
            "README.md".to_string(),
            readme_text(generated, framework, readme),
        ),
        ("client.d.ts".to_string(), shim.clone()),
        ("client.js".to_string(), shim),
        ("index.d.ts".to_string(), index_d_ts),
        ("index.js".to_string(), index_js),
        (
            "package.json".to_string(),
            package_json(generated, framework),
        ),
        (
            "runtime.d.ts".to_string(),
            framework.runtime_d_ts.to_string(),
        ),
        ("runtime.js".to_string(), framework.runtime_js.to_string()),
    ]
}

fn package_json(generated: &Generated, framework: &Framework) -> String {
    let service = &generated.service;
    render(
        PACKAGE_JSON,
        context! {
            name => string_literal(&framework_package_name(generated, framework)),
            version => string_literal(&npm_version(&service.version)),
            description => string_literal(&format!("{} for {}.", framework.summary, service.name)),
            client => string_literal(&package_name(generated)),
            peer => string_literal(framework.peer.0),
            peer_range => string_literal(framework.peer.1),
        },
    )
}

/// An operation as a framework package names and types it.
pub(crate) struct OperationView<'a> {
    pub(crate) operation: &'a Operation,
    /// `ListNotes`: what the package's names are made of.
    pub(crate) pascal: String,
    /// Whether it reads (a query) rather than writes (a mutation).
    pub(crate) query: bool,
    /// The params' type in the client package, `c.ListNotesParams`, and whether they may be
    /// left out; `None` without parameters.
    pub(crate) params: Option<(String, bool)>,
}

/// Every operation of the service, its names drawn from a namespace that holds the
/// runtime's exports (`names`).
pub(crate) fn operation_views<'a>(generated: &'a Generated) -> Vec<OperationView<'a>> {
    generated
        .operations
        .iter()
        .map(|operation| OperationView {
            operation,
            pascal: pascal_case(&operation.member),
            query: is_query(operation),
            params: operation.takes_params().then(|| {
                (
                    format!("c.{}", operation.params_type),
                    operation.params_optional(),
                )
            }),
        })
        .collect()
}

/// The namespace of a package's exported functions.
pub(crate) fn names(framework: &Framework) -> Names {
    Names::reserving(framework.reserved)
}

/// `/** `GET /notes`: List notes. */` above an operation's functions.
pub(crate) fn comment(operation: &Operation) -> String {
    let mut text = format!("`{} {}`", operation.method, operation.path);
    if let Some(summary) = &operation.summary {
        text.push_str(&format!(": {}", summary.replace("*/", "* /")));
    }
    format!("/** {} */\n", text.replace('\n', " "))
}

/// One function of the package, for the README's table.
#[derive(Serialize)]
pub(crate) struct Row {
    pub(crate) function: String,
    pub(crate) kind: &'static str,
    pub(crate) method: String,
    pub(crate) path: String,
}

/// What a README shows besides the table: a query and a mutation of the service's own.
#[derive(Serialize, Default)]
pub(crate) struct ReadmeContext {
    pub(crate) rows: Vec<Row>,
    /// The function of the first query needing no credentials (else the first), and its args.
    pub(crate) query: Option<(String, String)>,
    /// The first mutation's function and example params.
    pub(crate) mutation: Option<(String, String)>,
    /// A query over a resource's list (live), if any.
    pub(crate) live: Option<String>,
    /// The TanStack options call of the example query (React): `listNotesQueryOptions(client)`.
    pub(crate) options_call: Option<String>,
    /// The function `options_call` calls.
    pub(crate) options_function: Option<String>,
}

/// The README's table and examples for a package that exports operation `i` of `views` as
/// `functions[i]` (React adds its TanStack options call on top).
pub(crate) fn readme_context(
    generated: &Generated,
    views: &[OperationView],
    functions: &[String],
) -> ReadmeContext {
    let rows = views
        .iter()
        .zip(functions)
        .map(|(view, function)| Row {
            function: function.clone(),
            kind: if view.query { "query" } else { "mutation" },
            method: view.operation.method.clone(),
            path: view.operation.path.clone(),
        })
        .collect();
    let (query, mutation) = examples(views);
    let example = |index: usize| {
        (
            functions[index].clone(),
            example_args(generated, &views[index]),
        )
    };
    ReadmeContext {
        rows,
        query: query.map(example),
        mutation: mutation.map(example),
        live: live_function(generated, views).map(|index| functions[index].clone()),
        ..ReadmeContext::default()
    }
}

/// The README's examples: the index of the query (the first needing no credentials, else
/// the first) and of the mutation to show.
pub(crate) fn examples(views: &[OperationView]) -> (Option<usize>, Option<usize>) {
    let query = views
        .iter()
        .position(|view| view.query && !view.operation.secured)
        .or_else(|| views.iter().position(|view| view.query));
    let mutation = views.iter().position(|view| !view.query);
    (query, mutation)
}

/// `params?: c.ListNotesParams`, `params: c.GetNoteParams`, or `params?: undefined`.
pub(crate) fn params_decl(view: &OperationView) -> String {
    match &view.params {
        Some((ty, true)) => format!("params?: {ty}"),
        Some((ty, false)) => format!("params: {ty}"),
        None => "params?: undefined".to_string(),
    }
}

/// The index of the first resource list's operation: the README's live example.
pub(crate) fn live_function(generated: &Generated, views: &[OperationView]) -> Option<usize> {
    let list = generated
        .resources
        .iter()
        .find_map(|resource| resource.list)?;
    views
        .iter()
        .position(|view| std::ptr::eq(view.operation, &generated.operations[list]))
}

/// The params of an example call, `{ id: 1 }` or nothing.
pub(crate) fn example_args(generated: &Generated, view: &OperationView) -> String {
    example_params(generated, view.operation)
}

fn readme_text(generated: &Generated, framework: &Framework, readme: ReadmeContext) -> String {
    let service = &generated.service;
    render(
        framework.readme,
        context! {
            name => framework_package_name(generated, framework),
            client => package_name(generated),
            service => service.name,
            version => service.version,
            base_url => generated.example_base_url(),
            peer => framework.peer.0,
            peer_range => framework.peer.1,
            rows => readme.rows,
            query => readme.query,
            mutation => readme.mutation,
            live => readme.live,
            options_call => readme.options_call,
            options_function => readme.options_function,
        },
    )
}
