//! Node's built-in modules that handlers may load, and the names each exports.
//!
//! ```text
//! require("crypto"), require("node:crypto")       → module "crypto"
//! import { createHash } from "node:crypto"        → "createHash" must be one of its exports
//! ```
//!
//! `program.rs` consults this registry before resolving a relative path; the lowering loads a
//! built-in module as a CommonJS module whose exports object the runtime builds
//! (`runtime-lib/src/js/node/mod.rs::module`), once per isolate.

/// A built-in module.
pub(crate) struct BuiltinModule {
    /// Its name without the `node:` prefix (`crypto`), as `rt::node::module` knows it.
    pub(crate) name: &'static str,
    /// The names it exports (what `import { … }` may name).
    pub(crate) exports: &'static [&'static str],
}

/// Every built-in module that is supported.
const MODULES: &[BuiltinModule] = &[
    BuiltinModule {
        name: "crypto",
        exports: &[
            "createHash",
            "createHmac",
            "randomBytes",
            "randomUUID",
            "randomInt",
            "randomFillSync",
            "getRandomValues",
            "timingSafeEqual",
            "pbkdf2Sync",
            "scryptSync",
            "pbkdf2",
            "scrypt",
            "getHashes",
            "webcrypto",
        ],
    },
    BuiltinModule {
        name: "buffer",
        exports: &["Buffer", "kMaxLength"],
    },
    BuiltinModule {
        name: "url",
        exports: &["URL", "URLSearchParams", "fileURLToPath", "pathToFileURL"],
    },
];

/// The built-in module a specifier names (`crypto` or `node:crypto`), if it is supported.
pub(crate) fn builtin_module(specifier: &str) -> Option<&'static BuiltinModule> {
    let name = specifier.strip_prefix("node:").unwrap_or(specifier);
    MODULES.iter().find(|module| module.name == name)
}
