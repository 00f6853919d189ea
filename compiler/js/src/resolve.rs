//! Node's resolution of a package specifier (`require("ms")`, `import { v5 } from "uuid"`,
//! `require("lodash/fp")`) to the file it loads, from the folder of the importing file:
//!
//! ```text
//! "dayjs/plugin/utc" from /app/handlers
//!   ─▶ /app/handlers/node_modules/dayjs?  /app/node_modules/dayjs ✓   (walking up; never into a node_modules/node_modules)
//!   ─▶ its package.json: "exports"? ─ yes ─▶ the subpath's target under the conditions
//!                                            [require | import, node, default] (first match in the map's own order)
//!                                  └ no ──▶ "." → "main" (as a file, then a folder), then index.js;
//!                                           a subpath as a file (+ .js, .json), then a folder
//!                                           (its package.json "main", then index.js)
//!   ─▶ /app/node_modules/dayjs/plugin/utc.js
//! ```
//!
//! `import` adds no extension and no `index.js` where `exports` does not decide (Node's ES
//! resolution); `require` does. A package with a native addon (`"gypfile": true`, a
//! `binding.gyp`, or a `.node` file) is refused: there is nothing to compile. References:
//! <https://nodejs.org/api/modules.html#all-together>, <https://nodejs.org/api/esm.html#resolution-algorithm-specification>,
//! <https://nodejs.org/api/packages.html#package-entry-points>.
//!
//! Built-in modules (`path`, `node:crypto`) are resolved before this and never reach it.

use std::path::{Path, PathBuf};

use serde_json::Value;

/// How the importing module names the package: it picks the `exports` condition and whether
/// extensions are tried.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Loader {
    /// `require("…")`: condition `require`; extensions and `index.js` are tried.
    Require,
    /// `import … from "…"`, `import("…")`, `export … from "…"`: condition `import`; the path
    /// must name the file.
    Import,
}

/// Why a package specifier resolves to no file: what to say, and what to do about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Unresolved {
    /// The diagnostic's code: `package-not-found`, `package-path-not-exported`,
    /// `native-addon` or `package-json`.
    pub(crate) code: &'static str,
    pub(crate) message: String,
    pub(crate) help: String,
}

impl Unresolved {
    fn new(code: &'static str, message: String, help: impl Into<String>) -> Unresolved {
        Unresolved {
            code,
            message,
            help: help.into(),
        }
    }
}

impl Unresolved {
    /// When the build cannot say where its files lie on disk (sources held in memory), no
    /// package can be found.
    pub(crate) fn not_installed_here(specifier: &str) -> Unresolved {
        Unresolved::new(
            "package-not-found",
            format!("cannot load the package `{specifier}` here"),
            "packages are loaded from the project's node_modules, which this build cannot see",
        )
    }
}

/// Node's built-in modules (`require("module").builtinModules` of Node 20), which a package
/// of the same name never shadows, and everything with the `node:` scheme.
const BUILTINS: &[&str] = &[
    "assert",
    "assert/strict",
    "async_hooks",
    "buffer",
    "child_process",
    "cluster",
    "console",
    "constants",
    "crypto",
    "dgram",
    "diagnostics_channel",
    "dns",
    "dns/promises",
    "domain",
    "events",
    "fs",
    "fs/promises",
    "http",
    "http2",
    "https",
    "inspector",
    "inspector/promises",
    "module",
    "net",
    "os",
    "path",
    "path/posix",
    "path/win32",
    "perf_hooks",
    "process",
    "punycode",
    "querystring",
    "readline",
    "readline/promises",
    "repl",
    "stream",
    "stream/consumers",
    "stream/promises",
    "stream/web",
    "string_decoder",
    "sys",
    "timers",
    "timers/promises",
    "tls",
    "trace_events",
    "tty",
    "url",
    "util",
    "util/types",
    "v8",
    "vm",
    "wasi",
    "worker_threads",
    "zlib",
];

/// Whether `specifier` names a built-in module rather than a package.
pub(crate) fn is_builtin(specifier: &str) -> bool {
    specifier.starts_with("node:") || BUILTINS.contains(&specifier)
}

/// The file `specifier` (a bare package specifier, not a built-in) loads from a module in
/// `from_dir` (absolute), as Node resolves it.
pub(crate) fn resolve_package(
    specifier: &str,
    from_dir: &Path,
    loader: Loader,
) -> Result<PathBuf, Unresolved> {
    let (name, subpath) = split(specifier).ok_or_else(|| {
        Unresolved::new(
            "package-not-found",
            format!("`{specifier}` is not a valid package name"),
            "a package is named `name` or `@scope/name`, optionally followed by `/path`",
        )
    })?;
    let root = find_package(name, from_dir).ok_or_else(|| {
        Unresolved::new(
            "package-not-found",
            format!("the package `{name}` is not installed"),
            format!(
                "no `node_modules/{name}` in this file's folder or a folder above it: add it to the project's package.json and run `npm install`"
            ),
        )
    })?;
    let manifest = read_manifest(&root, name)?;
    refuse_native_addon(&root, name, manifest.as_ref())?;
    let resolved = match manifest.as_ref().and_then(|manifest| manifest.get("exports")) {
        Some(exports) if !exports.is_null() => {
            exported(&root, name, exports, &subpath, loader)?
        }
        _ => legacy(&root, manifest.as_ref(), &subpath, loader).ok_or_else(|| {
            let what = if subpath == "." {
                format!("the package `{name}` has no entry point")
            } else {
                format!("`{specifier}` names no file of the package `{name}`")
            };
            let help = if loader == Loader::Import {
                "an `import` of a path inside a package without \"exports\" names the file with its extension, as Node's ES modules add none (`pkg/file.js`)"
            } else {
                "check the path: `require` tries it as a file (with .js, .json), then as a folder (its package.json \"main\", then index.js)"
            };
            Unresolved::new("package-not-found", what, help)
        })?,
    };
    if resolved.extension().is_some_and(|ext| ext == "node") {
        return Err(native(name, &format!("it loads `{}`", resolved.display())));
    }
    Ok(resolved)
}

/// `lodash/fp` → (`lodash`, `./fp`); `@scope/pkg` → (`@scope/pkg`, `.`). `None` for what
/// Node refuses as a package name.
fn split(specifier: &str) -> Option<(&str, String)> {
    let name_end = if specifier.starts_with('@') {
        let scope_end = specifier.find('/')?;
        specifier[scope_end + 1..]
            .find('/')
            .map_or(specifier.len(), |end| scope_end + 1 + end)
    } else {
        specifier.find('/').unwrap_or(specifier.len())
    };
    let name = &specifier[..name_end];
    if name.is_empty()
        || name.starts_with('.')
        || name.contains(['\\', '%'])
        || name.ends_with('/')
        || (name.starts_with('@') && !name.contains('/'))
    {
        return None;
    }
    Some((name, format!(".{}", &specifier[name_end..])))
}

/// The folder of package `name` seen from `from_dir`: `node_modules/<name>` in it or the
/// nearest folder above it that has one (a folder named `node_modules` gets none of its own).
fn find_package(name: &str, from_dir: &Path) -> Option<PathBuf> {
    from_dir
        .ancestors()
        .filter(|dir| dir.file_name().is_none_or(|last| last != "node_modules"))
        .map(|dir| dir.join("node_modules").join(name))
        .find(|candidate| candidate.is_dir())
}

/// The package's `package.json`, if it has one.
fn read_manifest(root: &Path, name: &str) -> Result<Option<Value>, Unresolved> {
    let path = root.join("package.json");
    let Ok(text) = std::fs::read_to_string(&path) else {
        return Ok(None);
    };
    serde_json::from_str(&text).map(Some).map_err(|error| {
        Unresolved::new(
            "package-json",
            format!("the package.json of `{name}` is not valid JSON: {error}"),
            format!(
                "Node would refuse to load it too; reinstall the package ({})",
                path.display()
            ),
        )
    })
}

fn native(name: &str, evidence: &str) -> Unresolved {
    Unresolved::new(
        "native-addon",
        format!("the package `{name}` has a native addon ({evidence})"),
        "compiled handlers run no native code: use a pure-JavaScript package, or a built-in module",
    )
}

/// Refuses a package that builds or ships native code: `"gypfile": true`, a `binding.gyp`,
/// or a `.node` file in it (not counting the packages nested in its own `node_modules`).
fn refuse_native_addon(
    root: &Path,
    name: &str,
    manifest: Option<&Value>,
) -> Result<(), Unresolved> {
    if manifest.is_some_and(|manifest| manifest.get("gypfile") == Some(&Value::Bool(true))) {
        return Err(native(name, "\"gypfile\": true in its package.json"));
    }
    if root.join("binding.gyp").is_file() {
        return Err(native(name, "it has a binding.gyp"));
    }
    if let Some(file) = find_node_file(root, 0) {
        let shown = file
            .strip_prefix(root)
            .unwrap_or(&file)
            .display()
            .to_string();
        return Err(native(name, &format!("it ships `{shown}`")));
    }
    Ok(())
}

/// The first `.node` file under `dir`, down to a depth that covers `build/Release/x.node` and
/// `prebuilds/<platform>/x.node`, skipping nested packages.
fn find_node_file(dir: &Path, depth: usize) -> Option<PathBuf> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .ok()?
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .collect();
    entries.sort();
    for path in &entries {
        if path.extension().is_some_and(|ext| ext == "node") && path.is_file() {
            return Some(path.clone());
        }
    }
    if depth >= 4 {
        return None;
    }
    entries
        .iter()
        .filter(|path| path.is_dir() && path.file_name().is_some_and(|name| name != "node_modules"))
        .find_map(|path| find_node_file(path, depth + 1))
}

/// The conditions a target is chosen by, in priority order: the loader's, then `node`, then
/// `default` (Node's own set, less `module-sync` and `addons`, which this compiler does not
/// offer).
fn conditions(loader: Loader) -> [&'static str; 3] {
    match loader {
        Loader::Require => ["require", "node", "default"],
        Loader::Import => ["import", "node", "default"],
    }
}

/// The file `"exports"` maps `subpath` to.
fn exported(
    root: &Path,
    name: &str,
    exports: &Value,
    subpath: &str,
    loader: Loader,
) -> Result<PathBuf, Unresolved> {
    let not_exported = || {
        Unresolved::new(
            "package-path-not-exported",
            format!(
                "the package `{name}` does not export `{subpath}` (its package.json \"exports\" has no entry for it under the conditions {})",
                conditions(loader).join(", ")
            ),
            "load one of the paths its \"exports\" lists; Node refuses this one too (ERR_PACKAGE_PATH_NOT_EXPORTED)",
        )
    };
    // A string, an array, or conditions only: the entry point ".".
    let is_subpath_map = exports
        .as_object()
        .is_some_and(|map| map.keys().any(|key| key.starts_with('.')));
    let target = if is_subpath_map {
        let map = exports.as_object().expect("an object");
        if let Some(target) = map.get(subpath).filter(|_| !subpath.contains('*')) {
            resolve_target(root, target, None, loader)
        } else {
            let (key, matched) =
                best_pattern(map.keys().map(String::as_str), subpath).ok_or_else(not_exported)?;
            resolve_target(root, &map[key], Some(matched), loader)
        }
    } else if subpath == "." {
        resolve_target(root, exports, None, loader)
    } else {
        None
    };
    let target = target.ok_or_else(not_exported)?;
    if !target.is_file() {
        return Err(Unresolved::new(
            "package-not-found",
            format!(
                "the package `{name}` exports `{subpath}` as `{}`, which is not there",
                target.strip_prefix(root).unwrap_or(&target).display()
            ),
            "reinstall the package; Node could not load it either",
        ));
    }
    Ok(target)
}

/// The pattern key (`./locale/*`, `./*.js`) that matches `subpath` most specifically (the
/// longest part before `*`, then the longest key: Node's `PATTERN_KEY_COMPARE`), and what its
/// `*` stands for.
fn best_pattern<'k>(
    keys: impl Iterator<Item = &'k str>,
    subpath: &str,
) -> Option<(&'k str, String)> {
    let mut best: Option<(&str, String)> = None;
    for key in keys {
        let Some((prefix, suffix)) = key.split_once('*') else {
            continue;
        };
        if suffix.contains('*') || subpath.len() < key.len() - 1 {
            continue;
        }
        let Some(rest) = subpath
            .strip_prefix(prefix)
            .and_then(|rest| rest.strip_suffix(suffix))
        else {
            continue;
        };
        let better = best.as_ref().is_none_or(|(held, _)| {
            let held_prefix = held.find('*').unwrap_or(held.len());
            prefix.len() > held_prefix || (prefix.len() == held_prefix && key.len() > held.len())
        });
        if better {
            best = Some((key, rest.to_string()));
        }
    }
    best
}

/// A target of `"exports"`: a `./` path (with `*` replaced by `matched`), conditions tried
/// in the object's own order, or an array whose first resolvable entry wins. `null` and
/// anything else export nothing.
fn resolve_target(
    root: &Path,
    target: &Value,
    matched: Option<String>,
    loader: Loader,
) -> Option<PathBuf> {
    match target {
        Value::String(path) => {
            let relative = path.strip_prefix("./")?;
            let relative = match &matched {
                Some(matched) => relative.replace('*', matched),
                None => relative.to_string(),
            };
            // A target never leaves the package, nor goes into its node_modules.
            if relative
                .split('/')
                .any(|segment| segment == ".." || segment == "." || segment == "node_modules")
            {
                return None;
            }
            Some(root.join(relative))
        }
        Value::Object(map) => map.iter().find_map(|(condition, inner)| {
            conditions(loader)
                .contains(&condition.as_str())
                .then(|| resolve_target(root, inner, matched.clone(), loader))
                .flatten()
        }),
        Value::Array(list) => list
            .iter()
            .find_map(|inner| resolve_target(root, inner, matched.clone(), loader)),
        _ => None,
    }
}

/// A package without `"exports"`: `"main"` and `index.js` for the package itself, the path
/// inside it for a subpath.
fn legacy(root: &Path, manifest: Option<&Value>, subpath: &str, loader: Loader) -> Option<PathBuf> {
    if subpath == "." {
        let main = manifest
            .and_then(|manifest| manifest.get("main"))
            .and_then(Value::as_str)
            .filter(|main| !main.is_empty());
        // Node's ES resolution of a "main" tries the same extensions and index files (its
        // legacy main resolve), so both loaders take this path.
        if let Some(main) = main {
            let target = inside(root, main);
            if let Some(found) = as_file(&target).or_else(|| as_index(&target)) {
                return Some(found);
            }
        }
        return as_index(root);
    }
    let target = inside(root, subpath);
    match loader {
        Loader::Import => target.is_file().then_some(target),
        Loader::Require => as_file(&target).or_else(|| as_directory(&target)),
    }
}

/// `relative` (`./lib/index`, `lib`) under `root`, without its `.` steps.
fn inside(root: &Path, relative: &str) -> PathBuf {
    let mut path = root.to_path_buf();
    for segment in relative
        .split('/')
        .filter(|segment| !segment.is_empty() && *segment != ".")
    {
        if segment == ".." {
            path.pop();
        } else {
            path.push(segment);
        }
    }
    path
}

/// `X`, `X.js`, `X.json`, `X.node`: the first that is a file.
fn as_file(target: &Path) -> Option<PathBuf> {
    if target.is_file() {
        return Some(target.to_path_buf());
    }
    ["js", "json", "node"]
        .iter()
        .map(|ext| PathBuf::from(format!("{}.{ext}", target.display())))
        .find(|candidate| candidate.is_file())
}

/// `X/index.js`, `X/index.json`, `X/index.node`.
fn as_index(target: &Path) -> Option<PathBuf> {
    ["index.js", "index.json", "index.node"]
        .iter()
        .map(|file| target.join(file))
        .find(|candidate| candidate.is_file())
}

/// A folder: its own package.json's `"main"` (as a file, then an index), else its index.
fn as_directory(target: &Path) -> Option<PathBuf> {
    let main = std::fs::read_to_string(target.join("package.json"))
        .ok()
        .and_then(|text| serde_json::from_str::<Value>(&text).ok())
        .and_then(|manifest| {
            manifest
                .get("main")
                .and_then(Value::as_str)
                .map(str::to_string)
        });
    if let Some(main) = main {
        let main = inside(target, &main);
        if let Some(found) = as_file(&main).or_else(|| as_index(&main)) {
            return Some(found);
        }
    }
    as_index(target)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A throw-away folder tree: `(relative path, contents)`.
    fn tree(name: &str, files: &[(&str, &str)]) -> PathBuf {
        let root =
            std::env::temp_dir().join(format!("backworks-resolve-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        for (path, text) in files {
            let path = root.join(path);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        }
        root
    }

    fn shown(root: &Path, resolved: Result<PathBuf, Unresolved>) -> String {
        match resolved {
            Ok(path) => path.strip_prefix(root).unwrap().display().to_string(),
            Err(unresolved) => format!("{}: {}", unresolved.code, unresolved.message),
        }
    }

    #[test]
    fn specifiers_split_into_name_and_subpath() {
        assert_eq!(split("ms"), Some(("ms", ".".to_string())));
        assert_eq!(split("lodash/fp"), Some(("lodash", "./fp".to_string())));
        assert_eq!(split("@scope/pkg"), Some(("@scope/pkg", ".".to_string())));
        assert_eq!(
            split("@scope/pkg/a/b.js"),
            Some(("@scope/pkg", "./a/b.js".to_string()))
        );
        for bad in ["@scope", ".hidden", "a\\b", "%41", ""] {
            assert_eq!(split(bad), None, "{bad}");
        }
    }

    #[test]
    fn packages_are_found_walking_up_and_resolved_by_main_or_index() {
        let root = tree(
            "legacy",
            &[
                ("node_modules/ms/package.json", r#"{"main": "./index"}"#),
                ("node_modules/ms/index.js", ""),
                ("node_modules/plain/index.js", ""),
                ("node_modules/lib/package.json", r#"{"main": "lib"}"#),
                ("node_modules/lib/lib/index.js", ""),
                ("node_modules/lib/fp.js", ""),
                ("node_modules/lib/plugin/utc.js", ""),
                (
                    "node_modules/lib/sub/package.json",
                    r#"{"main": "./entry.js"}"#,
                ),
                ("node_modules/lib/sub/entry.js", ""),
                ("node_modules/lib/data.json", "{}"),
                (
                    "app/handlers/node_modules/ms/package.json",
                    r#"{"main": "near.js"}"#,
                ),
                ("app/handlers/node_modules/ms/near.js", ""),
            ],
        );
        let app = root.join("app");
        let handlers = app.join("handlers");
        let cases = [
            (
                "ms",
                &handlers,
                Loader::Require,
                "app/handlers/node_modules/ms/near.js",
            ),
            ("ms", &app, Loader::Require, "node_modules/ms/index.js"),
            (
                "plain",
                &app,
                Loader::Require,
                "node_modules/plain/index.js",
            ),
            ("lib", &app, Loader::Import, "node_modules/lib/lib/index.js"),
            ("lib/fp", &app, Loader::Require, "node_modules/lib/fp.js"),
            (
                "lib/plugin/utc",
                &app,
                Loader::Require,
                "node_modules/lib/plugin/utc.js",
            ),
            (
                "lib/plugin/utc.js",
                &app,
                Loader::Import,
                "node_modules/lib/plugin/utc.js",
            ),
            (
                "lib/sub",
                &app,
                Loader::Require,
                "node_modules/lib/sub/entry.js",
            ),
            (
                "lib/data",
                &app,
                Loader::Require,
                "node_modules/lib/data.json",
            ),
        ];
        for (specifier, from, loader, expected) in cases {
            assert_eq!(
                shown(&root, resolve_package(specifier, from, loader)),
                expected,
                "{specifier}"
            );
        }
        // ES modules add no extension.
        let unresolved = resolve_package("lib/plugin/utc", &app, Loader::Import).unwrap_err();
        assert_eq!(unresolved.code, "package-not-found");
        assert!(
            unresolved.help.contains("with its extension"),
            "{unresolved:?}"
        );
        let missing = resolve_package("left-pad", &app, Loader::Require).unwrap_err();
        assert_eq!(missing.message, "the package `left-pad` is not installed");
    }

    #[test]
    fn exports_pick_the_loaders_condition_then_node_then_default_in_the_maps_order() {
        let root = tree(
            "exports",
            &[
                (
                    "node_modules/dual/package.json",
                    r#"{"main": "./legacy.js", "exports": {
                        ".": {"types": "./x.d.ts", "import": "./esm/index.mjs", "require": "./cjs/index.cjs"},
                        "./feature": {"node": {"import": "./esm/feature.mjs", "default": "./cjs/feature.cjs"}, "default": "./browser.js"},
                        "./locale/*": "./locales/*.js",
                        "./locale/en/*": "./english/*.js",
                        "./internal/*": null,
                        "./package.json": "./package.json"}}"#,
                ),
                ("node_modules/dual/esm/index.mjs", ""),
                ("node_modules/dual/cjs/index.cjs", ""),
                ("node_modules/dual/esm/feature.mjs", ""),
                ("node_modules/dual/cjs/feature.cjs", ""),
                ("node_modules/dual/locales/fr.js", ""),
                ("node_modules/dual/english/gb.js", ""),
                ("node_modules/dual/legacy.js", ""),
                ("node_modules/dual/hidden.js", ""),
                (
                    "node_modules/str/package.json",
                    r#"{"exports": "./main.js"}"#,
                ),
                ("node_modules/str/main.js", ""),
                (
                    "node_modules/sugar/package.json",
                    r#"{"exports": {"require": "./c.js", "default": "./d.js"}}"#,
                ),
                ("node_modules/sugar/c.js", ""),
                ("node_modules/sugar/d.js", ""),
                (
                    "node_modules/list/package.json",
                    r#"{"exports": {".": ["./gone.js", "./there.js"]}}"#,
                ),
                ("node_modules/list/there.js", ""),
            ],
        );
        let cases = [
            ("dual", Loader::Require, "node_modules/dual/cjs/index.cjs"),
            ("dual", Loader::Import, "node_modules/dual/esm/index.mjs"),
            (
                "dual/feature",
                Loader::Import,
                "node_modules/dual/esm/feature.mjs",
            ),
            (
                "dual/feature",
                Loader::Require,
                "node_modules/dual/cjs/feature.cjs",
            ),
            (
                "dual/locale/fr",
                Loader::Require,
                "node_modules/dual/locales/fr.js",
            ),
            (
                "dual/locale/en/gb",
                Loader::Require,
                "node_modules/dual/english/gb.js",
            ),
            (
                "dual/package.json",
                Loader::Require,
                "node_modules/dual/package.json",
            ),
            ("str", Loader::Import, "node_modules/str/main.js"),
            ("sugar", Loader::Require, "node_modules/sugar/c.js"),
            ("sugar", Loader::Import, "node_modules/sugar/d.js"),
            // The first entry of an array that is a valid target wins; its file must exist.
            (
                "list",
                Loader::Require,
                "package-not-found: the package `list` exports `.` as `gone.js`, which is not there",
            ),
        ];
        for (specifier, loader, expected) in cases {
            assert_eq!(
                shown(&root, resolve_package(specifier, &root, loader)),
                expected,
                "{specifier} {loader:?}"
            );
        }
        // "exports" hides what it does not list, "main" included.
        for hidden in [
            "dual/hidden.js",
            "dual/legacy.js",
            "dual/internal/x",
            "str/main.js",
        ] {
            let unresolved = resolve_package(hidden, &root, Loader::Require).unwrap_err();
            assert_eq!(unresolved.code, "package-path-not-exported", "{hidden}");
        }
    }

    #[test]
    fn packages_with_native_addons_are_refused_by_name() {
        let root = tree(
            "native",
            &[
                (
                    "node_modules/gyp/package.json",
                    r#"{"main": "index.js", "gypfile": true}"#,
                ),
                ("node_modules/gyp/index.js", ""),
                ("node_modules/bound/binding.gyp", "{}"),
                ("node_modules/bound/index.js", ""),
                ("node_modules/prebuilt/index.js", ""),
                ("node_modules/prebuilt/build/Release/addon.node", "binary"),
                ("node_modules/fine/index.js", ""),
                (
                    "node_modules/fine/node_modules/dep/x.node",
                    "a nested package's, not this one's",
                ),
            ],
        );
        for (name, evidence) in [
            ("gyp", "\"gypfile\": true"),
            ("bound", "binding.gyp"),
            ("prebuilt", "build/Release/addon.node"),
        ] {
            let unresolved = resolve_package(name, &root, Loader::Require).unwrap_err();
            assert_eq!(unresolved.code, "native-addon");
            assert!(
                unresolved
                    .message
                    .starts_with(&format!("the package `{name}` has a native addon"))
                    && unresolved.message.contains(evidence),
                "{unresolved:?}"
            );
        }
        assert!(resolve_package("fine", &root, Loader::Require).is_ok());
    }
}
