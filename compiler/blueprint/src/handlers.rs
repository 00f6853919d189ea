//! Finding and registering handler code: a file next to the blueprint, or JavaScript written
//! inline in it.
//!
//! ```text
//! handler: ./handlers/echo.js   ──▶  File(<project>/handlers/echo.js), registered as its own source
//! handler: |                    ──▶  Inline, registered as a source embedded in the blueprint,
//!   function handler(req) {…}        so a JS error in it points at the right YAML line
//! ```

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use backworks_diagnostics::{Diagnostic, Embedding, SourceId, Sources, Span};
use backworks_ir::{HandlerId, HandlerModule, HandlerOrigin, Language};

use crate::diagnostics;
use crate::yaml::{Node, NodeKind, ScalarStyle};

/// Extensions that mark a handler string as a file path rather than inline code.
const FILE_EXTENSIONS: &[(&str, Language)] = &[
    (".js", Language::JavaScript),
    (".mjs", Language::JavaScript),
    (".cjs", Language::JavaScript),
    (".ts", Language::TypeScript),
    (".mts", Language::TypeScript),
    (".cts", Language::TypeScript),
];

/// Collects the handler modules of a blueprint, registering each file once.
pub struct HandlerTable<'a> {
    /// The blueprint's source.
    pub blueprint: SourceId,
    /// The folder holding the blueprint.
    pub blueprint_dir: PathBuf,
    /// The project folder (paths are shown relative to it).
    pub project_root: PathBuf,
    /// Every source of the build.
    pub sources: &'a mut Sources,
    /// The modules found so far.
    pub modules: Vec<HandlerModule>,
    by_file: HashMap<PathBuf, HandlerId>,
}

impl<'a> HandlerTable<'a> {
    /// A table for the blueprint registered as `blueprint` at `blueprint_path`.
    pub fn new(
        blueprint: SourceId,
        blueprint_path: &Path,
        project_root: &Path,
        sources: &'a mut Sources,
    ) -> Self {
        HandlerTable {
            blueprint,
            blueprint_dir: blueprint_path
                .parent()
                .unwrap_or(Path::new("."))
                .to_path_buf(),
            project_root: project_root.to_path_buf(),
            sources,
            modules: Vec::new(),
            by_file: HashMap::new(),
        }
    }

    /// Resolves the handler written at `node` for endpoint `endpoint`.
    pub fn resolve(
        &mut self,
        node: &Node,
        code: &str,
        language: Option<Language>,
        endpoint: &str,
    ) -> Result<HandlerId, Diagnostic> {
        match file_language(code) {
            Some(file_language) => {
                self.resolve_file(node, code.trim(), language.unwrap_or(file_language))
            }
            None => Ok(self.register_inline(
                node,
                code,
                language.unwrap_or(Language::JavaScript),
                endpoint,
            )),
        }
    }

    fn resolve_file(
        &mut self,
        node: &Node,
        relative: &str,
        language: Language,
    ) -> Result<HandlerId, Diagnostic> {
        let here = Span::new(self.blueprint, node.span.start, node.span.end);
        let mut candidates = vec![self.blueprint_dir.join(relative)];
        // A blueprint kept in `blueprints/` names files relative to the project, as the
        // original Backworks examples do.
        if self
            .blueprint_dir
            .file_name()
            .is_some_and(|name| name == "blueprints")
        {
            candidates.push(self.project_root.join(relative));
        }
        // `./handlers/x.js` joined to a folder keeps its `.`; drop it so paths read cleanly.
        let candidates: Vec<PathBuf> = candidates
            .iter()
            .map(|path| {
                path.components()
                    .filter(|part| part.as_os_str() != ".")
                    .collect()
            })
            .collect();
        let Some(found) = candidates.iter().find(|candidate| candidate.is_file()) else {
            let shown: Vec<PathBuf> = candidates
                .iter()
                .map(|path| self.display_path(path))
                .collect();
            let shown: Vec<&Path> = shown.iter().map(PathBuf::as_path).collect();
            return Err(diagnostics::handler_not_found(
                self.blueprint,
                node.span.clone(),
                &shown,
            ));
        };
        let key = found.canonicalize().unwrap_or_else(|_| found.clone());
        if let Some(&id) = self.by_file.get(&key) {
            return Ok(id);
        }
        let text = std::fs::read_to_string(found).map_err(|error| {
            diagnostics::handler_unreadable(self.blueprint, node.span.clone(), &error.to_string())
        })?;
        let source = self.sources.add(self.display_path(found), text);
        let id = HandlerId(self.modules.len());
        self.modules.push(HandlerModule {
            origin: HandlerOrigin::File(found.clone()),
            source,
            language,
            declared_at: here,
            types: Default::default(),
            inputs: Default::default(),
        });
        self.by_file.insert(key, id);
        Ok(id)
    }

    fn register_inline(
        &mut self,
        node: &Node,
        code: &str,
        language: Language,
        endpoint: &str,
    ) -> HandlerId {
        let embedding = self.embedding(node);
        let blueprint_path = self.sources.get(self.blueprint).path.clone();
        let source = self.sources.add_embedded(blueprint_path, code, embedding);
        let extension = match language {
            Language::JavaScript => "js",
            Language::TypeScript => "ts",
        };
        let name: String = endpoint
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() {
                    c.to_ascii_lowercase()
                } else {
                    '_'
                }
            })
            .collect();
        let id = HandlerId(self.modules.len());
        self.modules.push(HandlerModule {
            origin: HandlerOrigin::Inline(
                self.blueprint_dir
                    .join(format!("inline_{}.{extension}", name.trim_matches('_'))),
            ),
            source,
            language,
            declared_at: Span::new(self.blueprint, node.span.start, node.span.end),
            types: Default::default(),
            inputs: Default::default(),
        });
        id
    }

    /// Where the inline code's first character sits in the blueprint.
    fn embedding(&self, node: &Node) -> Embedding {
        let blueprint = self.sources.get(self.blueprint);
        let (line, column) = blueprint.local_position(node.span.start as u32);
        match &node.kind {
            NodeKind::Scalar {
                style: ScalarStyle::Block,
                ..
            } => {
                // Content starts on the line after `|`, indented uniformly; find that indent.
                // The parser marks a block scalar either at its `|`/`>` indicator or at its
                // first content line, depending on the layout around it.
                let at_indicator = blueprint
                    .text
                    .get(node.span.start..)
                    .is_some_and(|rest| rest.starts_with(['|', '>']));
                let first = if at_indicator { line + 1 } else { line };
                let indent = blueprint
                    .text
                    .lines()
                    .skip(first)
                    .find(|content| !content.trim().is_empty())
                    .map_or(0, |content| content.len() - content.trim_start().len());
                Embedding {
                    line: first as u32,
                    column: indent as u32,
                    first_line_column: indent as u32,
                }
            }
            NodeKind::Scalar {
                style: ScalarStyle::Quoted,
                ..
            } => Embedding {
                line: line as u32,
                column: 0,
                first_line_column: column as u32 + 1,
            },
            _ => Embedding {
                line: line as u32,
                column: 0,
                first_line_column: column as u32,
            },
        }
    }

    /// `path` relative to the project, as diagnostics show it.
    fn display_path(&self, path: &Path) -> PathBuf {
        let cleaned: PathBuf = path.components().filter(|c| c.as_os_str() != ".").collect();
        let root: PathBuf = self
            .project_root
            .components()
            .filter(|c| c.as_os_str() != ".")
            .collect();
        cleaned
            .strip_prefix(&root)
            .map(Path::to_path_buf)
            .unwrap_or(cleaned)
    }
}

/// The language of a handler string that names a file, or `None` for inline code.
fn file_language(code: &str) -> Option<Language> {
    let code = code.trim();
    if code.contains(['\n', '(', '{', ';', ' ']) {
        return None;
    }
    FILE_EXTENSIONS
        .iter()
        .find(|(extension, _)| code.ends_with(extension))
        .map(|(_, language)| *language)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_paths_and_inline_code_are_told_apart() {
        assert_eq!(
            file_language("./handlers/echo.js"),
            Some(Language::JavaScript)
        );
        assert_eq!(
            file_language("handlers/model.ts"),
            Some(Language::TypeScript)
        );
        assert_eq!(file_language("function handler(req) { return {}; }"), None);
        assert_eq!(file_language("(req) => ({ body: 'x.js' })"), None);
    }
}
