// State kept on the global object across requests, the way code caches a client or a memo:
// `globalThis.x ??= …` once, then the bare name reads the same object on every request.
// @request GET ?key=a
// @request GET ?key=b
// @request GET ?key=a
// @request GET ?key=c
const firstSeen = typeof memoCache;
globalThis.memoCache ??= new Map();
globalThis.memoStats ||= { hits: 0, misses: 0 };

function lookup(key) {
  if (memoCache.has(key)) {
    memoStats.hits += 1;
    return memoCache.get(key);
  }
  memoStats.misses += 1;
  const value = `${key}:${memoCache.size}`;
  memoCache.set(key, value);
  return value;
}

exports.handler = (req) => {
  globalThis.memoCache ??= new Map([["never", "used"]]);
  const value = lookup(req.query_params.key);
  return {
    firstSeen,
    value,
    size: memoCache.size,
    keys: [...memoCache.keys()],
    stats: { ...memoStats },
    same: memoCache === globalThis.memoCache && global.memoStats === memoStats,
    typeofNow: typeof memoCache,
  };
};
