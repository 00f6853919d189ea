//! `clients/vue/`, `@<service>/vue`: a plugin (`app.use(createBackworks(client))`) and a
//! composable per operation over the client package's stores (`templates/vue/runtime.js`);
//! queries take refs, getters or values (`MaybeRefOrGetter`) and return refs.
//!
//! ```text
//! listNotes (GET)   ─▶ export const useListNotes = (params, options) => useQuery("listNotes", params, options);
//! createNote (POST) ─▶ export const useCreateNote = () => useMutation("createNote");
//! ```

use crate::Generated;
use crate::frameworks::{
    Framework, OperationView, comment, names, operation_views, package_files, readme_context,
};
use crate::names::string_literal;

pub(crate) const VUE: Framework = Framework {
    dir: "vue",
    peer: ("vue", ">=3.3"),
    summary: "Vue composables",
    reserved: &["createBackworks", "useClient", "useQuery", "useMutation"],
    runtime_js: include_str!("../../templates/vue/runtime.js"),
    runtime_d_ts: include_str!("../../templates/vue/runtime.d.ts"),
    readme: include_str!("../../templates/vue/README.md.j2"),
};

/// `params?: MaybeRefOrGetter<c.ListNotesParams | undefined>`, `params: MaybeRefOrGetter<c.GetNoteParams>`.
fn params_decl(view: &OperationView) -> String {
    match &view.params {
        Some((ty, true)) => format!("params?: MaybeRefOrGetter<{ty} | undefined>"),
        Some((ty, false)) => format!("params: MaybeRefOrGetter<{ty}>"),
        None => "params?: undefined".to_string(),
    }
}

pub(crate) fn package(generated: &Generated) -> Vec<(String, String)> {
    let views = operation_views(generated);
    let mut taken = names(&VUE);
    let functions: Vec<String> = views
        .iter()
        .map(|view| taken.fresh(&format!("use{}", view.pascal)))
        .collect();

    let mut js = generated.header.clone();
    js.push_str("import { useMutation, useQuery } from \"./runtime.js\";\n\n");
    js.push_str("export { createBackworks, useClient } from \"./runtime.js\";\n");
    let mut ts = generated.header.clone();
    ts.push_str("import type { MaybeRefOrGetter } from \"vue\";\n");
    ts.push_str("import type * as c from \"./client.js\";\n");
    ts.push_str("import type { MutationRefs, QueryRefs } from \"./runtime.js\";\n\n");
    ts.push_str("export { createBackworks, useClient } from \"./runtime.js\";\n");
    ts.push_str(
        "export type { MutationArgs, MutationRefs, QueryRefs, StateRefs } from \"./runtime.js\";\n",
    );

    for (view, function) in views.iter().zip(&functions) {
        let op = string_literal(&view.operation.member);
        js.push('\n');
        js.push_str(&comment(view.operation));
        ts.push('\n');
        ts.push_str(&comment(view.operation));
        if view.query {
            js.push_str(&format!(
                "export const {function} = (params, options) => useQuery({op}, params, options);\n"
            ));
            ts.push_str(&format!(
                "export declare function {function}({}, options?: MaybeRefOrGetter<c.QueryOptions | undefined>): QueryRefs<{op}>;\n",
                params_decl(view)
            ));
        } else {
            js.push_str(&format!(
                "export const {function} = () => useMutation({op});\n"
            ));
            ts.push_str(&format!(
                "export declare function {function}(): MutationRefs<{op}>;\n"
            ));
        }
    }

    let readme = readme_context(generated, &views, &functions);
    package_files(generated, &VUE, js, ts, readme)
}
