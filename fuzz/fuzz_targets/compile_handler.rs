//! The JavaScript compiler must never panic, whatever it is given: any text, compiled as a
//! JavaScript and as a TypeScript handler module, ends in a program or in diagnostics.
//!
//! Run: `scripts/fuzz.sh` (or `cargo fuzz run compile_handler` in `fuzz/`).

#![no_main]

use std::path::Path;

use backworks_diagnostics::{SourceId, Sources};
use backworks_js::{HandlerSource, Language, SourceLoader};
use libfuzzer_sys::fuzz_target;

/// Every `require` of a fuzzed module reads the same module again, so the module graph code
/// runs too (cycles included).
struct Echo {
    sources: Sources,
    text: String,
}

impl SourceLoader for Echo {
    fn load(&mut self, path: &Path) -> Result<(SourceId, String), String> {
        if self.sources.find(path).is_some() || path.extension().is_none_or(|ext| ext != "js") {
            return Err("no such file".to_string());
        }
        Ok((self.sources.add(path, self.text.clone()), self.text.clone()))
    }

    fn embed(&mut self, path: &Path, text: &str) -> SourceId {
        self.sources.add(path, text)
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    for language in [Language::JavaScript, Language::TypeScript] {
        let mut loader = Echo { sources: Sources::new(), text: text.to_string() };
        let source = loader.sources.add("handler.js", text);
        let handler = HandlerSource {
            source,
            text: text.to_string(),
            path: "handler.js".into(),
            language,
        };
        let _ = backworks_js::compile(&[handler], &mut loader);
    }
});
