//! `clients/svelte/`, `@<service>/svelte`: a function per operation over the client package's
//! stores (`templates/svelte/runtime.js`), Svelte 5 style: queries take a thunk of their
//! params (`createListNotes(() => ({ limit }))`) and return an object whose getters are
//! reactive and which is also a store (`$query`).
//!
//! ```text
//! listNotes (GET)   ─▶ export const createListNotes = (params, options) => query("listNotes", params, options);
//! createNote (POST) ─▶ export const createCreateNote = (options) => mutation("createNote", options);
//! ```

use crate::Generated;
use crate::frameworks::{
    Framework, OperationView, comment, names, operation_views, package_files, readme_context,
};
use crate::names::string_literal;

pub(crate) const SVELTE: Framework = Framework {
    dir: "svelte",
    peer: ("svelte", ">=5.7.0"),
    summary: "Svelte 5 queries and stores",
    reserved: &[
        "setBackworksClient",
        "getBackworksClient",
        "query",
        "mutation",
    ],
    runtime_js: include_str!("../../templates/svelte/runtime.js"),
    runtime_d_ts: include_str!("../../templates/svelte/runtime.d.ts"),
    readme: include_str!("../../templates/svelte/README.md.j2"),
};

/// `params?: ParamsSource<c.ListNotesParams | undefined>`, `params: ParamsSource<c.GetNoteParams>`.
fn params_decl(view: &OperationView) -> String {
    match &view.params {
        Some((ty, true)) => format!("params?: ParamsSource<{ty} | undefined>"),
        Some((ty, false)) => format!("params: ParamsSource<{ty}>"),
        None => "params?: undefined".to_string(),
    }
}

pub(crate) fn package(generated: &Generated) -> Vec<(String, String)> {
    let views = operation_views(generated);
    let mut taken = names(&SVELTE);
    let functions: Vec<String> = views
        .iter()
        .map(|view| taken.fresh(&format!("create{}", view.pascal)))
        .collect();

    let mut js = generated.header.clone();
    js.push_str("import { mutation, query } from \"./runtime.js\";\n\n");
    js.push_str("export { getBackworksClient, setBackworksClient } from \"./runtime.js\";\n");
    let mut ts = generated.header.clone();
    ts.push_str("import type * as c from \"./client.js\";\n");
    ts.push_str("import type { CreateMutationOptions, CreateQueryOptions, Mutation, ParamsSource, Query } from \"./runtime.js\";\n\n");
    ts.push_str("export { getBackworksClient, setBackworksClient } from \"./runtime.js\";\n");
    ts.push_str("export type { CreateMutationOptions, CreateQueryOptions, Mutation, MutationArgs, ParamsSource, Query, Reactive } from \"./runtime.js\";\n");

    for (view, function) in views.iter().zip(&functions) {
        let op = string_literal(&view.operation.member);
        js.push('\n');
        js.push_str(&comment(view.operation));
        ts.push('\n');
        ts.push_str(&comment(view.operation));
        if view.query {
            js.push_str(&format!(
                "export const {function} = (params, options) => query({op}, params, options);\n"
            ));
            ts.push_str(&format!(
                "export declare function {function}({}, options?: CreateQueryOptions): Query<{op}>;\n",
                params_decl(view)
            ));
        } else {
            js.push_str(&format!(
                "export const {function} = (options) => mutation({op}, options);\n"
            ));
            ts.push_str(&format!(
                "export declare function {function}(options?: CreateMutationOptions): Mutation<{op}>;\n"
            ));
        }
    }

    let readme = readme_context(generated, &views, &functions);
    package_files(generated, &SVELTE, js, ts, readme)
}
