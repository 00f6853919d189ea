// A small LRU cache built on Map ordering, state across requests.
// @request GET ?key=a
// @request GET ?key=b
// @request GET ?key=a
// @request GET ?key=c
// @request GET ?key=b
// @request GET ?key=d
class LRU {
  constructor(limit) { this.limit = limit; this.map = new Map(); this.misses = 0; }
  get(key, compute) {
    if (this.map.has(key)) {
      const v = this.map.get(key);
      this.map.delete(key);
      this.map.set(key, v);
      return v;
    }
    this.misses++;
    const v = compute(key);
    this.map.set(key, v);
    if (this.map.size > this.limit) this.map.delete(this.map.keys().next().value);
    return v;
  }
}
const cache = new LRU(2);
exports.handler = (req) => {
  const value = cache.get(req.query_params.key, (k) => k.toUpperCase().repeat(2));
  return { value, keys: [...cache.map.keys()], misses: cache.misses };
};
