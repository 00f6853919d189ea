//! Builtins compared with Node: each case is evaluated by the runtime and by `node`, and the
//! `JSON.stringify` of both results must be identical. Node 20 computes every expected value.

mod node_support;

use backworks_runtime::js::{self as rt, JsString, Value, json};
use node_support::node_values;

fn parse(text: &str) -> Value {
    json::parse(&JsString::new(text)).unwrap_or_else(|_| panic!("bad test JSON {text}"))
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

/// `(receiver JSON, method, arguments JSON array)`: string and array methods without callbacks.
const METHOD_CASES: &[(&str, &str, &str)] = &[
    (r#""héllo wörld 😀!""#, "slice", "[1, -2]"),
    (r#""héllo wörld 😀!""#, "slice", "[-3]"),
    (r#""😀😀""#, "slice", "[1, 3]"),
    (r#""😀x""#, "charAt", "[1]"),
    (r#""😀x""#, "charCodeAt", "[0]"),
    (r#""😀x""#, "codePointAt", "[0]"),
    (r#""😀x""#, "at", "[-1]"),
    (r#""abcabc""#, "indexOf", r#"["c", 3]"#),
    (r#""abcabc""#, "lastIndexOf", r#"["b"]"#),
    (r#""abc""#, "substring", "[2, 0]"),
    (r#""abcdef""#, "substr", "[-4, 2]"),
    (r#""  x y  ""#, "trim", "[]"),
    (r#""\u00a0\ufeffx\n""#, "trim", "[]"),
    (r#""Straße İ""#, "toUpperCase", "[]"),
    (r#""ÀÉÎ""#, "toLowerCase", "[]"),
    (r#""a,b,,c""#, "split", r#"[","]"#),
    (r#""a,b,,c""#, "split", r#"[",", 2]"#),
    (r#""héllo""#, "split", r#"[""]"#),
    (r#""""#, "split", r#"[","]"#),
    (r#""a-b-c""#, "replaceAll", r#"["-", "$&$&"]"#),
    (r#""a-b-c""#, "replace", r#"["-", "$$"]"#),
    (r#""7""#, "padStart", r#"[4, "ab"]"#),
    (r#""7""#, "padEnd", "[3]"),
    (r#""ab""#, "repeat", "[3]"),
    (r#""ab""#, "repeat", "[-1]"),
    (r#""abc""#, "startsWith", r#"["bc", 1]"#),
    (r#""abc""#, "endsWith", r#"["ab", 2]"#),
    (r#""abc""#, "includes", r#"["", 10]"#),
    (r#""a""#, "localeCompare", r#"["B"]"#),
    (r#""Zebra""#, "localeCompare", r#"["apple"]"#),
    (r#""item10""#, "localeCompare", r#"["item9"]"#),
    (r#""a-b""#, "localeCompare", r#"["a_b"]"#),
    (r#""abc""#, "concat", r#"[1, null, [2]]"#),
    ("[10, 9, 1, 100, -3, null, 2]", "sort", "[]"),
    (r#"["b", "a", "B", "A", "é", "e"]"#, "sort", "[]"),
    ("[1, 2, 3, 4, 5]", "slice", "[-2]"),
    ("[1, 2, 3, 4, 5]", "splice", "[1, 2]"),
    ("[1, 2, 3, 4, 5]", "splice", r#"[-1, 0, "x"]"#),
    ("[1, [2, [3, [4]]]]", "flat", "[2]"),
    ("[1, null, 3]", "join", r#"[" / "]"#),
    ("[1, 2, 3]", "includes", "[2, 2]"),
    ("[1, 2, 3]", "indexOf", "[3, -1]"),
    ("[1, 2, 3]", "at", "[-4]"),
    ("[1, 2, 3]", "fill", "[0, 1, 2]"),
    ("[1, 2, 3]", "reverse", "[]"),
    ("[1, 2]", "concat", "[[3], 4, [[5]]]"),
    ("[3, 1, 2]", "toString", "[]"),
    ("[]", "reduce", "[]"),
];

#[test]
fn string_and_array_methods_match_node() {
    let expressions: Vec<String> = METHOD_CASES
        .iter()
        .map(|(receiver, method, args)| format!("({receiver}).{method}(...{args})"))
        .collect();
    let expected = node_values(&expressions);
    for (index, (receiver, method, args)) in METHOD_CASES.iter().enumerate() {
        let receiver_value = parse(receiver);
        let Value::Array(arguments) = parse(args) else {
            panic!("args must be an array")
        };
        let arguments = arguments.to_vec().expect("a small array");
        let got = shown(rt::call_method(&receiver_value, method, &arguments));
        assert_eq!(got, expected[index], "({receiver}).{method}(...{args})");
    }
}

/// Numbers printed by `String(n)`.
#[test]
fn number_to_string_matches_node() {
    let numbers = [
        "0",
        "-0",
        "1",
        "-1",
        "0.1",
        "0.1 + 0.2",
        "1 / 3",
        "2 / 3",
        "1e21",
        "1e-7",
        "123456789012345680000",
        "5e-324",
        "1.7976931348623157e308",
        "2 ** 53 + 1",
        "-1e-7",
        "100",
        "1e6",
        "0.000001",
        "1.5e-10",
        "NaN",
        "Infinity",
        "-Infinity",
        "4.35",
        "0.5 * 3",
        "123.456e5",
    ];
    let expressions: Vec<String> = numbers.iter().map(|n| format!("String({n})")).collect();
    let expected = node_values(&expressions);
    let values = node_values(
        &numbers
            .iter()
            .map(|n| format!("[{n}].map(x => x.toString(36) && x)[0] === 0 ? 0 : {n}"))
            .collect::<Vec<_>>(),
    );
    for (index, number) in numbers.iter().enumerate() {
        // Node gives us the number (JSON cannot carry NaN/Infinity/-0, so those are spelled out).
        let value = match *number {
            "NaN" => f64::NAN,
            "Infinity" => f64::INFINITY,
            "-Infinity" => f64::NEG_INFINITY,
            "-0" => -0.0,
            _ => values[index].parse::<f64>().unwrap(),
        };
        let got = format!("\"{}\"", rt::number::to_string(value));
        assert_eq!(got, expected[index], "String({number})");
    }
}

/// `JSON.stringify` of parsed documents, compact and indented, and `JSON.parse` errors.
#[test]
fn json_matches_node() {
    let documents = [
        r#"{"b":1,"a":[1,2,{"c":"é\u2028\ud800\u0007"}],"10":null,"2":true}"#,
        r#"[[],{},[{}],{"a":[]}]"#,
        r#""\u001f\"\\/\b\f\n\r\t""#,
        r#"{"n":[-0,1e21,1e-7,0.1,123456789.125,-5e-324]}"#,
        r#"{"__proto__":1,"dup":1,"dup":2}"#,
    ];
    let mut expressions = Vec::new();
    for document in documents {
        let literal = serde_json::to_string(document).unwrap();
        expressions.push(format!("JSON.stringify(JSON.parse({literal}))"));
        expressions.push(format!("JSON.stringify(JSON.parse({literal}), null, 2)"));
        expressions.push(format!("JSON.stringify(JSON.parse({literal}), null, '--')"));
    }
    let expected = node_values(&expressions);
    let mut index = 0;
    for document in documents {
        let value = parse(document);
        for space in [Value::Undefined, Value::Number(2.0), Value::str("--")] {
            let text = json::stringify(&value, &space).unwrap().unwrap();
            let got = serde_json::to_string(&text).unwrap();
            assert_eq!(got, expected[index], "{document} with space {space:?}");
            index += 1;
        }
    }

    let broken = [
        "{\"a\":}",
        "",
        "{",
        "[1,2",
        "abc",
        "{\"a\":1}x",
        "\"\\x\"",
        "{\"a\" 1}",
        "{a:1}",
        "[1,]",
        "-",
        "01",
        "\"abc",
        "{\"a\":1,}",
        "nul",
        "{\"a\"",
        "{\"a\":1",
        "[1,",
        "\"\\u12\"",
        "\"a\nb\"",
        "1e",
        "[tru]",
    ];
    let expressions: Vec<String> = broken
        .iter()
        .map(|text| format!("JSON.parse({})", serde_json::to_string(text).unwrap()))
        .collect();
    let expected = node_values(&expressions);
    for (index, text) in broken.iter().enumerate() {
        let got = shown(json::parse(&JsString::new(text)));
        assert_eq!(got, expected[index], "JSON.parse({text:?})");
    }
}

/// Property order with integer-like keys, as V8 enumerates them.
#[test]
fn object_key_order_matches_node() {
    let keys = [
        "b",
        "10",
        "a",
        "2",
        "01",
        "-1",
        "4294967294",
        "4294967295",
        "1.5",
        "0",
        "z",
    ];
    let script = format!(
        "(() => {{ const o = {{}}; for (const k of {}) o[k] = k; delete o.a; o.a = 1; return Object.keys(o); }})()",
        serde_json::to_string(&keys).unwrap()
    );
    let expected = node_values(&[script]);
    let object = Value::object(Vec::<(&str, Value)>::new());
    for key in keys {
        rt::set(&object, key, Value::str(key)).unwrap();
    }
    rt::delete(&object, &Value::str("a")).unwrap();
    rt::set(&object, "a", Value::from(1)).unwrap();
    let got = shown(rt::call_static("Object.keys", &[object]));
    assert_eq!(got, expected[0]);
}

/// Operators with coercions.
#[test]
fn operators_match_node() {
    let operands = [
        "1", "\"2\"", "null", "[]", "[3]", "true", "\"\"", "\"abc\"", "0.5", "{}",
    ];
    let mut expressions = Vec::new();
    let mut pairs = Vec::new();
    for a in operands {
        for b in operands {
            expressions.push(format!(
                "[{a} + {b}, {a} - {b}, {a} * {b}, {a} < {b}, {a} == {b}, {a} >= {b}, {a} % {b}]"
            ));
            pairs.push((a, b));
        }
    }
    let expected = node_values(&expressions);
    for (index, (a, b)) in pairs.iter().enumerate() {
        let a = parse(a);
        let b = parse(b);
        let results = vec![
            rt::add(&a, &b).unwrap(),
            rt::sub(&a, &b).unwrap(),
            rt::mul(&a, &b).unwrap(),
            Value::Bool(rt::lt(&a, &b).unwrap()),
            Value::Bool(rt::loose_eq(&a, &b).unwrap()),
            Value::Bool(rt::ge(&a, &b).unwrap()),
            rt::rem(&a, &b).unwrap(),
        ];
        assert_eq!(
            shown(Ok(Value::array(results))),
            expected[index],
            "{:?}",
            pairs[index]
        );
    }
}

/// `Array.prototype.sort` with a comparator is stable.
#[test]
fn sort_with_comparator_is_stable() {
    let items: Vec<Value> = (0..40)
        .map(|index| {
            Value::object([
                ("key", Value::from(index % 3)),
                ("index", Value::from(index)),
            ])
        })
        .collect();
    let array = Value::array(items);
    let by_key = Value::function("byKey", 2, |_, args| {
        rt::sub(&rt::get(&args[0], "key")?, &rt::get(&args[1], "key")?)
    });
    rt::call_method(&array, "sort", &[by_key]).unwrap();
    let expected = node_values(&["Array.from({length: 40}, (_, index) => ({ key: index % 3, index })).sort((a, b) => a.key - b.key)".to_string()]);
    assert_eq!(shown(Ok(array)), expected[0]);
}
