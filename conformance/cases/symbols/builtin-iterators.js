// Built-in iterators as values: [Symbol.iterator]() of arrays, strings, Maps and Sets, and
// their next(); destructuring takes only what it binds.
module.exports = function (req) {
  const arr = ["a", "b", "c"];
  const it = arr[Symbol.iterator]();
  const steps = [it.next(), it.next()];
  const [rest] = it;
  const s = "x😀"[Symbol.iterator]();
  const m = new Map([[1, "one"], [2, "two"]]);
  const entries = m[Symbol.iterator]();
  const values = m.values();
  const [firstValue] = values;
  const set = new Set([3, 4]);
  return {
    steps,
    rest,
    afterRest: it.next(),
    string: [s.next(), s.next(), s.next()],
    map: [entries.next().value, [...entries]],
    mapRestAfterDestructuring: [firstValue, values.next()],
    set: [...set[Symbol.iterator]()],
    sameFunction: typeof arr[Symbol.iterator],
    selfIterable: it[Symbol.iterator]() === it,
    tags: [String(it), Object.prototype.toString.call(m.keys())],
    hasIterator: [Symbol.iterator in arr, Symbol.iterator in {}],
    nextType: typeof it.next,
  };
};
