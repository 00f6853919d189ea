// Property keys are converted to strings: 1, "1" and 1.0 are the same key; -0 becomes "0".
function handler() {
  const o = {};
  o[1] = "a";
  o["1"] += "b";
  o[1.0] += "c";
  o[-0] = "zero";
  o[1.5] = "float";
  o[1e21] = "exp";
  o[null] = "null";
  o[undefined] = "undef";
  o[true] = "bool";
  o[[1, 2]] = "array";
  o[{}] = "object";
  return { o, keys: Object.keys(o), zeroLookup: o[0], nullLookup: o["null"] };
}
