//! Snapshots of what the compiler produces: the generated Rust of a few handlers, and the
//! rendered diagnostics of constructs it does not support. Stored in `snapshots/js/` at the
//! repository root; review changes with `cargo insta review`.

use std::path::{Path, PathBuf};

use backworks_diagnostics::{SourceId, Sources, render_all};
use backworks_js::{HandlerSource, Language, SourceLoader, compile};

struct FsLoader<'a>(&'a mut Sources);

impl SourceLoader for FsLoader<'_> {
    fn load(&mut self, path: &Path) -> Result<(SourceId, String), String> {
        let text = std::fs::read_to_string(path).map_err(|error| error.to_string())?;
        Ok((self.0.add(path, text.clone()), text))
    }

    fn embed(&mut self, path: &Path, text: &str) -> SourceId {
        self.0.add(path, text)
    }
}

fn snapshot_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../snapshots/js")
}

/// Compiles `text` as the handler at `path`, with the sources diagnostics point into.
fn compile_handler(
    path: &str,
    text: &str,
) -> (
    Result<backworks_js::CompiledProgram, Vec<backworks_diagnostics::Diagnostic>>,
    Sources,
) {
    let mut sources = Sources::new();
    let source = sources.add(path, text);
    let handler = HandlerSource {
        source,
        text: text.to_string(),
        path: PathBuf::from(path),
        language: if path.ends_with(".ts") {
            Language::TypeScript
        } else {
            Language::JavaScript
        },
    };
    let compiled = compile(&[handler], &mut FsLoader(&mut sources));
    (compiled, sources)
}

/// Compiles `text` as the handler at `path`; returns the generated files or the diagnostics.
fn compile_text(path: &str, text: &str) -> String {
    match compile_handler(path, text) {
        (Ok(program), _) => {
            let mut out = String::new();
            for module in &program.modules {
                let file = syn::parse2::<syn::File>(module.items.clone()).expect("valid Rust");
                let exports: Vec<String> = module
                    .exports
                    .iter()
                    .map(|export| format!("{:?} → {}", export.kind, export.entry))
                    .collect();
                out.push_str(&format!(
                    "// ===== src/js/{}.rs (exports: {}) =====\n{}\n",
                    module.rust_name,
                    exports.join(", "),
                    prettyplease::unparse(&file)
                ));
            }
            out
        }
        (Err(diagnostics), sources) => render_all(&diagnostics, &sources),
    }
}

/// The diagnostics of compiling `text`: errors, or the warnings of a program that compiles.
fn diagnostics_of(path: &str, text: &str) -> String {
    match compile_handler(path, text) {
        (Ok(program), sources) => render_all(&program.warnings, &sources),
        (Err(diagnostics), sources) => render_all(&diagnostics, &sources),
    }
}

fn compile_file(path: &str) -> String {
    let text = std::fs::read_to_string(path).unwrap();
    compile_text(path, &text)
}

macro_rules! snapshot {
    ($name:expr, $value:expr) => {
        insta::with_settings!({ snapshot_path => snapshot_dir(), prepend_module_to_snapshot => false }, {
            insta::assert_snapshot!($name, $value);
        });
    };
}

#[test]
fn generated_rust_of_the_examples() {
    snapshot!(
        "generated_echo",
        compile_file("../../examples/hello-world/handlers/echo.js")
    );
    snapshot!(
        "generated_stats",
        compile_file("../../examples/task-manager/handlers/stats.js")
    );
    snapshot!(
        "generated_tasks",
        compile_file("tests/differential/snippets/tasks.js")
    );
    snapshot!(
        "generated_comments",
        compile_file("../../examples/blog-api/handlers/comments.js")
    );
    snapshot!(
        "generated_hello_inline",
        compile_text(
            "../../examples/hello-world/inline-hello.js",
            "function handler(req, res) {\n  const name = req.query_params.name?.trim() || \"world\";\n  return { status: 200, body: { message: `Hello, ${name}!` } };\n}\n",
        )
    );
}

/// Statements and classes whose lowering is less obvious than an expression's: `try`/`finally`
/// completions, `switch` fall-through, labelled blocks, classes with `extends Error` and
/// `super`, per-iteration loop bindings, `const` reassignment.
#[test]
fn generated_rust_of_language_constructs() {
    snapshot!(
        "generated_language",
        compile_text(
            "handlers/language.js",
            r#"class HttpError extends Error {
  status = 500;
  constructor(message, status) { super(message); this.name = "HttpError"; this.status = status; }
  toJSON() { return { error: this.name, status: this.status }; }
  static notFound(what) { return new HttpError(`${what} not found`, 404); }
}
function kind(value) {
  switch (typeof value) {
    case "number": return "n";
    case "string":
    default: { let k = "other"; return k; }
  }
}
module.exports = function (req) {
  const fns = [];
  for (let i = 0; i < 3; i++) fns.push(() => i);
  const limit = 1;
  outer: {
    for (const f of fns) { if (f() > limit) break outer; }
  }
  try {
    if (req.body) throw HttpError.notFound(req.path);
    return { body: fns.map((f) => f()), kind: kind(req.body) };
  } catch (e) {
    if (!(e instanceof HttpError)) throw e;
    return { status: e.status, body: e };
  } finally {
    while (false) { continue; }
  }
};
"#,
        )
    );
}

/// `async` functions become futures (`rt::spawn_async(async move { … })`); `await` suspends
/// (`.await`), and a `try` around an `await` is an async block awaited in place.
#[test]
fn generated_rust_of_async_functions() {
    snapshot!(
        "generated_async",
        compile_text(
            "handlers/async.js",
            r#"const load = async (id) => {
  await null;
  if (!id) throw new Error("no id");
  return { id };
};
module.exports = async function (req) {
  try {
    const item = await load(req.path_params.id);
    return { body: item };
  } catch (e) {
    return { status: 404, body: { error: e.message } };
  }
};
"#,
        )
    );
}

/// Generators become futures resumed by `next()` (`rt::generator(async move { … })`), `yield`
/// and `yield*` suspend them (`.await`), and a `try` around a `yield` is an async block; a
/// symbol-keyed class method is defined from its computed key; `for…of` steps fallibly and
/// closes its iterator after a `break`; a pattern without a rest element takes only what it
/// binds.
#[test]
fn generated_rust_of_generators_and_symbols() {
    snapshot!(
        "generated_generators",
        compile_text(
            "handlers/generators.js",
            r#"class Bag {
  constructor(items) { this.items = items; }
  *[Symbol.iterator]() {
    try {
      yield* this.items;
    } finally {
      yield "done";
    }
  }
}
function* naturals() {
  let n = 0;
  while (true) { const step = yield n; n += step ?? 1; }
}
module.exports = function (req) {
  const seen = [];
  for (const item of new Bag([1, 2])) {
    if (item === 2) break;
    seen.push(item);
  }
  const [first, second] = naturals();
  return { seen, first, second };
};
async function* pages() {
  yield await Promise.resolve(1);
}
module.exports.all = async () => {
  const out = [];
  for await (const page of pages()) out.push(page);
  return out;
};
"#,
        )
    );
}

/// Modules that await timers run on event-loop threads: a stateful one on its isolate's loop,
/// a stateless one on the pool.
#[test]
fn generated_rust_of_handlers_on_the_event_loop() {
    snapshot!(
        "generated_event_loop",
        compile_text(
            "handlers/sleepy.js",
            r#"let served = 0;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
module.exports = async function (req) {
  served += 1;
  await sleep(10);
  return { served };
};
"#,
        )
    );
}

/// TypeScript constructs with run-time values that the compiler rejects.
const UNSUPPORTED_TYPESCRIPT: &[(&str, &str)] = &[
    (
        "ts_enum",
        "enum Color { Red, Blue }\nexport function GET(req: unknown) {\n  return { color: Color.Red };\n}\n",
    ),
    (
        "ts_namespace",
        "namespace Util { export const x = 1; }\nexport function GET() {\n  return {};\n}\n",
    ),
];

/// Each construct the compiler rejects, with the diagnostic a person sees.
const UNSUPPORTED: &[(&str, &str)] = &[
    ("eval", "module.exports = (req) => eval(req.body);\n"),
    (
        "process_writes",
        "module.exports = (req) => {\n  process.env.MODE = \"test\";\n  delete process.env.HOME;\n  process.exit(1);\n  return process.hrtime.bigint();\n};\n",
    ),
    (
        "import_computed",
        "module.exports = async (req) => (await import(req.body.path)).default;\n",
    ),
    (
        "import_package",
        "import express from \"express\";\nexport default (req) => typeof express;\n",
    ),
    (
        "with",
        "module.exports = function (req) {\n  with (req) { return path; }\n};\n",
    ),
    (
        "arguments",
        "module.exports = function (req) {\n  arguments[0] = 1;\n  return { body: Array.isArray(arguments) };\n};\nfunction f(a) {\n  a = 2;\n  return arguments[0];\n}\nconst g = () => arguments.length;\n",
    ),
    (
        "builtin_prototype_write",
        "Array.prototype.last = function () {\n  return this[this.length - 1];\n};\nmodule.exports = (req) => [1, 2].last();\n",
    ),
    (
        "package_require",
        "const express = require(\"express\");\nmodule.exports = (req) => ({ body: 1 });\n",
    ),
    (
        "missing_require",
        "const data = require(\"./does-not-exist.js\");\nmodule.exports = (req) => ({ body: data });\n",
    ),
    (
        "import",
        "import data from \"./data.js\";\nexport default (req) => data;\n",
    ),
    (
        "undeclared_read",
        "module.exports = (req) => ({ body: fetchAll() });\n",
    ),
    (
        "undeclared_write",
        "module.exports = (req) => {\n  total = 1;\n  return { total: 1 };\n};\n",
    ),
    (
        "syntax_error",
        "module.exports = (req) => { return { body: ; };\n",
    ),
    ("no_handler", "const x = 1;\n"),
    (
        "super_property",
        "class A { m() { return super.name; } }\nmodule.exports = (req) => new A().m();\n",
    ),
    (
        "extends_builtin",
        "class Moment extends Date {}\nmodule.exports = (req) => new Moment();\n",
    ),
    (
        "prototype_mutation",
        "module.exports = (req) => {\n  const o = {};\n  Object.setPrototypeOf(o, null);\n  o.__proto__ = {};\n  return o;\n};\n",
    ),
    (
        "node_builtins_refused",
        "const http = require(\"http\");\nconst { exec } = require(\"node:child_process\");\nmodule.exports = async () => [http, exec, await import(\"node:nope\")];\n",
    ),
    (
        "fs_writes_and_computed_paths",
        "const fs = require(\"fs\");\nmodule.exports = (req) => {\n  fs.writeFileSync(\"/tmp/x\", \"y\");\n  return fs.readFileSync(req.query_params.file, \"utf8\");\n};\n",
    ),
    (
        "node_builtin_missing_export",
        "import { join, nope } from \"node:path\";\nexport default () => join(\"a\", nope);\n",
    ),
    (
        "node_intrinsics_are_the_runtimes",
        "module.exports = () => __node.cwd();\n",
    ),
    (
        "several_at_once",
        "module.exports = function (req) {\n  const a = eval(\"1\");\n  with (req) {}\n  return this;\n};\n",
    ),
];

#[test]
fn diagnostics_for_unsupported_constructs() {
    let mut out = String::new();
    for (name, text) in UNSUPPORTED {
        out.push_str(&format!(
            "===== {name} =====\n{}\n",
            diagnostics_of(&format!("handlers/{name}.js"), text)
        ));
    }
    for (name, text) in UNSUPPORTED_TYPESCRIPT {
        out.push_str(&format!(
            "===== {name} =====\n{}\n",
            diagnostics_of(&format!("handlers/{name}.ts"), text)
        ));
    }
    snapshot!("unsupported_constructs", out);
}

/// Whatever the input, the compiler answers with code or diagnostics, never a panic: every
/// prefix of the example handlers is compiled.
#[test]
fn truncated_inputs_never_panic() {
    for path in [
        "tests/differential/snippets/tasks.js",
        "../../examples/blog-api/handlers/search.js",
        "../../examples/blog-api/handlers/comments.js",
    ] {
        let text = std::fs::read_to_string(path).unwrap();
        let mut cut = 0;
        while cut < text.len() {
            if text.is_char_boundary(cut) {
                let _ = compile_text(path, &text[..cut]);
            }
            cut += 13;
        }
    }
}
