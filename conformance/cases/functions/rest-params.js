exports.handler = () => {
  const sum = (...nums) => nums.reduce((a, b) => a + b, 0);
  function tag(first, ...rest) { return { first, rest, isArray: Array.isArray(rest) }; }
  const collect = (a, ...[b, c]) => [a, b, c];
  return { sum0: sum(), sum3: sum(1, 2, 3), spreadCall: sum(...[4, 5], 6), tag: tag("a", "b", "c"), tagOne: tag("only"), collect: collect(1, 2, 3, 4) };
};
