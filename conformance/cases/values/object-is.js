function handler() {
  return [
    Object.is(1, 1), Object.is(0, -0), Object.is(-0, -0), Object.is(NaN, NaN),
    Object.is("a", "a"), Object.is({}, {}), Object.is(null, undefined), Object.is(null, null),
    Object.is(undefined, undefined), Object.is(1, "1"),
  ];
}
