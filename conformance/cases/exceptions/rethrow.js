exports.handler = () => {
  const log = [];
  function risky(n) { if (n > 1) throw new RangeError(`n too big: ${n}`); return n; }
  function wrapper(n) {
    try { return risky(n); } catch (e) { log.push("inner " + e.name); throw e; } finally { log.push("inner finally " + n); }
  }
  const results = [];
  for (const n of [1, 5]) {
    try { results.push(wrapper(n)); } catch (e) { results.push(`outer caught ${e.message}`); }
  }
  return { results, log };
};
