// Deep recursion: fine up to the runtime's call depth limit, V8's RangeError beyond.
function depth(n) {
  if (n === 0) return 0;
  const rest = depth(n - 1);
  return { n, rest }.rest + 1;
}

module.exports = (req) => {
  const n = Number(req.query_params.n);
  return { body: { n, depth: depth(n) } };
};
