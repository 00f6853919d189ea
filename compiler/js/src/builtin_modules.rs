//! Node's built-in modules: which specifiers name one, what each exports, and where its
//! implementation lives.
//!
//! ```text
//! require("path"), require("node:path"), import { join } from "path"   → the module `path`
//! import { nope } from "node:path"   → error: the module "node:path" does not provide an export named 'nope'
//! require("http"), import "node:nope" → error naming the module and the supported ones
//! ```
//!
//! A built-in module becomes one more unit of the program (`program.rs`), a CommonJS module
//! named `node:<name>`, evaluated once per isolate registry like a project file, so that
//! `require("path") === require("node:path")` and module state (an `EventEmitter` class, a
//! deprecation's "warned once") is shared as in Node. Its source is either JavaScript of our own
//! in `src/node/<name>.js`, compiled like a handler module (the semantics are naturally
//! JavaScript: classes users subclass, callbacks, `this`), or, for a module implemented in the
//! runtime, the one line `module.exports = __node.module("<name>")`, which takes the namespace
//! object `runtime-lib/src/js/node/mod.rs::module` builds. Either way the default import is
//! `module.exports` and the named imports are its properties, as Node's built-in ES module
//! wrappers give, and `exports` below is the list a named import is checked against (Node's
//! linker refuses a name it does not have).
//!
//! The JavaScript sources may call `__node.*` intrinsics (`inspect`, `received`, `cwd`, …;
//! `runtime-lib/src/js/node/mod.rs`), which handler code cannot reach.

/// How a built-in module is implemented.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Implementation {
    /// JavaScript source of our own, compiled like a handler module.
    JavaScript(&'static str),
    /// A namespace object built by the runtime (`__node.module(name)`): the modules whose
    /// semantics are Rust's (`crypto`'s hashes, `buffer`'s bytes, `url`'s WHATWG parser).
    Runtime,
}

/// One supported built-in module.
#[derive(Debug)]
pub(crate) struct BuiltinModule {
    /// Node's name, without `node:`.
    pub(crate) name: &'static str,
    /// The properties of its `module.exports`: what `import { x } from "<name>"` may name.
    pub(crate) exports: &'static [&'static str],
    /// Where its code is.
    pub(crate) implementation: Implementation,
    /// Whether it holds no state a request could change or observe (only functions and
    /// classes): a handler that loads only such modules stays stateless and runs without the
    /// isolate lock, evaluating them per call as it does a stateless project module. `util`
    /// (deprecation warnings given once) and `events` (emitters are meant to be kept) are not.
    pub(crate) stateless: bool,
}

impl BuiltinModule {
    /// The source of the unit that stands for the module.
    pub(crate) fn source(&self) -> String {
        match self.implementation {
            Implementation::JavaScript(text) => text.to_string(),
            Implementation::Runtime => {
                format!("module.exports = __node.module(\"{}\");\n", self.name)
            }
        }
    }

    /// The unit's path, which names it in diagnostics and the generated file's header, and
    /// gives its Rust module name (`node:internal/errors` → `node_internal_errors`).
    pub(crate) fn unit_path(&self) -> String {
        format!("node:{}", self.name.replace('/', "_"))
    }
}

/// The built-in modules handlers can load.
pub(crate) const SUPPORTED: &[BuiltinModule] = &[
    BuiltinModule {
        name: "assert",
        exports: ASSERT_NAMES,
        implementation: Implementation::JavaScript(include_str!("node/assert.js")),
        stateless: true,
    },
    BuiltinModule {
        name: "assert/strict",
        exports: ASSERT_NAMES,
        implementation: Implementation::JavaScript(include_str!("node/assert/strict.js")),
        stateless: true,
    },
    BuiltinModule {
        name: "buffer",
        exports: &["Buffer", "kMaxLength"],
        implementation: Implementation::Runtime,
        stateless: true,
    },
    BuiltinModule {
        name: "crypto",
        exports: &[
            "createHash",
            "createHmac",
            "getHashes",
            "getRandomValues",
            "pbkdf2",
            "pbkdf2Sync",
            "randomBytes",
            "randomFillSync",
            "randomInt",
            "randomUUID",
            "scrypt",
            "scryptSync",
            "timingSafeEqual",
            "webcrypto",
        ],
        implementation: Implementation::Runtime,
        stateless: true,
    },
    BuiltinModule {
        name: "events",
        exports: &[
            "EventEmitter",
            "defaultMaxListeners",
            "listenerCount",
            "once",
        ],
        implementation: Implementation::JavaScript(include_str!("node/events.js")),
        stateless: false,
    },
    // Read-only, over the files the build embedded (`fs_embed/`); other members are
    // compile errors where they are used.
    BuiltinModule {
        name: "fs",
        exports: &["existsSync", "promises", "readFileSync"],
        implementation: Implementation::JavaScript(include_str!("node/fs.js")),
        stateless: true,
    },
    BuiltinModule {
        name: "fs/promises",
        exports: &["readFile"],
        implementation: Implementation::JavaScript(include_str!("node/fs/promises.js")),
        stateless: true,
    },
    BuiltinModule {
        name: "path",
        exports: PATH_NAMES,
        implementation: Implementation::JavaScript(include_str!("node/path.js")),
        stateless: true,
    },
    BuiltinModule {
        name: "path/posix",
        exports: PATH_NAMES,
        implementation: Implementation::JavaScript(include_str!("node/path/posix.js")),
        stateless: true,
    },
    BuiltinModule {
        name: "querystring",
        exports: &[
            "decode",
            "encode",
            "escape",
            "parse",
            "stringify",
            "unescape",
        ],
        implementation: Implementation::JavaScript(include_str!("node/querystring.js")),
        stateless: true,
    },
    BuiltinModule {
        name: "url",
        exports: &["URL", "URLSearchParams", "fileURLToPath", "pathToFileURL"],
        implementation: Implementation::Runtime,
        stateless: true,
    },
    BuiltinModule {
        name: "util",
        exports: &[
            "callbackify",
            "deprecate",
            "format",
            "inherits",
            "inspect",
            "isDeepStrictEqual",
            "promisify",
            "types",
        ],
        implementation: Implementation::JavaScript(include_str!("node/util.js")),
        stateless: false,
    },
    BuiltinModule {
        name: "util/types",
        exports: &[
            "isBoxedPrimitive",
            "isDate",
            "isMap",
            "isNativeError",
            "isPromise",
            "isRegExp",
            "isSet",
            "isWeakMap",
            "isWeakSet",
        ],
        implementation: Implementation::JavaScript(include_str!("node/util/types.js")),
        stateless: false,
    },
];

/// Modules our built-in module sources share (`require("node:internal/errors")`), which
/// handlers cannot load, as Node's `internal/*` modules.
const INTERNAL: &[BuiltinModule] = &[
    BuiltinModule {
        name: "internal/errors",
        exports: &[],
        implementation: Implementation::JavaScript(include_str!("node/internal/errors.js")),
        stateless: true,
    },
    BuiltinModule {
        name: "internal/abort",
        exports: &["AbortController", "AbortSignal"],
        implementation: Implementation::JavaScript(include_str!("node/internal/abort.js")),
        stateless: true,
    },
    BuiltinModule {
        name: "internal/fetch/headers",
        exports: &["Headers"],
        implementation: Implementation::JavaScript(include_str!("node/internal/fetch/headers.js")),
        stateless: true,
    },
    BuiltinModule {
        name: "internal/fetch/body",
        exports: &[],
        implementation: Implementation::JavaScript(include_str!("node/internal/fetch/body.js")),
        stateless: true,
    },
    BuiltinModule {
        name: "internal/fetch/request",
        exports: &["Request"],
        implementation: Implementation::JavaScript(include_str!("node/internal/fetch/request.js")),
        stateless: true,
    },
    BuiltinModule {
        name: "internal/fetch/response",
        exports: &["Response"],
        implementation: Implementation::JavaScript(include_str!("node/internal/fetch/response.js")),
        stateless: true,
    },
    BuiltinModule {
        name: "internal/fetch/fetch",
        exports: &["fetch"],
        implementation: Implementation::JavaScript(include_str!("node/internal/fetch/fetch.js")),
        stateless: true,
    },
    BuiltinModule {
        name: "internal/global",
        exports: &["globalThis", "global"],
        implementation: Implementation::JavaScript(include_str!("node/internal/global.js")),
        stateless: false,
    },
    BuiltinModule {
        name: "internal/comparisons",
        exports: &[],
        implementation: Implementation::JavaScript(include_str!("node/internal/comparisons.js")),
        stateless: true,
    },
];

/// Globals implemented by an internal module source: a module that reads one of these names
/// (not declared in it) loads the module (each occurrence is recorded among its loaded modules
/// at the name's position, so a function naming it loads through the module handle as a lazy
/// `require` does), and the name reads its export of the same name.
pub(crate) const GLOBALS: &[(&str, &str)] = &[
    ("AbortController", "internal/abort"),
    ("AbortSignal", "internal/abort"),
    ("Headers", "internal/fetch/headers"),
    ("Request", "internal/fetch/request"),
    ("Response", "internal/fetch/response"),
    ("fetch", "internal/fetch/fetch"),
    ("globalThis", "internal/global"),
    ("global", "internal/global"),
];

/// Whether `name` is one of those globals.
pub(crate) fn is_global(name: &str) -> bool {
    GLOBALS.iter().any(|(global, _)| *global == name)
}

/// The internal module that implements the global `name`.
pub(crate) fn global_module(name: &str) -> Option<&'static BuiltinModule> {
    let (_, module) = GLOBALS.iter().find(|(global, _)| *global == name)?;
    INTERNAL.iter().find(|internal| internal.name == *module)
}

/// The internal module `specifier` names (`node:internal/errors`), for a built-in module source.
pub(crate) fn resolve_internal(specifier: &str) -> Option<&'static BuiltinModule> {
    let name = specifier.strip_prefix("node:")?;
    INTERNAL.iter().find(|module| module.name == name)
}

/// Node's subpath modules that are another module's property (`assert/strict` is
/// `assert.strict`), with the names they export.
const PATH_NAMES: &[&str] = &[
    "basename",
    "delimiter",
    "dirname",
    "extname",
    "format",
    "isAbsolute",
    "join",
    "normalize",
    "parse",
    "posix",
    "relative",
    "resolve",
    "sep",
    "toNamespacedPath",
];

const ASSERT_NAMES: &[&str] = &[
    "AssertionError",
    "deepEqual",
    "deepStrictEqual",
    "doesNotMatch",
    "doesNotReject",
    "doesNotThrow",
    "equal",
    "fail",
    "ifError",
    "match",
    "notDeepEqual",
    "notDeepStrictEqual",
    "notEqual",
    "notStrictEqual",
    "ok",
    "rejects",
    "strict",
    "strictEqual",
    "throws",
];

/// What a specifier that is not a relative path names.
pub(crate) enum Resolution {
    /// A supported built-in module.
    Builtin(&'static BuiltinModule),
    /// A built-in module handlers cannot use, or a `node:` name Node does not have: the
    /// diagnostic's text (what, help).
    Refused(String, String),
    /// Not a built-in module (a package, for the npm resolution).
    NotBuiltin,
}

/// The names of the supported modules, for help texts.
pub(crate) fn supported_names() -> String {
    SUPPORTED
        .iter()
        .map(|module| module.name)
        .collect::<Vec<_>>()
        .join(", ")
}

/// What `specifier` (`"path"`, `"node:path"`, `"fs"`, `"lodash"`) names.
pub(crate) fn resolve(specifier: &str) -> Resolution {
    let (name, prefixed) = match specifier.strip_prefix("node:") {
        Some(name) => (name, true),
        None => (specifier, false),
    };
    if let Some(module) = SUPPORTED.iter().find(|module| module.name == name) {
        return Resolution::Builtin(module);
    }
    let help = format!(
        "the built-in modules handlers can use are {}",
        supported_names()
    );
    // Node 20's other built-in modules (`crate::resolve`'s list, which a package of the same
    // name never shadows) get a diagnostic that says so, with what is supported instead.
    if crate::resolve::is_builtin(name) {
        let why = match name {
            "child_process" | "worker_threads" | "cluster" | "net" | "http" | "https" | "http2"
            | "dgram" | "tls" | "vm" | "repl" | "inspector" => {
                " (a handler answers one request; the server owns files, processes and sockets)"
            }
            _ => "",
        };
        return Resolution::Refused(format!("the built-in module `{specifier}`{why}"), help);
    }
    if prefixed {
        return Resolution::Refused(
            format!("`{specifier}` (Node has no such built-in module: ERR_UNKNOWN_BUILTIN_MODULE)"),
            help,
        );
    }
    Resolution::NotBuiltin
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn specifiers_with_and_without_the_prefix_name_one_module() {
        for specifier in ["path", "node:path"] {
            assert!(
                matches!(resolve(specifier), Resolution::Builtin(module) if module.name == "path")
            );
        }
        assert!(matches!(resolve("http"), Resolution::Refused(what, _) if what.contains("`http`")));
        assert!(matches!(resolve("node:nope"), Resolution::Refused(..)));
        assert!(matches!(resolve("lodash"), Resolution::NotBuiltin));
    }

    /// Our JavaScript sources, run in Node itself, answer as Node's own modules on many inputs
    /// (`tests/node_sources/check.cjs`), and export exactly the names of the table.
    #[test]
    fn sources_answer_as_nodes_own_modules() {
        // The modules written in JavaScript; those the runtime builds (`crypto`, …) are proven
        // by their conformance cases.
        let table: serde_json::Map<String, serde_json::Value> = SUPPORTED
            .iter()
            .filter(|module| matches!(module.implementation, Implementation::JavaScript(_)))
            .map(|module| (module.name.to_string(), serde_json::json!(module.exports)))
            .collect();
        let script =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/node_sources/check.cjs");
        let output = std::process::Command::new("node")
            .arg(script)
            .arg(serde_json::Value::Object(table).to_string())
            .output()
            .expect("node runs");
        let stdout = String::from_utf8_lossy(&output.stdout);
        assert!(
            output.status.success() && stdout.trim_end().ends_with("\n0 differences")
                || stdout.trim() == "0 differences",
            "{stdout}{}",
            String::from_utf8_lossy(&output.stderr)
        );
    }

    #[test]
    fn a_runtime_module_is_one_line_taking_the_runtimes_namespace() {
        let module = BuiltinModule {
            name: "crypto",
            exports: &["randomUUID"],
            implementation: Implementation::Runtime,
            stateless: true,
        };
        assert_eq!(
            module.source(),
            "module.exports = __node.module(\"crypto\");\n"
        );
        let internal = resolve_internal("node:internal/errors").expect("listed");
        assert_eq!(internal.unit_path(), "node:internal_errors");
    }

    #[test]
    fn internal_modules_are_for_builtin_sources_only() {
        assert!(resolve_internal("node:internal/errors").is_some());
        assert!(matches!(
            resolve("node:internal/errors"),
            Resolution::Refused(..)
        ));
        assert!(matches!(resolve("internal/errors"), Resolution::NotBuiltin));
    }
}
