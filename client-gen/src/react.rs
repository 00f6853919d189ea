//! `clients/react/`, `@<service>/react`: a hook per operation over the client package's stores
//! (`templates/react/runtime.js`), and for each query the plain key and options objects that
//! TanStack Query takes as they are.
//!
//! ```text
//! listNotes (GET)   ─▶ export const useListNotes = (params, options) => useQuery("listNotes", params, options);
//!                      export const listNotesQueryKey = (params) => queryKey(service, "listNotes", params);
//!                      export const listNotesQueryOptions = (client, params) => queryOptions(client, service, "listNotes", params);
//! createNote (POST) ─▶ export const useCreateNote = () => useMutation("createNote");
//! ```

use crate::Generated;
use crate::frameworks::{
    Framework, comment, example_args, examples, names, operation_views, package_files, params_decl,
    readme_context,
};
use crate::names::string_literal;

pub(crate) const REACT: Framework = Framework {
    dir: "react",
    peer: ("react", ">=18"),
    summary: "React hooks",
    reserved: &[
        "BackworksProvider",
        "useClient",
        "useQuery",
        "useMutation",
        "queryKey",
        "queryOptions",
    ],
    runtime_js: include_str!("../../templates/react/runtime.js"),
    runtime_d_ts: include_str!("../../templates/react/runtime.d.ts"),
    readme: include_str!("../../templates/react/README.md.j2"),
};

/// The names of one operation's functions.
struct Functions {
    hook: String,
    key: Option<String>,
    options: Option<String>,
}

pub(crate) fn package(generated: &Generated) -> Vec<(String, String)> {
    let views = operation_views(generated);
    let mut taken = names(&REACT);
    let functions: Vec<Functions> = views
        .iter()
        .map(|view| Functions {
            hook: taken.fresh(&format!("use{}", view.pascal)),
            key: view
                .query
                .then(|| taken.fresh(&format!("{}QueryKey", view.operation.member))),
            options: view
                .query
                .then(|| taken.fresh(&format!("{}QueryOptions", view.operation.member))),
        })
        .collect();

    let service = string_literal(&backworks_ir::package_name(&generated.service.name));
    let mut js = generated.header.clone();
    js.push_str(
        "import { queryKey, queryOptions, useMutation, useQuery } from \"./runtime.js\";\n\n",
    );
    js.push_str("export { BackworksProvider, useClient } from \"./runtime.js\";\n\n");
    js.push_str(&format!("const service = {service};\n"));
    let mut ts = generated.header.clone();
    ts.push_str("import type * as c from \"./client.js\";\n");
    ts.push_str("import type { MutationResult, QueryKey, QueryOptionsOf, QueryResult } from \"./runtime.js\";\n\n");
    ts.push_str("export { BackworksProvider, useClient } from \"./runtime.js\";\n");
    ts.push_str("export type { BackworksProviderProps, MutationArgs, MutationResult, QueryKey, QueryOptionsOf, QueryResult } from \"./runtime.js\";\n");

    for (view, names) in views.iter().zip(&functions) {
        let op = string_literal(&view.operation.member);
        js.push('\n');
        js.push_str(&comment(view.operation));
        ts.push('\n');
        ts.push_str(&comment(view.operation));
        let params = params_decl(view);
        if view.query {
            let (key, options) = (
                names.key.as_deref().unwrap_or_default(),
                names.options.as_deref().unwrap_or_default(),
            );
            js.push_str(&format!(
                "export const {} = (params, options) => useQuery({op}, params, options);\n",
                names.hook
            ));
            js.push_str(&format!(
                "export const {key} = (params) => queryKey(service, {op}, params);\n"
            ));
            js.push_str(&format!(
                "export const {options} = (client, params) => queryOptions(client, service, {op}, params);\n"
            ));
            ts.push_str(&format!(
                "export declare function {}({params}, options?: c.QueryOptions): QueryResult<{op}>;\n",
                names.hook
            ));
            // Without parameters the key and options take none.
            let (bare, with_client) = if view.params.is_some() {
                (params.clone(), format!("client: c.Client, {params}"))
            } else {
                (String::new(), "client: c.Client".to_string())
            };
            ts.push_str(&format!(
                "export declare function {key}({bare}): QueryKey<{op}>;\n"
            ));
            ts.push_str(&format!(
                "export declare function {options}({with_client}): QueryOptionsOf<{op}>;\n"
            ));
        } else {
            js.push_str(&format!(
                "export const {} = () => useMutation({op});\n",
                names.hook
            ));
            ts.push_str(&format!(
                "export declare function {}(): MutationResult<{op}>;\n",
                names.hook
            ));
        }
    }

    let hooks: Vec<String> = functions.iter().map(|names| names.hook.clone()).collect();
    let mut readme = readme_context(generated, &views, &hooks);
    let (query, _) = examples(&views);
    readme.options_function = query.and_then(|index| functions[index].options.clone());
    readme.options_call = query.map(|index| {
        let args = example_args(generated, &views[index]);
        let options = functions[index].options.clone().unwrap_or_default();
        if args.is_empty() {
            format!("{options}(client)")
        } else {
            format!("{options}(client, {args})")
        }
    });
    package_files(generated, &REACT, js, ts, readme)
}
