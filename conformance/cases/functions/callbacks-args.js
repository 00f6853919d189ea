exports.handler = () => {
  const calls = [];
  const spy = (...args) => { calls.push(args.length); return args[0]; };
  [1, 2].map(spy);
  [1].forEach(spy);
  [3, 1].sort((a, b) => { calls.push("cmp"); return a - b; });
  const extra = ((a, b) => [a, b])(1);
  const missing = ((a) => a)();
  return { calls, extra, missing: missing === undefined, tooMany: ((a) => a)(1, 2, 3) };
};
