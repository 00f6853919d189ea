module.exports = () => {
  const square = function (x) { return x * x; };
  const named = function fact(n) { return n <= 1 ? 1 : n * fact(n - 1); };
  const cube = (x) => x * x * x;
  const obj = () => ({ wrapped: true });
  const block = (a, b) => { const s = a + b; return s * 2; };
  const noReturn = () => { 1 + 1; };
  return { square: square(4), fact: named(5), cube: cube(3), obj: obj(), block: block(1, 2), noReturn: noReturn() === undefined, names: [square.name, named.name, cube.name, block.name], lengths: [square.length, block.length, ((a, b = 1, c) => 0).length, ((...r) => 0).length] };
};
