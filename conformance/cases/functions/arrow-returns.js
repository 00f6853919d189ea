exports.handler = () => {
  const toPair = (k, v) => [k, v];
  const toObj = (k, v) => ({ [k]: v });
  const cond = (n) => n > 0 ? "pos" : n < 0 ? "neg" : "zero";
  const nested = (a) => (b) => (c) => a + b + c;
  return { pair: toPair("a", 1), obj: toObj("b", 2), cond: [5, -5, 0].map(cond), nested: nested(1)(2)(3), undef: (() => {})() === undefined };
};
