//! `JSON.stringify` of class instances: `toJSON` is found on the class chain, as in Node 20.

use backworks_runtime::js::{self as rt, ClassParent, Value};

fn stringify(value: &Value) -> String {
    rt::json::stringify(value, &Value::Undefined)
        .unwrap()
        .unwrap_or_default()
}

#[test]
fn to_json_is_inherited_from_the_class_chain() {
    // class A { constructor() { this.x = 1; } toJSON(key) { return { tag: "A", key, x: this.x }; } }
    // class B extends A {}
    // class C { constructor() { this.y = 2; } }
    let a = rt::class("A", 0, ClassParent::None, |this, _| {
        rt::set(this, "x", Value::Number(1.0))?;
        Ok(Value::Undefined)
    })
    .unwrap();
    rt::define_method(
        &a,
        "toJSON",
        rt::method("toJSON", 1, |this, args| {
            Ok(Value::object([
                ("tag", Value::str("A")),
                ("key", args.first().cloned().unwrap_or_default()),
                ("x", rt::get(this, "x")?),
            ]))
        }),
    );
    let parent = ClassParent::of(&a).unwrap();
    let parent_of_b = ClassParent::of(&a).unwrap();
    let b = rt::class("B", 0, parent_of_b, move |this, args| {
        rt::super_construct(&parent, this, args)?;
        Ok(Value::Undefined)
    })
    .unwrap();
    let c = rt::class("C", 0, ClassParent::None, |this, _| {
        rt::set(this, "y", Value::Number(2.0))?;
        Ok(Value::Undefined)
    })
    .unwrap();

    // JSON.stringify({ b: new B() }) → {"b":{"tag":"A","key":"b","x":1}}
    let b_instance = rt::new_instance(&b, &[], "B").unwrap();
    assert_eq!(
        stringify(&Value::object([("b", b_instance)])),
        r#"{"b":{"tag":"A","key":"b","x":1}}"#
    );
    // JSON.stringify([new A()]) → [{"tag":"A","key":"0","x":1}]
    let a_instance = rt::new_instance(&a, &[], "A").unwrap();
    assert_eq!(
        stringify(&rt::array(vec![a_instance])),
        r#"[{"tag":"A","key":"0","x":1}]"#
    );
    // JSON.stringify(new C()) → {"y":2}
    let c_instance = rt::new_instance(&c, &[], "C").unwrap();
    assert_eq!(stringify(&c_instance), r#"{"y":2}"#);
}
