// Generator methods in classes and object literals, [Symbol.iterator] as a generator, this.
class Range {
  constructor(from, to) {
    this.from = from;
    this.to = to;
  }
  *[Symbol.iterator]() {
    for (let i = this.from; i <= this.to; i++) yield i;
  }
  *evens() {
    for (const n of this) if (n % 2 === 0) yield n;
  }
  static *of(...items) {
    yield* items;
  }
}

const bag = {
  items: ["a", "b"],
  *entries() {
    let i = 0;
    for (const item of this.items) yield [i++, item];
  },
};

function* take(iterable, n) {
  if (n <= 0) return;
  for (const x of iterable) {
    yield x;
    if (--n <= 0) return;
  }
}

function* map(iterable, f) {
  for (const x of iterable) yield f(x);
}

function* fibonacci() {
  let [a, b] = [0, 1];
  for (;;) {
    yield a;
    [a, b] = [b, a + b];
  }
}

module.exports = {
  GET(req) {
    const r = new Range(1, 6);
    return {
      range: [...r],
      evens: [...r.evens()],
      statics: [...Range.of("x", "y")],
      entries: Array.from(bag.entries()),
      pipeline: [...take(map(fibonacci(), (x) => x * x), 8)],
      maxOf: Math.max(...new Range(3, 9)),
      promiseAll: "see async",
    };
  },
};
