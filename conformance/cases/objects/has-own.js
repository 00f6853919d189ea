function handler() {
  const o = { own: 1, undef: undefined };
  return [Object.hasOwn(o, "own"), Object.hasOwn(o, "undef"), Object.hasOwn(o, "toString"), o.hasOwnProperty("own"), "toString" in o, Object.prototype.hasOwnProperty.call(o, "own"), Object.hasOwn([1], 0), Object.hasOwn([1], "length")];
}
