//! Snapshots of the request inputs inferred from handler code: targeted cases under
//! `tests/requests/` and every handler of the hand-validated example. Each snapshot lists, per
//! export, the parameters read (with `required` and their JSON Schema) and the body's schema.
//! Whether the schemas admit only what Node's handler accepts is proven live, by schemathesis
//! against the compiled example (`tests/tests/schemathesis.rs`), and by running the patterns
//! against Node's own parsers (`inferred_number_patterns_admit_only_accepted_texts`).

use std::path::Path;

use backworks_diagnostics::Sources;
use backworks_js::{HandlerSource, Language, handler_inputs};

fn pretty(schema: &serde_json::Value) -> String {
    serde_json::to_string_pretty(schema)
        .unwrap_or_default()
        .replace('\n', "\n    ")
}

fn infer_file(path: &Path) -> String {
    let text = std::fs::read_to_string(path).expect("fixture readable");
    let mut sources = Sources::new();
    let source = sources.add(path, text.clone());
    let handler = HandlerSource {
        source,
        text,
        path: path.to_path_buf(),
        language: if path.extension().is_some_and(|extension| extension == "ts") {
            Language::TypeScript
        } else {
            Language::JavaScript
        },
    };
    let mut out = String::new();
    for export in handler_inputs(&handler).exports {
        let name = export.method.map_or("Default", |method| method.as_str());
        out.push_str(&format!("{name}\n"));
        for parameter in &export.parameters {
            out.push_str(&format!(
                "  {} {} ({}): {}\n",
                parameter.location.as_str(),
                parameter.name,
                if parameter.required {
                    "required"
                } else {
                    "optional"
                },
                pretty(&parameter.schema)
            ));
        }
        if let Some(body) = &export.body {
            out.push_str(&format!(
                "  body ({}): {}\n",
                if body.required {
                    "required"
                } else {
                    "optional"
                },
                pretty(&body.schema)
            ));
        }
    }
    out
}

fn files(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .expect("fixture folder")
        .map(|entry| entry.expect("entry").path())
        .filter(|path| {
            path.extension()
                .is_some_and(|extension| extension == "js" || extension == "ts")
        })
        .collect();
    files.sort();
    files
}

#[test]
fn inferred_requests_match_their_snapshots() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path("../../../snapshots/requests");
    settings.set_prepend_module_to_snapshot(false);
    settings.bind(|| {
        for file in files(&root.join("tests/requests")) {
            let name = file.file_stem().unwrap().to_string_lossy().into_owned();
            insta::assert_snapshot!(name, infer_file(&file));
        }
        for file in files(&root.join("../../examples/hand-validated/handlers")) {
            let name = format!(
                "hand-validated-{}",
                file.file_stem().unwrap().to_string_lossy()
            );
            insta::assert_snapshot!(name, infer_file(&file));
        }
    });
}

/// Number checks handlers write, as (how the text is parsed, when the handler refuses `n`).
const NUMBER_CHECKS: &[(&str, &str)] = &[
    ("parseInt(text, 10)", "Number.isNaN(n) || n < 1"),
    ("parseInt(text)", "isNaN(n) || n < 1 || n > 100"),
    ("parseInt(text)", "n > 50"),
    (
        "Number.parseInt(text, 10)",
        "Number.isNaN(n) || n < 1 || n > 90",
    ),
    ("Number(text)", "!Number.isInteger(n) || n < 0"),
    ("Number(text)", "isNaN(n) || n < -5 || n > 5"),
    ("Number(text)", "!n"),
    ("Number(text)", "!Number.isFinite(n) || n <= 0"),
    ("+text", "!Number.isSafeInteger(n) || n < 1"),
    ("parseFloat(text)", "isNaN(n) || n < 0"),
    ("parseFloat(text)", "isNaN(n) || n < 1 || n > 10"),
    (
        "Number(text ?? \"20\")",
        "!Number.isInteger(n) || n < 1 || n > 100",
    ),
];

/// Node decides: for each check, a handler is written around it, its query parameter's schema
/// is inferred, and Node runs the check on many texts (digits, signs, spaces of every kind,
/// fractions, exponents, hexadecimal, long runs, random mixes) and on a missing parameter.
/// No text the inferred pattern admits may be refused, and a parameter documented as optional
/// must be accepted when missing.
#[test]
fn inferred_number_patterns_admit_only_accepted_texts() {
    let mut cases = Vec::new();
    for (parser, refusal) in NUMBER_CHECKS {
        let code = format!(
            "export function GET(req) {{\n  const n = {};\n  if ({refusal}) return {{ status: 400, body: {{ error: \"no\" }} }};\n  return {{ body: {{ ok: true }} }};\n}}\n",
            parser.replace("text", "req.query_params.x")
        );
        let mut sources = Sources::new();
        let path = Path::new("check.js");
        let source = sources.add(path, code.clone());
        let inputs = handler_inputs(&HandlerSource {
            source,
            text: code,
            path: path.to_path_buf(),
            language: Language::JavaScript,
        });
        let parameter = &inputs.exports[0].parameters[0];
        let pattern = parameter.schema["pattern"]
            .as_str()
            .unwrap_or_else(|| panic!("{parser} / {refusal}: no pattern in {}", parameter.schema));
        cases.push(serde_json::json!({
            "parser": parser, "refusal": refusal, "pattern": pattern, "required": parameter.required,
        }));
    }
    let script = r#"
const cases = JSON.parse(require("fs").readFileSync(0, "utf8"));
let seed = 7;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const alphabet = ["0", "1", "2", "5", "9", "+", "-", ".", "e", "E", "x", "X", "a", "_", " ",
  "\t", "\n", "\u00a0", "\ufeff", "\u2028", "\u3000", "\u001c", "\u0085"];
const texts = new Set(["", "0", "-0", "+0", "00", "1e3", "1e-3", "5e-1", "0x10", "0X1f", "-0x5",
  "0b11", "0o7", "Infinity", "-Infinity", "NaN", "1_000", "9007199254740991", "9007199254740992",
  "9007199254740993", "1".repeat(308), "1".repeat(309), "1".repeat(400), "100", "101", "90",
  "91", "10.5", "10.0", "1.", ".5", "  7  ", "7abc", "50.5", "5.0001", "-5.5", "-6"]);
const small = ["0", "1", "5", "9", "-", "+", ".", "e", "x", " ", "\u00a0"];
for (const a of small) for (const b of small) for (const c of small) texts.add(a + b + c);
for (let i = 0; i < 20000; i++) {
  let text = "";
  const length = 1 + Math.floor(random() * 7);
  for (let j = 0; j < length; j++) text += alphabet[Math.floor(random() * alphabet.length)];
  texts.add(text);
}
const problems = [];
for (const { parser, refusal, pattern, required } of cases) {
  const parse = new Function("text", `return ${parser};`);
  const refuses = new Function("n", `return ${refusal};`);
  const regex = new RegExp(pattern);
  let admitted = 0, accepted = 0;
  for (const text of texts) {
    const refused = Boolean(refuses(parse(text)));
    if (!refused) accepted++;
    if (regex.test(text)) {
      admitted++;
      if (refused) problems.push(`${parser} / ${refusal}: ${JSON.stringify(text)} is admitted but refused`);
    }
  }
  if (!required && refuses(parse(undefined))) problems.push(`${parser} / ${refusal}: optional but a missing value is refused`);
  if (admitted === 0) problems.push(`${parser} / ${refusal}: the pattern admits nothing`);
  console.log(`${parser} / ${refusal}: admits ${admitted} of the ${accepted} accepted texts`);
}
if (problems.length) { console.error(problems.slice(0, 40).join("\n")); process.exit(1); }
"#;
    let mut child = std::process::Command::new("node")
        .args(["-e", script])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("node runs");
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(serde_json::to_string(&cases).unwrap().as_bytes())
        .unwrap();
    let output = child.wait_with_output().unwrap();
    let report = String::from_utf8_lossy(&output.stdout).into_owned()
        + &String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{report}");
    println!("{report}");
}
