//! Global functions, static methods and constructors compared with Node: each case is a call
//! with JSON arguments, evaluated by the runtime (`call_static` / `construct`) and by `node`;
//! the `JSON.stringify` of both results, or the name and message of what they throw, must be
//! identical. Node 20 computes every expected value.

mod node_support;

use backworks_runtime::js::{self as rt, JsString, Value, json};
use node_support::node_values;

fn arguments(text: &str) -> Vec<Value> {
    let parsed = json::parse(&JsString::new(text)).unwrap_or_else(|_| panic!("bad JSON {text}"));
    rt::iterate::collect(&parsed).unwrap()
}

fn shown(result: Result<Value, rt::Throw>) -> String {
    match result {
        Ok(value) => json::stringify(&value, &Value::Undefined)
            .unwrap()
            .unwrap_or_else(|| "undefined".to_string()),
        Err(thrown) => {
            let (name, message) = rt::error::error_parts(&thrown.value).unwrap_or_default();
            format!("THROW {name}: {message}")
        }
    }
}

/// `(global function or static method, arguments as a JSON array)`.
const CALLS: &[(&str, &str)] = &[
    ("Math.hypot", "[3, 4]"),
    ("Math.hypot", "[]"),
    ("Math.hypot", "[1, 1, 1]"),
    ("Math.max", "[1, \"5\", 3]"),
    ("Math.min", "[]"),
    ("Math.round", "[-2.5]"),
    ("Math.round", "[0.49999999999999994]"),
    ("Math.sign", "[-3]"),
    ("Math.clz32", "[1]"),
    ("Math.clz32", "[-1]"),
    ("Math.imul", "[4294967295, 5]"),
    ("Math.fround", "[5.05]"),
    ("Math.cbrt", "[-64]"),
    ("Math.log1p", "[1e-10]"),
    ("Math.expm1", "[1e-10]"),
    ("Math.log10", "[1000]"),
    ("Math.log2", "[3]"),
    ("Math.sinh", "[1]"),
    ("Math.cosh", "[1]"),
    ("Math.tanh", "[0.5]"),
    ("Math.asinh", "[1]"),
    ("Math.acosh", "[2]"),
    ("Math.atanh", "[0.5]"),
    ("Math.asin", "[1]"),
    ("Math.acos", "[0.5]"),
    ("Math.atan2", "[-1, -1]"),
    ("Math.pow", "[2, -2]"),
    ("Object.is", "[1, 1]"),
    ("Object.is", "[0, -0]"),
    ("String.fromCodePoint", "[128512, 65, 233]"),
    ("String.fromCodePoint", "[-1]"),
    ("String.fromCodePoint", "[1.5]"),
    ("String.fromCharCode", "[72, 105]"),
    ("encodeURIComponent", "[\"a b&c=d/e?f#g+h%i😀é~!*'()\"]"),
    ("encodeURI", "[\"http://x.com/a b?q=1&r=ü#frag\"]"),
    ("decodeURIComponent", "[\"a+b%20c\"]"),
    ("decodeURIComponent", "[\"%\"]"),
    ("decodeURIComponent", "[\"%E0%A4%A\"]"),
    ("decodeURIComponent", "[\"%ZZ\"]"),
    ("decodeURI", "[\"%41%2F%20\"]"),
    ("decodeURI", "[\"%C0%80\"]"),
    ("JSON.parse", "[\"\"]"),
    ("JSON.parse", "[\"{\"]"),
    ("JSON.parse", "[\"{'a':1}\"]"),
    ("JSON.parse", "[\"[1,]\"]"),
    ("JSON.parse", "[\"{\\\"a\\\":1,}\"]"),
    ("JSON.parse", "[\"undefined\"]"),
    ("JSON.parse", "[\"NaN\"]"),
    ("JSON.parse", "[\"01\"]"),
    ("JSON.parse", "[\"1.\"]"),
    ("JSON.parse", "[\".5\"]"),
    ("JSON.parse", "[\"\\\"unterminated\"]"),
    ("JSON.parse", "[\"{\\\"a\\\" 1}\"]"),
    ("JSON.parse", "[\"tru\"]"),
    ("JSON.parse", "[\"[1] x\"]"),
    ("JSON.parse", "[\"\\\"\\t\\\"\"]"),
    ("JSON.parse", "[\"-\"]"),
    ("JSON.parse", "[\"{\\\"a\\\":1}}\"]"),
    ("JSON.parse", "[\"\\u00a0 1\"]"),
    (
        "JSON.stringify",
        "[{\"b\": [1, {\"c\": 2}], \"a\": \"x\"}, [\"a\", \"b\"], 2]",
    ),
    ("JSON.stringify", "[[1, [2]], null, \"--\"]"),
    ("btoa", "[\"hello world\"]"),
    ("btoa", "[\"é\"]"),
    ("btoa", "[\"a\"]"),
    ("btoa", "[\"ab\"]"),
    ("btoa", "[\"😀\"]"),
    ("btoa", "[null]"),
    ("btoa", "[]"),
    ("atob", "[\"aGVsbG8gd29ybGQ=\"]"),
    ("atob", "[\" aGVs bG8= \"]"),
    ("atob", "[\"aGVsbG8gd29ybGQ\"]"),
    ("atob", "[\"6Q==\"]"),
    ("atob", "[\"a\"]"),
    ("atob", "[\"@@\"]"),
    ("atob", "[\"YQ=x\"]"),
    ("Number.parseFloat", "[\"1.5e3x\"]"),
    ("Number.isInteger", "[5.0]"),
    ("Array", "[3]"),
    ("Array", "[1, 2]"),
    ("Array", "[-1]"),
    ("Date.parse", "[\"2024-03-07 10:00:00\"]"),
    ("Date.parse", "[\"2024-03-07T10:00\"]"),
    ("Date.parse", "[\"2024-03-07T10:00:00.123456Z\"]"),
    ("Date.parse", "[\"2024-3-7\"]"),
    ("Date.parse", "[\"2024/03/07\"]"),
    ("Date.parse", "[\"03/07/2024\"]"),
    ("Date.parse", "[\"March 7, 2024\"]"),
    ("Date.parse", "[\"7 March 2024\"]"),
    ("Date.parse", "[\"Thu, 07 Mar 2024 10:00:00 GMT\"]"),
    (
        "Date.parse",
        "[\"Thu Mar 07 2024 10:00:00 GMT+0000 (Coordinated Universal Time)\"]",
    ),
    ("Date.parse", "[\"2024-03-07T10:00:00+0100\"]"),
    ("Date.parse", "[\"2024-03-07T24:00:00Z\"]"),
    ("Date.parse", "[\"2024-02-30\"]"),
    ("Date.parse", "[\"2024-13-01\"]"),
    ("Date.parse", "[\"+002024-03-07\"]"),
    ("Date.parse", "[\"-000001-01-01T00:00:00Z\"]"),
    ("Date.parse", "[\"Mar 7 2024 10:00 PM\"]"),
    ("Date.parse", "[\"2024\"]"),
    ("Date.parse", "[\"2024-03\"]"),
    ("Date.parse", "[\"  2024-03-07  \"]"),
    ("Date.parse", "[\"20240307\"]"),
    ("Date.parse", "[\"1710000000000\"]"),
    ("Date.parse", "[\"Thu, 07 Mar 2024 10:00:00 +0200\"]"),
    ("Date.parse", "[\"2024-03-07T10:00:00.5Z\"]"),
    ("Date.parse", "[\"2024-03-07T10:00:00,5Z\"]"),
    ("Date.parse", "[\"Sat Nov 25 2026\"]"),
    ("Date.parse", "[\"12/25/2024 14:30\"]"),
    ("Date.parse", "[\"12/25/24\"]"),
    ("Date.parse", "[\"March 2024\"]"),
    ("Date.parse", "[\"Dec 25, 2024 12:00 AM\"]"),
    ("Date.parse", "[\"Tue, 05 Mar 2024 23:59:59 GMT\"]"),
    ("Date.parse", "[\"2024-03-07T10:00:00.123+05:30\"]"),
    ("Date.parse", "[\"hello\"]"),
    ("Date.parse", "[\"Mar 7\"]"),
    ("Date.parse", "[\"2024-03-07 10:00 UTC\"]"),
    ("Number", "[\"0b101\"]"),
    ("parseFloat", "[\"0b101\"]"),
    ("parseInt", "[\"0b101\"]"),
    ("Number", "[\"0o17\"]"),
    ("parseFloat", "[\"0o17\"]"),
    ("parseInt", "[\"0o17\"]"),
    ("Number", "[\"0x1F\"]"),
    ("parseFloat", "[\"0x1F\"]"),
    ("parseInt", "[\"0x1F\"]"),
    ("Number", "[\"  12  \"]"),
    ("parseFloat", "[\"  12  \"]"),
    ("parseInt", "[\"  12  \"]"),
    ("Number", "[\"1_000\"]"),
    ("parseFloat", "[\"1_000\"]"),
    ("parseInt", "[\"1_000\"]"),
    ("Number", "[\"Infinity\"]"),
    ("parseFloat", "[\"Infinity\"]"),
    ("parseInt", "[\"Infinity\"]"),
    ("Number", "[\"-Infinity\"]"),
    ("parseFloat", "[\"-Infinity\"]"),
    ("parseInt", "[\"-Infinity\"]"),
    ("Number", "[\"+Infinity\"]"),
    ("parseFloat", "[\"+Infinity\"]"),
    ("parseInt", "[\"+Infinity\"]"),
    ("Number", "[\"-0\"]"),
    ("parseFloat", "[\"-0\"]"),
    ("parseInt", "[\"-0\"]"),
    ("Number", "[\"1e1000\"]"),
    ("parseFloat", "[\"1e1000\"]"),
    ("parseInt", "[\"1e1000\"]"),
    ("Number", "[\"1e-400\"]"),
    ("parseFloat", "[\"1e-400\"]"),
    ("parseInt", "[\"1e-400\"]"),
    ("Number", "[\".5e1\"]"),
    ("parseFloat", "[\".5e1\"]"),
    ("parseInt", "[\".5e1\"]"),
    ("Number", "[\"5.\"]"),
    ("parseFloat", "[\"5.\"]"),
    ("parseInt", "[\"5.\"]"),
    ("Number", "[\"0.0000001\"]"),
    ("parseFloat", "[\"0.0000001\"]"),
    ("parseInt", "[\"0.0000001\"]"),
    ("Number", "[\"\\u00a012\\u2028\"]"),
    ("parseFloat", "[\"\\u00a012\\u2028\"]"),
    ("parseInt", "[\"\\u00a012\\u2028\"]"),
    ("Number", "[\"12abc\"]"),
    ("parseFloat", "[\"12abc\"]"),
    ("parseInt", "[\"12abc\"]"),
    ("Number", "[\"\"]"),
    ("parseFloat", "[\"\"]"),
    ("parseInt", "[\"\"]"),
    ("Number", "[\"   \"]"),
    ("parseFloat", "[\"   \"]"),
    ("parseInt", "[\"   \"]"),
    ("Number", "[\"0x\"]"),
    ("parseFloat", "[\"0x\"]"),
    ("parseInt", "[\"0x\"]"),
    ("Number", "[\"1e\"]"),
    ("parseFloat", "[\"1e\"]"),
    ("parseInt", "[\"1e\"]"),
    ("Number", "[\"-\"]"),
    ("parseFloat", "[\"-\"]"),
    ("parseInt", "[\"-\"]"),
    ("Number", "[\"+5\"]"),
    ("parseFloat", "[\"+5\"]"),
    ("parseInt", "[\"+5\"]"),
    ("Number", "[\"00012\"]"),
    ("parseFloat", "[\"00012\"]"),
    ("parseInt", "[\"00012\"]"),
    ("Number", "[\"0.1e-5\"]"),
    ("parseFloat", "[\"0.1e-5\"]"),
    ("parseInt", "[\"0.1e-5\"]"),
    ("Number", "[\"9007199254740993\"]"),
    ("parseFloat", "[\"9007199254740993\"]"),
    ("parseInt", "[\"9007199254740993\"]"),
    ("Number", "[\"123456789012345678901234567890\"]"),
    ("parseFloat", "[\"123456789012345678901234567890\"]"),
    ("parseInt", "[\"123456789012345678901234567890\"]"),
    ("Number", "[\"-.5\"]"),
    ("parseFloat", "[\"-.5\"]"),
    ("parseInt", "[\"-.5\"]"),
    ("Number", "[\"Infinityx\"]"),
    ("parseFloat", "[\"Infinityx\"]"),
    ("parseInt", "[\"Infinityx\"]"),
    ("Number", "[\"inFinity\"]"),
    ("parseFloat", "[\"inFinity\"]"),
    ("parseInt", "[\"inFinity\"]"),
    ("parseInt", "[\"0x1F\", 16]"),
    ("parseInt", "[\"1F\", 16]"),
    ("parseInt", "[\"z\", 36]"),
    ("parseInt", "[\"10\", 1]"),
    ("parseInt", "[\"10\", 37]"),
    ("parseInt", "[\"  -0x10\", 0]"),
    ("parseInt", "[\"123\", 2]"),
    ("parseInt", "[\"0.00000001\", 10]"),
    ("parseInt", "[\"1e21\", 10]"),
    ("parseInt", "[\"08\", 8]"),
    ("Date.UTC", "[2024, 1, 29]"),
    ("Date.UTC", "[99, 0]"),
];

/// `(receiver as JSON, method, arguments as a JSON array)`: methods without callbacks.
const METHODS: &[(&str, &str, &str)] = &[
    ("[3, 1, 2]", "toSorted", "[]"),
    ("[3, 1, 2]", "toReversed", "[]"),
    ("[3, 1, 2]", "toSpliced", "[0, 1, \"x\", \"y\"]"),
    ("[3, 1, 2]", "with", "[-1, 9]"),
    ("[3, 1, 2]", "with", "[3, 9]"),
    ("[1, 2, 1, 2]", "lastIndexOf", "[2, -2]"),
    ("[1, 2, 1, 2]", "lastIndexOf", "[1, -10]"),
    ("[1, 2, 1, 2]", "lastIndexOf", "[2, 10]"),
    ("[1, [2, [3, [4]]]]", "flat", "[1e309]"),
    ("[1, [2, [3, [4]]]]", "flat", "[0]"),
    ("[\"b\", 10, 9, 1, \"a\", true, null]", "sort", "[]"),
    ("\"abc\"", "at", "[5]"),
    ("\"abc\"", "codePointAt", "[3]"),
    ("\"ab\"", "padStart", "[6, \"xyz\"]"),
    ("\"x\"", "search", "[]"),
    ("\"x\"", "match", "[]"),
    ("\"a.b\"", "search", "[\".\"]"),
    ("\"e\\u0301\"", "normalize", "[]"),
    ("\"\\u00e9\"", "normalize", "[\"NFD\"]"),
    ("\"\\ufb01\\u2460\"", "normalize", "[\"NFKC\"]"),
    ("\"a\"", "normalize", "[\"nfc\"]"),
    ("\"résumé\"", "localeCompare", "[\"resume\"]"),
    ("\"éclair\"", "localeCompare", "[\"zebra\"]"),
    ("\"Ärger\"", "localeCompare", "[\"Zorn\"]"),
    ("\"x\"", "repeat", "[1e309]"),
    ("\"aXbX\"", "replaceAll", "[\"X\", \"[$`|$'|$&]\"]"),
    ("\"abc\"", "split", "[\"\", 2]"),
    ("\"abc\"", "substring", "[-5, 2]"),
    ("\"  x \"", "trimStart", "[]"),
    ("\"  x \"", "trimEnd", "[]"),
    ("\"Ǆ\"", "toLowerCase", "[]"),
    ("123.456", "toFixed", "[1]"),
    ("0.000001", "toFixed", "[7]"),
    ("1e21", "toFixed", "[2]"),
    ("-1.5", "toFixed", "[0]"),
    ("1.45", "toFixed", "[101]"),
    ("255", "toString", "[1]"),
    ("-255.5", "toString", "[2]"),
    ("0.000001", "toString", "[5]"),
    ("1e-7", "toPrecision", "[1]"),
    ("123456789", "toPrecision", "[3]"),
    ("1.5", "toExponential", "[101]"),
    ("0", "toPrecision", "[0]"),
    ("1234.5678", "toLocaleString", "[]"),
    ("1e21", "toLocaleString", "[]"),
    ("-0", "toLocaleString", "[]"),
    ("-1234567.891", "toLocaleString", "[]"),
    ("0.0005", "toLocaleString", "[]"),
    ("0.0015", "toLocaleString", "[]"),
    ("1.0005", "toLocaleString", "[]"),
    ("999.9999", "toLocaleString", "[]"),
    ("2.5e-7", "toLocaleString", "[]"),
    ("1000", "toLocaleString", "[]"),
];

/// `(class, arguments as a JSON array, an expression over the new object `x`)`.
const CONSTRUCTIONS: &[(&str, &str, &str)] = &[
    ("RegExp", "[\"(unclosed\"]", "x.source"),
    ("RegExp", "[\"a\", \"gg\"]", "x.flags"),
    ("RegExp", "[\"\"]", "x.source"),
    ("RegExp", "[\"a)\"]", "x.source"),
    ("RegExp", "[\"[a\"]", "x.source"),
    ("RegExp", "[\"*a\"]", "x.source"),
    ("RegExp", "[\"a{2,1}\"]", "x.source"),
    ("RegExp", "[\"\\\\\"]", "x.source"),
    ("RegExp", "[\"(?<a>x)(?<a>y)\"]", "x.source"),
    ("RegExp", "[\"\\\\k<b>(?<a>x)\", \"u\"]", "x.source"),
    ("RegExp", "[\"[z-a]\"]", "x.source"),
    ("RegExp", "[\"(?<1a>x)\"]", "x.source"),
    ("RegExp", "[\"a**\"]", "x.source"),
    ("RegExp", "[\"(?<=a\"]", "x.source"),
    ("RegExp", "[\"a{1\", \"u\"]", "x.source"),
    ("RegExp", "[\"(?\"]", "x.source"),
    ("RegExp", "[\"a/b\"]", "x.source"),
    ("RegExp", "[\"[/]\\n\"]", "x.source"),
    ("RegExp", "[\"a\", \"yg\"]", "x.flags"),
    ("RegExp", "[\"a\", \"uv\"]", "x.flags"),
    ("URIError", "[\"uri\"]", "[x.name, x.message, String(x)]"),
    ("Error", "[42]", "[x.name, x.message, String(x)]"),
    (
        "Date",
        "[\"not a date\"]",
        "[String(x.getTime()), x.toJSON(), String(x)]",
    ),
    ("Date", "[8640000000000001]", "String(x.getTime())"),
    ("Date", "[8640000000000000]", "x.toISOString()"),
    ("Date", "[\"not a date\"]", "x.toISOString()"),
    (
        "Date",
        "[0]",
        "[x.setUTCFullYear(2020, 1, 30), x.toISOString()]",
    ),
    ("Date", "[0]", "[x.setUTCHours(-1), x.toISOString()]"),
    ("Date", "[0]", "[x.setMinutes(), x.getTime()]"),
    (
        "Date",
        "[\"nope\"]",
        "[x.setUTCFullYear(2000), x.toISOString()]",
    ),
    ("Date", "[\"nope\"]", "x.setUTCMonth(1)"),
    ("Date", "[1704459845006]", "x.toUTCString()"),
    ("Date", "[1704459845006]", "x.toDateString()"),
    ("Date", "[1704459845006]", "x.toTimeString()"),
    ("Date", "[1704459845006]", "x.toLocaleDateString()"),
    ("Date", "[1704459845006]", "x.toLocaleTimeString()"),
    ("Date", "[1704412800000]", "x.toLocaleString()"),
    ("Date", "[-62293507200000]", "x.toString()"),
    ("Date", "[-62293507200000]", "x.toUTCString()"),
    ("Date", "[\"nope\"]", "x.toUTCString()"),
    ("Date", "[\"nope\"]", "x.toLocaleString()"),
];

#[test]
fn static_calls_match_node() {
    let expressions: Vec<String> = CALLS
        .iter()
        .map(|(name, args)| format!("{name}(...{args})"))
        .collect();
    let expected = node_values(&expressions);
    for ((name, args), expected) in CALLS.iter().zip(expected) {
        let actual = shown(rt::call_static(name, &arguments(args)));
        assert_eq!(actual, expected, "{name}(...{args})");
    }
}

#[test]
fn methods_match_node() {
    let expressions: Vec<String> = METHODS
        .iter()
        .map(|(receiver, method, args)| format!("({receiver}).{method}(...{args})"))
        .collect();
    let expected = node_values(&expressions);
    for ((receiver, method, args), expected) in METHODS.iter().zip(expected) {
        let receiver_value =
            json::parse(&JsString::new(receiver)).unwrap_or_else(|_| panic!("bad JSON {receiver}"));
        let actual = shown(rt::call_method(&receiver_value, method, &arguments(args)));
        assert_eq!(actual, expected, "({receiver}).{method}(...{args})");
    }
}

#[test]
fn constructed_objects_match_node() {
    let expressions: Vec<String> = CONSTRUCTIONS
        .iter()
        .map(|(class, args, then)| format!("(x => ({then}))(new {class}(...{args}))"))
        .collect();
    let expected = node_values(&expressions);
    for ((class, args, then), expected) in CONSTRUCTIONS.iter().zip(expected) {
        let actual = rt::construct(class, &arguments(args)).and_then(|x| observe(&x, then));
        assert_eq!(
            shown(actual),
            expected,
            "new {class}(...{args}) then {then}"
        );
    }
}

/// Evaluates the few `then` expressions `CONSTRUCTIONS` uses, over `x`.
fn observe(x: &Value, then: &str) -> Result<Value, rt::Throw> {
    let string = |value: Value| rt::to_string(&value).map(Value::String);
    let method = |name: &str, args: &[Value]| rt::call_method(x, name, args);
    Ok(match then {
        "x.source" => rt::get(x, "source")?,
        "x.flags" => rt::get(x, "flags")?,
        "x.toISOString()" => method("toISOString", &[])?,
        "String(x.getTime())" => string(method("getTime", &[])?)?,
        "[x.name, x.message, String(x)]" => Value::array(vec![
            rt::get(x, "name")?,
            rt::get(x, "message")?,
            string(x.clone())?,
        ]),
        "[String(x.getTime()), x.toJSON(), String(x)]" => Value::array(vec![
            string(method("getTime", &[])?)?,
            method("toJSON", &[])?,
            string(x.clone())?,
        ]),
        "[x.setUTCFullYear(2020, 1, 30), x.toISOString()]" => {
            let args = [Value::from(2020), Value::from(1), Value::from(30)];
            let set = method("setUTCFullYear", &args)?;
            Value::array(vec![set, method("toISOString", &[])?])
        }
        "[x.setUTCHours(-1), x.toISOString()]" => {
            let set = method("setUTCHours", &[Value::from(-1)])?;
            Value::array(vec![set, method("toISOString", &[])?])
        }
        "[x.setMinutes(), x.getTime()]" => {
            let set = method("setMinutes", &[])?;
            Value::array(vec![set, method("getTime", &[])?])
        }
        "[x.setUTCFullYear(2000), x.toISOString()]" => {
            let set = method("setUTCFullYear", &[Value::from(2000)])?;
            Value::array(vec![set, method("toISOString", &[])?])
        }
        "x.setUTCMonth(1)" => method("setUTCMonth", &[Value::from(1)])?,
        other => match other
            .strip_prefix("x.")
            .and_then(|call| call.strip_suffix("()"))
        {
            Some(name) => method(name, &[])?,
            None => panic!("no evaluator for {other}"),
        },
    })
}

/// `Function(…)` and `new Function(…)` throw what V8 throws under
/// `--disallow-code-generation-from-strings` (handlers are compiled; no code from strings), so
/// feature-detecting packages take their fallback.
#[test]
fn the_function_constructor_refuses_code_from_strings_as_node_does_when_disallowed() {
    let cases = ["[\"return this\"]", "[\"a\", \"return a\"]", "[]"];
    let script = format!(
        "for (const args of [{}]) {{ for (const make of [(a) => Function(...a), (a) => new Function(...a)]) {{ try {{ make(args); console.log('no throw'); }} catch (e) {{ console.log('THROW ' + e.name + ': ' + e.message); }} }} }}",
        cases.join(", ")
    );
    let output = std::process::Command::new("node")
        .arg("--disallow-code-generation-from-strings")
        .arg("-e")
        .arg(&script)
        .output()
        .expect("node is installed");
    let expected: Vec<String> = String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(str::to_string)
        .collect();
    assert_eq!(expected.len(), cases.len() * 2);
    let function = rt::builtin_constructor("Function");
    let mut actual = Vec::new();
    for args in cases {
        let args = arguments(args);
        actual.push(shown(rt::call(&function, &args)));
        actual.push(shown(rt::new_instance(&function, &args, "Function")));
    }
    assert_eq!(actual, expected);
}
