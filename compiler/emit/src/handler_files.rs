//! The project files handlers read with `fs` (`Service::embedded_files`), written beside the
//! generated code and compiled into the server with `include_bytes!`, so the server reads no
//! file at run time (and needs no project folder beside it).
//!
//! ```text
//! server/embedded/0            the bytes of /srv/app/templates/welcome.html, as the build read them
//! server/src/embedded_files.rs pub static FILES = &[EmbeddedFile { path: "/srv/app/…", bytes: include_bytes!("../embedded/0") }]
//! server/src/main.rs           mod embedded_files; … install(embedded_files::FILES) before serving
//! ```

use backworks_diagnostics::Diagnostic;
use backworks_ir::Service;
use proc_macro2::TokenStream;
use quote::quote;

use crate::output::OutputTree;
use crate::rust_file::format_rust_file;

/// Adds the files and their table to `tree` (nothing when no handler reads a file).
pub(crate) fn add(service: &Service, tree: &mut OutputTree) -> Result<(), Diagnostic> {
    if service.embedded_files.is_empty() {
        return Ok(());
    }
    let entries = service
        .embedded_files
        .iter()
        .enumerate()
        .map(|(index, file)| {
            let path = &file.path;
            let bytes = format!("../embedded/{index}");
            quote! {
                EmbeddedFile { path: #path, bytes: include_bytes!(#bytes) }
            }
        });
    for (index, file) in service.embedded_files.iter().enumerate() {
        tree.add_bytes(format!("server/embedded/{index}"), file.bytes.clone());
    }
    tree.add(
        "server/src/embedded_files.rs",
        format_rust_file(
            quote! {
                use backworks_runtime::js::node::embedded_files::EmbeddedFile;

                /// The project files the handlers read with `fs`, by absolute path.
                pub static FILES: &[EmbeddedFile] = &[#(#entries),*];
            },
            "project files read by handlers",
        )?,
    );
    Ok(())
}

/// `main.rs`'s declaration of the table's module, and the statement installing it.
pub(crate) fn main_items(service: &Service) -> (TokenStream, TokenStream) {
    if service.embedded_files.is_empty() {
        return (TokenStream::new(), TokenStream::new());
    }
    (
        quote! { mod embedded_files; },
        quote! { backworks_runtime::js::node::embedded_files::install(embedded_files::FILES); },
    )
}
