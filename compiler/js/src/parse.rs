//! Parsing a handler file with swc, and mapping swc positions back to registered sources.
//!
//! swc numbers bytes from `BytePos(1)` at the start of the first file of a `SourceMap`; our
//! diagnostics use 0-based byte offsets into the registered text. [`SpanMap`] does that
//! conversion:
//!
//! ```text
//! text "let x = @;"   swc error at BytePos(9)   →   Span { start: 8, end: 9 } (the `@`)
//! ```
//!
//! Parsing never panics out of this module: a panic inside swc is caught and reported as a
//! `js-syntax` diagnostic.

use std::panic::{AssertUnwindSafe, catch_unwind};

use backworks_diagnostics::{Diagnostic, SourceId, Span};
use swc_core::common::{BytePos, FileName, SourceMap, Spanned, sync::Lrc};
use swc_core::ecma::ast::{EsVersion, Module, ModuleItem, Program};
use swc_core::ecma::parser::{EsSyntax, Syntax, TsSyntax, parse_file_as_program};

use crate::Language;
use crate::diagnostics;

/// Converts swc spans of one file to diagnostic spans.
#[derive(Clone, Copy)]
pub(crate) struct SpanMap {
    source: SourceId,
    start: BytePos,
    len: u32,
}

impl SpanMap {
    /// swc position of the file's first byte.
    pub(crate) fn start(&self) -> BytePos {
        self.start
    }

    /// The diagnostic span of an swc span.
    pub(crate) fn span(&self, span: swc_core::common::Span) -> Span {
        let offset = |pos: BytePos| pos.0.saturating_sub(self.start.0).min(self.len) as usize;
        let start = offset(span.lo);
        let end = offset(span.hi).max(start);
        Span::new(self.source, start, end)
    }
}

/// A parsed module and its span map.
pub(crate) struct Parsed {
    pub(crate) module: Module,
    pub(crate) spans: SpanMap,
}

/// Parses `text`: as an ES module when it has `import`/`export`, else as a script (CommonJS), so
/// sloppy-mode constructs such as `with` reach the lowering and get a precise diagnostic.
pub(crate) fn parse(
    source: SourceId,
    text: &str,
    language: Language,
) -> Result<Parsed, Vec<Diagnostic>> {
    let map: Lrc<SourceMap> = Default::default();
    let file = map.new_source_file(Lrc::new(FileName::Anon), text.to_string());
    let spans = SpanMap {
        source,
        start: file.start_pos,
        len: text.len() as u32,
    };
    let syntax = match language {
        Language::JavaScript => Syntax::Es(EsSyntax::default()),
        Language::TypeScript => Syntax::Typescript(TsSyntax::default()),
    };
    let outcome = catch_unwind(AssertUnwindSafe(|| {
        let mut recovered = Vec::new();
        let result =
            parse_file_as_program(&file, syntax, EsVersion::latest(), None, &mut recovered);
        (result, recovered)
    }));
    let (result, recovered) = match outcome {
        Ok(parsed) => parsed,
        Err(_) => {
            return Err(vec![diagnostics::syntax(
                Span::new(source, 0, 0),
                "the parser failed on this file",
            )]);
        }
    };
    let mut errors: Vec<Diagnostic> = recovered
        .iter()
        .map(|error| diagnostics::syntax(spans.span(error.span()), &error.kind().msg()))
        .collect();
    match result {
        Ok(program) if errors.is_empty() => {
            let module = match program {
                Program::Module(module) => module,
                Program::Script(script) => Module {
                    span: script.span,
                    body: script.body.into_iter().map(ModuleItem::Stmt).collect(),
                    shebang: script.shebang,
                },
            };
            let mut module = module;
            crate::static_blocks::desugar(&mut module);
            Ok(Parsed { module, spans })
        }
        Ok(_) => Err(errors),
        Err(error) => {
            errors.push(diagnostics::syntax(
                spans.span(error.span()),
                &error.kind().msg(),
            ));
            Err(errors)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syntax_error_spans_are_zero_based_byte_offsets() {
        let mut sources = backworks_diagnostics::Sources::new();
        let text = "let x = @;";
        let id = sources.add("x.js", text);
        let Err(errors) = parse(id, text, Language::JavaScript) else {
            panic!("expected a syntax error");
        };
        let span = errors[0].primary_span().expect("a span");
        assert_eq!(&text[span.start as usize..span.end as usize], "@");
    }
}
