//! The hello, search and echo workloads are the examples' own handlers, copied into
//! `bench/workloads/handlers/` so the benchmark project is self-contained. This keeps the copies
//! honest: if an example's handler changes, the benchmark must measure the new one.

use std::path::Path;

fn read(relative: &str) -> String {
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
    std::fs::read_to_string(workspace.join(relative))
        .unwrap_or_else(|error| panic!("{relative}: {error}"))
}

#[test]
fn copied_handler_files_match_the_examples() {
    for (copy, original) in [
        (
            "bench/workloads/handlers/search.js",
            "examples/blog-api/handlers/search.js",
        ),
        (
            "bench/workloads/handlers/data.js",
            "examples/blog-api/handlers/data.js",
        ),
        (
            "bench/workloads/handlers/echo.js",
            "examples/hello-world/handlers/echo.js",
        ),
    ] {
        assert_eq!(read(copy), read(original), "{copy} drifted from {original}");
    }
}

#[test]
fn hello_is_the_hello_world_inline_handler() {
    // The blueprint's inline handler, de-indented from its YAML block.
    let blueprint = read("examples/hello-world/backworks.yaml");
    let inline: String = blueprint
        .split("handler: |\n")
        .nth(1)
        .expect("an inline handler")
        .lines()
        .take_while(|line| line.is_empty() || line.starts_with("      "))
        .map(|line| format!("{}\n", line.get(6..).unwrap_or("")))
        .collect();
    assert_eq!(
        read("bench/workloads/handlers/hello.js"),
        inline.trim_end().to_owned() + "\n"
    );
}
