//! Operators on numbers and indexed array writes; expected values are Node 20's.

use backworks_runtime::js::{self as rt, Value};

fn number(value: &Value) -> f64 {
    match value {
        Value::Number(number) => *number,
        other => panic!("expected a number, got {}", rt::type_of(other)),
    }
}

#[test]
fn exponentiation_is_fdlibm_pow_like_v8() {
    // (x, y, the bits of x ** y in Node)
    let cases: [(f64, f64, u64); 9] = [
        (1.1, 10.0, 0x4004_bffc_0c03_023e),
        (10.0, -5.0, 0x3ee4_f8b5_88e3_68f0),
        (2.0, 0.5, 0x3ff6_a09e_667f_3bcd),
        (0.1, 3.0, 0x3f50_624d_d2f1_a9fd),
        (1.000_000_1, 1e7, 0x4005_bf0a_790c_e6f2),
        (7.0, -0.3, 0x3fe1_d96a_0c37_0202),
        (f64::NAN, 0.0, 0x3ff0_0000_0000_0000),
        (2.0, 1024.0, 0x7ff0_0000_0000_0000),
        (-0.0, -1.0, 0xfff0_0000_0000_0000),
    ];
    for (x, y, bits) in cases {
        let result = number(&rt::pow(&Value::Number(x), &Value::Number(y)).unwrap());
        assert_eq!(result.to_bits(), bits, "{x} ** {y} = {result}");
    }
    assert!(number(&rt::pow(&Value::Number(-8.0), &Value::Number(1.0 / 3.0)).unwrap()).is_nan());
    assert!(number(&rt::pow(&Value::Number(1.0), &Value::Number(f64::INFINITY)).unwrap()).is_nan());
    // Coercions still apply off the fast path: "2" ** "3" → 8.
    assert_eq!(
        number(&rt::pow(&Value::str("2"), &Value::str("3")).unwrap()),
        8.0
    );
}

#[test]
fn number_comparisons_and_equality() {
    let n = Value::Number;
    let nan = n(f64::NAN);
    // NaN<NaN, NaN<=NaN, NaN>NaN, NaN>=NaN: all false.
    assert!(!rt::lt(&nan, &nan).unwrap());
    assert!(!rt::le(&nan, &nan).unwrap());
    assert!(!rt::gt(&nan, &nan).unwrap());
    assert!(!rt::ge(&nan, &nan).unwrap());
    // -0<0 false, -0<=0 true, 2>1 true, 1>=2 false, 1<=1 true.
    assert!(!rt::lt(&n(-0.0), &n(0.0)).unwrap());
    assert!(rt::le(&n(-0.0), &n(0.0)).unwrap());
    assert!(rt::gt(&n(2.0), &n(1.0)).unwrap());
    assert!(!rt::ge(&n(1.0), &n(2.0)).unwrap());
    assert!(rt::le(&n(1.0), &n(1.0)).unwrap());
    // NaN==NaN false, -0==0 true, NaN===NaN false, -0===0 true.
    assert!(!rt::loose_eq(&nan, &nan).unwrap());
    assert!(rt::loose_eq(&n(-0.0), &n(0.0)).unwrap());
    assert!(!rt::strict_eq(&nan, &nan));
    assert!(rt::strict_eq(&n(-0.0), &n(0.0)));
    // Mixed operands keep their coercions: "10" < 9 false, "10" < "9" true, 1 == "1" true.
    assert!(!rt::lt(&Value::str("10"), &n(9.0)).unwrap());
    assert!(rt::lt(&Value::str("10"), &Value::str("9")).unwrap());
    assert!(rt::loose_eq(&n(1.0), &Value::str("1")).unwrap());
    assert_eq!(number(&rt::sub(&n(0.3), &n(0.1)).unwrap()), 0.3 - 0.1);
    assert_eq!(number(&rt::mul(&Value::str("3"), &n(2.0)).unwrap()), 6.0);
}

#[test]
fn indexed_array_writes() {
    // const a = [1]; a[3] = 2; a[1.5] = 9; a[-1] = 9; a[4294967295] = 9;
    // JSON.stringify(a) → "[1,null,null,2]", a.length → 4
    let array = rt::array(vec![Value::Number(1.0)]);
    rt::set_computed(&array, &Value::Number(3.0), Value::Number(2.0)).unwrap();
    rt::set_computed(&array, &Value::Number(1.5), Value::Number(9.0)).unwrap();
    rt::set_computed(&array, &Value::Number(-1.0), Value::Number(9.0)).unwrap();
    rt::set_computed(&array, &Value::Number(4_294_967_295.0), Value::Number(9.0)).unwrap();
    let json = rt::json::stringify(&array, &Value::Undefined)
        .unwrap()
        .unwrap();
    assert_eq!(json, "[1,null,null,2]");
    assert_eq!(number(&rt::get(&array, "length").unwrap()), 4.0);
    // a[-0] = 7 writes index 0; a["2"] = 5 still goes through the key path.
    rt::set_computed(&array, &Value::Number(-0.0), Value::Number(7.0)).unwrap();
    rt::set_computed(&array, &Value::str("2"), Value::Number(5.0)).unwrap();
    let json = rt::json::stringify(&array, &Value::Undefined)
        .unwrap()
        .unwrap();
    assert_eq!(json, "[7,null,5,2]");
}
