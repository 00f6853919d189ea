//! `Math` functions compared with Node bit for bit: Node evaluates each function on thousands of
//! arguments across magnitudes (from a fixed pseudo-random sequence), and the runtime must give
//! the identical double for every one. V8's results come from fdlibm, not from the C library,
//! so "within an ulp" is not enough for byte-identical responses.

mod node_support;

use node_support::run_node;

use backworks_runtime::js::{self as rt, Value};

const FUNCTIONS: &[&str] = &[
    "sin", "cos", "tan", "asin", "acos", "atan", "sinh", "cosh", "tanh", "asinh", "acosh", "atanh",
    "exp", "expm1", "log", "log1p", "log2", "log10", "cbrt", "atan2", "hypot", "pow",
];

/// `(function, arguments, result)` as raw bits, computed by Node.
fn node_samples() -> Vec<(String, Vec<u64>, u64)> {
    let fns = format!("{FUNCTIONS:?}");
    let script = format!(
        r#"
const fns = {fns};
let seed = 20240601;
const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const bits = (x) => new BigUint64Array(new Float64Array([x]).buffer)[0];
const lines = [];
for (const f of fns) for (let i = 0; i < 2000; i++) {{
  let x = (random() - 0.5) * 2 ** (Math.floor(random() * 44) - 22);
  const y = (random() - 0.5) * 2 ** (Math.floor(random() * 12) - 4);
  if (f === "acosh") x = 1 + Math.abs(x);
  if (f === "atanh" || f === "asin" || f === "acos") x = (random() - 0.5) * 1.999;
  if (["log", "log2", "log10"].includes(f)) x = Math.abs(x);
  if (f === "log1p") x = Math.max(x, -0.9999);
  if (f === "exp" || f === "expm1" || f === "sinh" || f === "cosh") x = (random() - 0.5) * 1420;
  const args = ["atan2", "hypot", "pow"].includes(f) ? [x, y] : [x];
  lines.push([f, ...args.map(bits), bits(Math[f](...args))].join(" "));
}}
// Small integers and simple fractions, where handlers' arguments usually are.
for (const f of fns) for (const x of [0, 1, 2, 3, 10, 0.5, 0.25, 1.5, -1, -2, 100, 1e-300, 1e300, -0]) {{
  const args = ["atan2", "hypot", "pow"].includes(f) ? [x, 3] : [x];
  lines.push([f, ...args.map(bits), bits(Math[f](...args))].join(" "));
}}
console.log(lines.join("\n"));
"#
    );
    run_node(&script)
        .iter()
        .map(|line| {
            let mut parts = line.split(' ');
            let name = parts.next().unwrap().to_string();
            let mut numbers: Vec<u64> = parts.map(|part| part.parse().unwrap()).collect();
            let result = numbers.pop().unwrap();
            (name, numbers, result)
        })
        .collect()
}

#[test]
fn math_functions_are_bit_identical_to_node() {
    let mut failures = Vec::new();
    for (name, args, expected) in node_samples() {
        let values: Vec<Value> = args
            .iter()
            .map(|bits| Value::Number(f64::from_bits(*bits)))
            .collect();
        let Ok(Value::Number(actual)) = rt::call_static(&format!("Math.{name}"), &values) else {
            panic!("Math.{name} did not return a number");
        };
        let expected = f64::from_bits(expected);
        if actual.to_bits() != expected.to_bits() && !(actual.is_nan() && expected.is_nan()) {
            let shown: Vec<f64> = args.iter().map(|bits| f64::from_bits(*bits)).collect();
            failures.push(format!(
                "Math.{name}{shown:?}: node {expected:e}, runtime {actual:e}"
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} differences, first: {:#?}",
        failures.len(),
        &failures[..failures.len().min(10)]
    );
}
