// Number() coercion of strings and other values.
export default () => [
  Number(""), Number("  "), Number(" 42 "), Number("42px"), Number("0x1f"), Number("0b101"), Number("0o17"),
  Number("1e3"), Number("-1.5e-2"), Number(".5"), Number("5."), Number("Infinity"), Number("-Infinity"),
  Number("infinity"), Number(null), Number(undefined), Number(true), Number(false), Number([]), Number([7]),
  Number([1, 2]), Number({}), Number("1_000"), Number("\n12\t"), Number(new Date(5)), Number("+3"), Number("--3"),
].map((n) => String(n));
