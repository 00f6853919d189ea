//! Source texts that diagnostics point into, and the mapping from byte offsets to line:col.

use std::path::{Path, PathBuf};

/// Identifies a [`Source`] within [`Sources`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SourceId(u32);

/// A byte range `start..end` in one source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Span {
    /// The source the offsets index.
    pub source: SourceId,
    /// Offset of the first byte.
    pub start: u32,
    /// Offset one past the last byte (equal to `start` for a point).
    pub end: u32,
}

impl Span {
    /// A span over `start..end` of `source`.
    pub fn new(source: SourceId, start: usize, end: usize) -> Self {
        Span {
            source,
            start: start as u32,
            end: end.max(start) as u32,
        }
    }
}

/// Where a text embedded in a larger file (an inline handler in YAML) starts in that file.
///
/// Every line of the embedded text is assumed to sit `column` columns right of where it appears
/// in the text, which holds for YAML block scalars (their indentation is stripped uniformly).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Embedding {
    /// 0-based line of the host file holding the text's first line.
    pub line: u32,
    /// 0-based column added to every line of the text.
    pub column: u32,
    /// 0-based column of the text's first character on its first line (differs from `column`
    /// when the text starts on the same line as its key, as in a quoted scalar).
    pub first_line_column: u32,
}

/// One text diagnostics can point into.
#[derive(Debug, Clone)]
pub struct Source {
    /// The path shown to people, relative to the project where possible.
    pub path: PathBuf,
    /// The full text.
    pub text: String,
    /// Set when the text is embedded in `path` rather than being the whole file.
    pub embedding: Option<Embedding>,
    line_starts: Vec<u32>,
}

/// A resolved position: 1-based line and column (in characters), as editors and rustc print them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    /// The file shown to people.
    pub path: PathBuf,
    /// 1-based line in `path`.
    pub line: u32,
    /// 1-based column in characters.
    pub column: u32,
}

impl Source {
    fn new(path: PathBuf, text: String, embedding: Option<Embedding>) -> Self {
        let line_starts = std::iter::once(0)
            .chain(
                text.match_indices('\n')
                    .map(|(offset, _)| offset as u32 + 1),
            )
            .collect();
        Source {
            path,
            text,
            embedding,
            line_starts,
        }
    }

    /// The 0-based line of the text that holds `offset`.
    fn line_index(&self, offset: u32) -> usize {
        self.line_starts
            .partition_point(|&start| start <= offset)
            .saturating_sub(1)
    }

    /// The text of the 0-based line `index`, without its line break.
    pub fn line_text(&self, index: usize) -> &str {
        let start = self.line_starts[index] as usize;
        let end = self
            .line_starts
            .get(index + 1)
            .map_or(self.text.len(), |&next| next as usize - 1);
        self.text[start..end].trim_end_matches('\r')
    }

    /// 0-based line and 0-based character column of `offset` within this text (not the host file).
    pub fn local_position(&self, offset: u32) -> (usize, usize) {
        let offset = offset.min(self.text.len() as u32);
        let line = self.line_index(offset);
        let start = self.line_starts[line] as usize;
        let mut end = offset as usize;
        while !self.text.is_char_boundary(end) {
            end -= 1;
        }
        (line, self.text[start..end].chars().count())
    }

    /// How far right of its text position line `line` of this text sits in the host file.
    pub fn column_shift(&self, line: usize) -> usize {
        match self.embedding {
            None => 0,
            Some(embedding) if line == 0 => embedding.first_line_column as usize,
            Some(embedding) => embedding.column as usize,
        }
    }

    /// The host-file position of `offset`.
    pub fn location(&self, offset: u32) -> Location {
        let (line, column) = self.local_position(offset);
        let line_shift = self
            .embedding
            .map_or(0, |embedding| embedding.line as usize);
        Location {
            path: self.path.clone(),
            line: (line + line_shift + 1) as u32,
            column: (column + self.column_shift(line) + 1) as u32,
        }
    }
}

/// Every source of one compilation.
#[derive(Debug, Clone, Default)]
pub struct Sources {
    files: Vec<Source>,
}

impl Sources {
    /// An empty set.
    pub fn new() -> Self {
        Sources::default()
    }

    /// Registers a whole file.
    pub fn add(&mut self, path: impl Into<PathBuf>, text: impl Into<String>) -> SourceId {
        self.push(Source::new(path.into(), text.into(), None))
    }

    /// Registers a text embedded in the file `path` at `embedding`.
    pub fn add_embedded(
        &mut self,
        path: impl Into<PathBuf>,
        text: impl Into<String>,
        embedding: Embedding,
    ) -> SourceId {
        self.push(Source::new(path.into(), text.into(), Some(embedding)))
    }

    fn push(&mut self, source: Source) -> SourceId {
        self.files.push(source);
        SourceId(self.files.len() as u32 - 1)
    }

    /// The source behind `id`.
    pub fn get(&self, id: SourceId) -> &Source {
        &self.files[id.0 as usize]
    }

    /// The source registered for the whole file `path`, if any.
    pub fn find(&self, path: &Path) -> Option<SourceId> {
        self.files
            .iter()
            .position(|source| source.embedding.is_none() && source.path == path)
            .map(|index| SourceId(index as u32))
    }

    /// Where `span` starts, in host-file terms.
    pub fn location(&self, span: Span) -> Location {
        self.get(span.source).location(span.start)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locations_are_one_based_and_count_characters() {
        let mut sources = Sources::new();
        let id = sources.add("a.js", "let é = 1;\nfoo();\n");
        let second_line = "let é = 1;\n".len();
        let location = sources.location(Span::new(id, second_line, second_line + 3));
        assert_eq!((location.line, location.column), (2, 1));
        let after_accent = "let é".len();
        let location = sources.location(Span::new(id, after_accent, after_accent));
        assert_eq!((location.line, location.column), (1, 6));
    }

    #[test]
    fn embedded_text_maps_back_into_its_host_file() {
        let mut sources = Sources::new();
        let embedding = Embedding {
            line: 9,
            column: 6,
            first_line_column: 6,
        };
        let id = sources.add_embedded("backworks.yaml", "function h() {\n  oops;\n}\n", embedding);
        let location = sources.location(Span::new(id, 17, 21));
        assert_eq!(location.path, PathBuf::from("backworks.yaml"));
        assert_eq!((location.line, location.column), (11, 9));
    }
}
