module.exports = () => {
  const compose = (...fns) => (x) => fns.reduceRight((v, f) => f(v), x);
  const pipe = (...fns) => (x) => fns.reduce((v, f) => f(v), x);
  const curry = (f) => (a) => (b) => f(a, b);
  const inc = (x) => x + 1, dbl = (x) => x * 2;
  const partial = (f, ...bound) => (...rest) => f(...bound, ...rest);
  return { compose: compose(inc, dbl)(5), pipe: pipe(inc, dbl)(5), curry: curry(Math.pow)(2)(10), partial: partial((a, b, c) => a + b + c, "x", "y")("z"), mapped: [1, 2, 3].map(compose(String, dbl)) };
};
