//! The typed client package (`OUT/clients/client/`) and the React, Vue and Svelte packages
//! beside it (`OUT/clients/{react,vue,svelte}/`) of every example:
//!
//! - its generated files match their snapshots (`snapshots/clients/`);
//! - TypeScript (`tsc --strict --noEmit`, resolving the package through its `exports` map)
//!   accepts consumer files that call every operation (`tests/clients/<example>.ts`) and
//!   rejects, line by line, wrong parameters, wrong bodies, unknown members and data read
//!   before `status` is checked (`// @ts-expect-error`: an unused one is itself an error), and
//!   the TypeScript examples of each package's README;
//! - `vue-tsc` and `svelte-check`, which type-check templates too, accept the examples of the
//!   Vue and Svelte READMEs written out as `.vue`/`.svelte` components, and reject a component
//!   misusing a query's data in its markup;
//! - against the example's live generated server, node's test runner calls every operation
//!   through the package (`tests/clients/<example>.test.mjs`): answers, error statuses, a
//!   timeout and an abort, bearer tokens (minted with Node's `crypto`), resource filters.

use std::path::PathBuf;
use std::process::Command;
use std::sync::OnceLock;

use backworks_tests::server::{RunningServer, build_server};
use backworks_tests::{EXAMPLES, compile, example, workspace_root};

/// The projects with a client: every example, the one whose server needs a secret, and a
/// service with API keys (`tests/fixtures/clients/api-keys`, whose package is `keyed`).
fn projects() -> Vec<(&'static str, PathBuf)> {
    EXAMPLES
        .iter()
        .chain(&["notes-auth"])
        .map(|name| (*name, example(name)))
        .chain([(
            "keyed",
            workspace_root().join("tests/fixtures/clients/api-keys"),
        )])
        .collect()
}

/// Where the tests put the builds, the consumers and the `node_modules` linking them.
fn root() -> PathBuf {
    workspace_root().join("target/typed-client")
}

/// Every example compiled into `root()/<example>/`, with `node_modules/@<service>/client`
/// linking its package, once per test process.
fn built() -> &'static [(String, String)] {
    static BUILT: OnceLock<Vec<(String, String)>> = OnceLock::new();
    BUILT.get_or_init(|| {
        let mut packages = Vec::new();
        for (name, project) in projects() {
            let compiled = compile(&project)
                .unwrap_or_else(|diagnostics| panic!("{name} does not compile:\n{diagnostics}"));
            let out = root().join(name);
            compiled.tree.write(&out).expect("output written");
            let manifest = compiled
                .tree
                .get("clients/client/package.json")
                .expect("the client's package.json");
            let package: serde_json::Value = serde_json::from_str(manifest).expect("JSON");
            let package = package["name"].as_str().expect("a name").to_string();
            // `@<service>/client`, and the framework packages beside it.
            for dir in ["client", "react", "vue", "svelte"] {
                let name = format!("{}/{dir}", package.trim_end_matches("/client"));
                let link = root().join("node_modules").join(&name);
                std::fs::create_dir_all(link.parent().unwrap()).expect("node_modules");
                let _ = std::fs::remove_file(&link);
                std::os::unix::fs::symlink(out.join("clients").join(dir), &link).expect("linked");
            }
            packages.push((name.to_string(), package));
        }
        packages
    })
}

#[test]
fn client_packages_match_their_snapshots() {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path("../../snapshots/clients");
    settings.set_prepend_module_to_snapshot(false);
    settings.bind(|| {
        for (name, project) in projects() {
            let compiled =
                compile(&project).unwrap_or_else(|diagnostics| panic!("{name}:\n{diagnostics}"));
            let mut sections = String::new();
            for (path, text) in compiled.tree.files() {
                let path = path.to_string_lossy();
                // The client's files by name, the framework packages' under their folder.
                let Some(file) = path
                    .strip_prefix("clients/client/")
                    .or_else(|| path.strip_prefix("clients/"))
                else {
                    continue;
                };
                // The runtimes are the same files in every package (`templates/`).
                let name = file.rsplit('/').next().unwrap_or(file);
                if ["runtime.", "live.", "store."]
                    .iter()
                    .any(|prefix| name.starts_with(prefix))
                {
                    continue;
                }
                // The IR holds only the names of the variables holding secrets; not even
                // those reach a client.
                assert!(
                    !text.contains("JWT_SECRET"),
                    "{name}: {file} names the secret"
                );
                // A template that fails to render is written as its error (a build never
                // fails on one); no package may ship such a file.
                assert!(
                    !text.contains("template error:"),
                    "{name}: {file} did not render:\n{text}"
                );
                sections.push_str(&format!("=== {file}\n{text}\n"));
            }
            insta::assert_snapshot!(name, sections);
        }
    });
}

/// `tests/clients/<file>` copied under `root()/<folder>/`.
fn copy_consumer(file: &str, folder: &str) -> PathBuf {
    let to = root().join(folder).join(file);
    std::fs::create_dir_all(to.parent().unwrap()).expect("folder");
    std::fs::copy(workspace_root().join("tests/clients").join(file), &to)
        .unwrap_or_else(|error| panic!("tests/clients/{file}: {error}"));
    to
}

/// The code blocks of a README fenced as `language` (` ```ts `, ` ```vue `…), in order: the one
/// extractor of every README check below.
fn code_blocks<'a>(readme: &'a str, language: &str) -> Vec<&'a str> {
    readme
        .split(&format!("```{language}\n"))
        .skip(1)
        .map(|block| block.split("```").next().unwrap_or_default())
        .collect()
}

/// The TypeScript examples of a package's README as one module: each block in a function of
/// its own, with what the blocks take for granted (a session, `process.env`) declared.
fn readme_examples(package: &str, readme: &str) -> String {
    let mut module = format!(
        "import {{ createClient, createQuery }} from \"{package}\";\n\
         declare const session: {{ accessToken: string; refresh(): Promise<{{ accessToken: string }}> }};\n\
         declare const process: {{ env: Record<string, string | undefined> }};\n\
         const client = createClient({{ baseUrl: \"http://localhost\" }});\n\
         void client;\n\
         void createQuery;\n"
    );
    for (index, code) in code_blocks(readme, "ts").into_iter().enumerate() {
        let code: String = code
            .lines()
            .filter(|line| !line.starts_with("import "))
            .map(|line| format!("  {line}\n"))
            .collect();
        module.push_str(&format!(
            "export async function example{index}() {{\n{code}}}\n"
        ));
    }
    module
}

/// The TSX examples of a React package's README, each a module of its own: its imports at the
/// top; the rest as it is when it exports, else in an async function. TanStack Query's
/// `useQuery` (not installed) is declared with the options shape it takes, and `client` is
/// declared where a block uses it without making it.
fn react_readme_examples(client: &str, readme: &str) -> Vec<String> {
    let mut modules = Vec::new();
    for code in code_blocks(readme, "tsx") {
        let mut imports = String::new();
        let mut body = String::new();
        for line in code.lines() {
            if line.contains("@tanstack/react-query") {
                imports.push_str(
                    "declare function useQuery<T>(options: {\n\
                     \x20 queryKey: readonly unknown[];\n\
                     \x20 queryFn: (context: { signal: AbortSignal }) => Promise<T>;\n\
                     }): { data: T | undefined };\n",
                );
            } else if line.starts_with("import ") {
                imports.push_str(line);
                imports.push('\n');
            } else {
                body.push_str(line);
                body.push('\n');
            }
        }
        if body.contains("client") && !body.contains("const client") {
            imports.push_str(&format!(
                "declare const client: import(\"{client}\").Client;\n"
            ));
        }
        let module = if body.contains("export ") {
            format!("{imports}{body}")
        } else {
            let body: String = body.lines().map(|line| format!("  {line}\n")).collect();
            format!("{imports}export async function example() {{\n{body}}}\n")
        };
        modules.push(module);
    }
    modules
}

/// A framework whose README shows components: its examples are checked as files of their own
/// kind by the framework's checker (`vue-tsc`, `svelte-check`), which type-check the markup too.
#[derive(Clone, Copy, Debug)]
enum Components {
    Vue,
    Svelte,
}

impl Components {
    /// The package folder, the README's fence and the file extension.
    fn name(self) -> &'static str {
        match self {
            Components::Vue => "vue",
            Components::Svelte => "svelte",
        }
    }

    fn script(self) -> &'static str {
        match self {
            Components::Vue => "<script setup lang=\"ts\">",
            Components::Svelte => "<script lang=\"ts\">",
        }
    }

    /// How the package's functions begin (`useListNotes`, `createListNotes`).
    fn prefix(self) -> &'static str {
        match self {
            Components::Vue => "use",
            Components::Svelte => "create",
        }
    }

    /// A component misusing notes-auth's package in its markup, which the checker must reject
    /// with `MISUSE_ERROR` (and nothing else).
    fn misuse(self) -> &'static str {
        match self {
            Components::Vue => {
                "<script setup lang=\"ts\">\nimport { useGetNote } from \"@notes-auth/vue\";\n\
                 const note = useGetNote({ id: 1 });\n</script>\n\n\
                 <template>\n  <p>{{ note.data.value?.nope }}</p>\n</template>\n"
            }
            Components::Svelte => {
                "<script lang=\"ts\">\n  import { createGetNote } from \"@notes-auth/svelte\";\n\
                 \x20 const note = createGetNote(() => ({ id: 1 }));\n</script>\n\n\
                 <p>{note.current.data?.nope}</p>\n"
            }
        }
    }
}

/// What the checkers must say of the misuse: a note has no `nope`.
const MISUSE_ERROR: &str = "Property 'nope' does not exist on type 'Note'";

/// The examples of a Vue or Svelte package's README as the files of a consumer project: each
/// component block a component (the first `App.<ext>`, which the Vue README's `main.ts`
/// mounts); each TypeScript block that imports what it uses a module; one that takes its
/// imports for granted (the writes) in a function inside a component's script (`<script setup>`
/// takes no exports), importing the package's functions it calls.
fn component_readme_examples(
    framework: Components,
    package: &str,
    readme: &str,
) -> Vec<(String, String)> {
    let ext = framework.name();
    let mut files = Vec::new();
    for (index, code) in code_blocks(readme, ext).into_iter().enumerate() {
        let file = if index == 0 {
            format!("App.{ext}")
        } else {
            format!("Example{index}.{ext}")
        };
        files.push((file, code.to_string()));
    }
    for (index, code) in code_blocks(readme, "ts").into_iter().enumerate() {
        if code.lines().any(|line| line.starts_with("import ")) {
            files.push((format!("example{index}.ts"), code.to_string()));
            continue;
        }
        let mut called: Vec<&str> = code
            .split(|c: char| !c.is_ascii_alphanumeric() && c != '_')
            .filter(|word| {
                word.strip_prefix(framework.prefix())
                    .is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_uppercase()))
            })
            .collect();
        called.sort_unstable();
        called.dedup();
        let body: String = code.lines().map(|line| format!("    {line}\n")).collect();
        files.push((
            format!("Writes{index}.{ext}"),
            format!(
                "{}\n  import {{ {} }} from \"{package}\";\n\n  async function example() {{\n{body}  }}\n  void example;\n</script>\n",
                framework.script(),
                called.join(", ")
            ),
        ));
    }
    files
}

/// The diagnostics of a checker's run that are errors, one per line, as the checker printed
/// them (`vue-tsc`: `App.vue(8,26): error TS2339: …`; `svelte-check --output machine`:
/// `… ERROR "App.svelte" 17:24 "…"`).
fn checker_errors(output: &std::process::Output) -> Vec<String> {
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .chain(String::from_utf8_lossy(&output.stderr).lines())
        .filter(|line| line.contains(": error TS") || line.contains(" ERROR "))
        .map(str::to_string)
        .collect()
}

/// The README examples of every project's Vue or Svelte package, and notes-auth's misuse,
/// checked by the framework's checker: it must report the misuse and nothing else. Prints how
/// long the checker took.
fn check_component_examples(framework: Components) {
    let ext = framework.name();
    let folder = root().join(format!("consumers-{ext}"));
    let _ = std::fs::remove_dir_all(&folder);
    for (name, package) in built() {
        let readme =
            std::fs::read_to_string(root().join(name).join(format!("clients/{ext}/README.md")))
                .expect("the README");
        let framework_package = format!("{}/{ext}", package.trim_end_matches("/client"));
        let examples = component_readme_examples(framework, &framework_package, &readme);
        assert!(
            examples.iter().any(|(file, _)| file.starts_with("App."))
                && examples.iter().any(|(file, _)| file.starts_with("Writes")),
            "{name}'s {ext} README shows no component or no write: {examples:?}"
        );
        for (file, text) in examples {
            let to = folder.join(name).join(file);
            std::fs::create_dir_all(to.parent().unwrap()).expect("folder");
            std::fs::write(to, text).expect("README example written");
        }
    }
    std::fs::write(
        folder.join(format!("notes-auth/Misuse.{ext}")),
        framework.misuse(),
    )
    .expect("misuse written");
    // A bundler's resolution, as the Vite apps these packages are meant for.
    std::fs::write(
        folder.join("tsconfig.json"),
        format!(
            r#"{{
  "compilerOptions": {{
    "strict": true,
    "noEmit": true,
    "target": "ES2022",
    "module": "ESNext",
    "moduleResolution": "Bundler",
    "verbatimModuleSyntax": true,
    "lib": ["ES2022", "DOM"],
    "types": [],
    "skipLibCheck": false
  }},
  "include": ["*/*.ts", "*/*.{ext}"]
}}
"#
        ),
    )
    .expect("tsconfig written");
    let bin = workspace_root().join("node_modules/.bin");
    let mut command = match framework {
        Components::Vue => {
            let mut command = Command::new(bin.join("vue-tsc"));
            command.args(["-p", "tsconfig.json"]);
            command
        }
        Components::Svelte => {
            let mut command = Command::new(bin.join("svelte-check"));
            command
                .arg("--workspace")
                .arg(&folder)
                .arg("--tsconfig")
                .arg(folder.join("tsconfig.json"))
                .args(["--output", "machine", "--fail-on-warnings"]);
            command
        }
    };
    let started = std::time::Instant::now();
    let output = command
        .current_dir(&folder)
        .output()
        .unwrap_or_else(|error| panic!("the {ext} checker runs (npm ci installs it): {error}"));
    eprintln!(
        "{ext}: the checker took {:.1} s over {} README examples",
        started.elapsed().as_secs_f64(),
        built().len()
    );
    let errors = checker_errors(&output);
    let everything = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        !output.status.success(),
        "the {ext} checker accepted the misuse:\n{everything}"
    );
    assert!(
        errors.len() == 1
            && errors[0].contains(&format!("Misuse.{ext}"))
            && errors[0].contains(MISUSE_ERROR),
        "the {ext} checker should reject the misuse and nothing else:\n{everything}"
    );
    if let Components::Svelte = framework {
        assert!(
            everything.contains("COMPLETED") && everything.contains(" 0 WARNINGS"),
            "svelte-check warned:\n{everything}"
        );
    }
}

#[test]
fn vue_readme_examples_type_check() {
    check_component_examples(Components::Vue);
}

#[test]
fn svelte_readme_examples_type_check() {
    check_component_examples(Components::Svelte);
}

#[test]
fn typescript_accepts_every_operation_and_rejects_misuse() {
    for (name, package) in built() {
        copy_consumer(&format!("{name}.ts"), "consumers");
        let frameworks = format!("{name}.frameworks.ts");
        if workspace_root()
            .join("tests/clients")
            .join(&frameworks)
            .exists()
        {
            copy_consumer(&frameworks, "consumers");
        }
        let readme = std::fs::read_to_string(root().join(name).join("clients/client/README.md"))
            .expect("the README");
        std::fs::write(
            root().join("consumers").join(format!("readme-{name}.ts")),
            readme_examples(package, &readme),
        )
        .expect("README examples written");
        let react = std::fs::read_to_string(root().join(name).join("clients/react/README.md"))
            .expect("the React README");
        for (index, module) in react_readme_examples(package, &react).iter().enumerate() {
            std::fs::write(
                root()
                    .join("consumers")
                    .join(format!("readme-react-{name}-{index}.tsx")),
                module,
            )
            .expect("README examples written");
        }
    }
    // Node's resolution (the `exports` map), and a bundler's (Vite, esbuild); and the
    // strictest optional members, which many projects turn on.
    for (file, module, resolution, exact) in [
        ("tsconfig.json", "NodeNext", "NodeNext", false),
        ("tsconfig.bundler.json", "ESNext", "Bundler", false),
        ("tsconfig.exact.json", "NodeNext", "NodeNext", true),
    ] {
        let config = root().join(file);
        std::fs::write(
            &config,
            format!(
                r#"{{
  "compilerOptions": {{
    "strict": true,
    "exactOptionalPropertyTypes": {exact},
    "noEmit": true,
    "target": "ES2022",
    "module": "{module}",
    "moduleResolution": "{resolution}",
    "lib": ["ES2022", "DOM"],
    "types": [],
    "jsx": "react-jsx",
    "skipLibCheck": false
  }},
  "include": ["consumers/*.ts", "consumers/*.tsx"]
}}
"#
            ),
        )
        .expect("tsconfig written");
        let output = Command::new(workspace_root().join("node_modules/.bin/tsc"))
            .args(["-p", &config.to_string_lossy()])
            .output()
            .expect("tsc runs (npm ci installs it)");
        assert!(
            output.status.success(),
            "tsc --strict ({file}) rejected the consumers:\n{}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
    }
}

/// The example's server, built from `root()/<name>/server` into the shared target folder.
fn server_binary(name: &str) -> PathBuf {
    built();
    build_server(&root().join(name))
}

/// Runs `tests/clients/<name>.test.mjs` with node's test runner against `server` (if any).
fn run_node_tests(name: &str, server: Option<&RunningServer>, env: &[(&str, &str)]) {
    run_node_file(&format!("{name}.test.mjs"), name, server, env);
}

/// Runs `tests/clients/<file>` with node's test runner (see `run_node_tests`).
fn run_node_file(file: &str, name: &str, server: Option<&RunningServer>, env: &[(&str, &str)]) {
    let file = copy_consumer(file, "live");
    let output = Command::new("node")
        .arg("--test")
        .arg(&file)
        .current_dir(root())
        .env(
            "BASE_URL",
            server.map_or(String::new(), |server| server.base_url.clone()),
        )
        .env("EXAMPLE_DIR", example(name))
        .envs(env.iter().copied())
        .output()
        .expect("node runs");
    let report = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success() && report.contains("# fail 0") && !report.contains("# pass 0"),
        "node --test {} failed:\n{report}{}",
        file.display(),
        String::from_utf8_lossy(&output.stderr)
    );
}

/// A fresh working folder (where a relative SQLite URL puts the database).
fn working_folder(name: &str) -> PathBuf {
    let folder = root().join("run").join(name);
    let _ = std::fs::remove_dir_all(&folder);
    std::fs::create_dir_all(&folder).expect("a working folder");
    folder
}

fn live(name: &str, env: &[(&str, &str)]) {
    let binary = server_binary(name);
    let folder = working_folder(name);
    let server = RunningServer::start_in(&binary, &folder, env);
    run_node_tests(name, Some(&server), env);
}

#[test]
fn hello_world_through_the_client() {
    live("hello-world", &[]);
}

#[test]
fn blog_api_through_the_client() {
    live("blog-api", &[]);
}

#[test]
fn catalog_through_the_client() {
    live("catalog", &[]);
}

#[test]
fn typed_notes_through_the_client() {
    live("typed-notes", &[]);
}

#[test]
fn task_manager_through_the_client() {
    live("task-manager", &[]);
}

#[test]
fn bookstore_through_the_client() {
    live("bookstore", &[]);
}

/// What notes-auth's server needs to start.
const NOTES_AUTH_ENV: &[(&str, &str)] = &[
    ("JWT_SECRET", "a-client-test-secret-that-is-long-enough"),
    (
        "SESSION_SECRET",
        "the-client-tests-accounts-secret-long-enough",
    ),
    ("ADMIN_EMAIL", "admin@example.com"),
    ("ADMIN_PASSWORD", "the client test's admin password"),
];

#[test]
fn notes_auth_through_the_client() {
    live("notes-auth", NOTES_AUTH_ENV);
}

/// Live events through `client.subscribe`: the test file starts, kills and restarts the
/// servers itself (`tests/clients/notes-auth.live.test.mjs`).
#[test]
fn notes_auth_live_events_through_the_client() {
    let binary = server_binary("notes-auth");
    let folder = working_folder("notes-auth-live");
    let mut env = NOTES_AUTH_ENV.to_vec();
    let binary = binary.to_string_lossy();
    let folder = folder.to_string_lossy();
    env.push(("SERVER_BINARY", &binary));
    env.push(("WORK_DIR", &folder));
    run_node_file("notes-auth.live.test.mjs", "notes-auth", None, &env);
}

/// API keys: the client sends the key in the header the blueprint names, to the operations that
/// take credentials only (checked by a recording Node server in the test file itself).
#[test]
fn an_api_key_goes_in_the_declared_header() {
    built();
    run_node_tests("keyed", None, &[]);
}
