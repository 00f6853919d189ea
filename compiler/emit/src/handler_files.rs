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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_files_are_written_as_bytes_with_a_table_main_installs() {
        let mut service = crate::fixtures::service_with(Vec::new(), None);
        let mut tree = OutputTree::new();
        add(&service, &mut tree).unwrap();
        assert_eq!(tree.files().count(), 0, "nothing without embedded files");
        assert!(main_items(&service).0.is_empty());

        service.embedded_files = vec![backworks_ir::EmbeddedFile {
            path: "/srv/app/logo.bin".to_string(),
            bytes: vec![0x89, 0xff, 0x00],
        }];
        add(&service, &mut tree).unwrap();
        let table = tree.get("server/src/embedded_files.rs").expect("table");
        assert!(table.contains("\"/srv/app/logo.bin\""), "{table}");
        assert!(
            table.contains("include_bytes!(\"../embedded/0\")"),
            "{table}"
        );
        // Not UTF-8: not listed as text, but written as it is.
        assert!(tree.get("server/embedded/0").is_none());
        let dir = std::env::temp_dir().join(format!("backworks-embedded-{}", std::process::id()));
        tree.write(&dir).unwrap();
        assert_eq!(
            std::fs::read(dir.join("server/embedded/0")).unwrap(),
            [0x89, 0xff, 0x00]
        );
        std::fs::remove_dir_all(dir).unwrap();
        let (module, install) = main_items(&service);
        assert_eq!(module.to_string(), "mod embedded_files ;");
        assert!(
            install
                .to_string()
                .contains("install (embedded_files :: FILES)")
        );
    }
}
