//! RegExp properties read and written through `rt::get` / `rt::set`; expected values are
//! Node 20's.

use backworks_runtime::js::{self as rt, Value};

fn json(value: &Value) -> String {
    rt::json::stringify(value, &Value::Undefined)
        .unwrap()
        .unwrap_or_default()
}

#[test]
fn last_index_is_read_and_written_through_property_access() {
    // const re = /o/g; re.test("foo boo") → true; re.lastIndex → 2
    let re = rt::regexp("o", "g").unwrap();
    let found = rt::call_method(&re, "test", &[Value::str("foo boo")]).unwrap();
    assert_eq!(json(&found), "true");
    assert_eq!(json(&rt::get(&re, "lastIndex").unwrap()), "2");

    // const s = /foo/y; s.lastIndex = 3; s.test("barfoo") → true; s.lastIndex → 6
    let sticky = rt::regexp("foo", "y").unwrap();
    rt::set(&sticky, "lastIndex", Value::Number(3.0)).unwrap();
    let found = rt::call_method(&sticky, "test", &[Value::str("barfoo")]).unwrap();
    assert_eq!(json(&found), "true");
    assert_eq!(json(&rt::get(&sticky, "lastIndex").unwrap()), "6");
    // Writing lastIndex makes no own property: Object.keys(s) → []
    let keys = rt::call_static("Object.keys", &[sticky]).unwrap();
    assert_eq!(json(&keys), "[]");
}

#[test]
fn flag_properties() {
    // const r = /x/gimsuyd;
    // [r.global, r.ignoreCase, r.multiline, r.dotAll, r.unicode, r.sticky, r.hasIndices,
    //  r.unicodeSets, r.flags, r.source] → [true,true,true,true,true,true,true,false,"dgimsuy","x"]
    let re = rt::regexp("x", "dgimsuy").unwrap();
    let names = [
        "global",
        "ignoreCase",
        "multiline",
        "dotAll",
        "unicode",
        "sticky",
        "hasIndices",
        "unicodeSets",
        "flags",
        "source",
    ];
    let values: Vec<Value> = names
        .iter()
        .map(|name| rt::get(&re, name).unwrap())
        .collect();
    assert_eq!(
        json(&rt::array(values)),
        r#"[true,true,true,true,true,true,true,false,"dgimsuy","x"]"#
    );
    assert_eq!(json(&rt::get(&re, "missing").unwrap()), "");
}
