// @request GET
// @request POST {"items": [4, 5, 6]}
// Classes extending Array, Map and Set: real arrays/collections with their class's methods,
// species results (`map`, `filter`, … build the subclass), constructor arguments through
// overridden `set`/`add`.
const calls = [];

class Stack extends Array {
  peek() { return this[this.length - 1]; }
  push(...items) { calls.push("push " + items.length); return super.push(...items); }
  sum() { return this.reduce((a, b) => a + b, 0); }
}

class Named extends Array {
  label = "named";
  #secret = 7;
  constructor(...args) {
    calls.push("Named(" + args.join(",") + ")");
    super(...args);
  }
  secret() { return this.#secret; }
}

class Deep extends Stack {
  top2() { return [this.peek(), this[this.length - 2]]; }
}

class Registry extends Map {
  register(k, v) { return this.set(k, v); }
  set(k, v) { calls.push("set " + k); return super.set(k, typeof v === "number" ? v * 10 : v); }
}

class Tags extends Set {
  add(v) { return super.add(String(v).toLowerCase()); }
  list() { return [...this].join("|"); }
}

class Counter extends Map {
  bump(k) { return this.set(k, (this.get(k) ?? 0) + 1); }
}

module.exports = (req) => {
  calls.length = 0;
  const source = (req.body && req.body.items) || [1, 2, 3];
  const s = new Stack();
  s.push(...source);
  const holes = new Stack(3);
  const one = new Stack("3");
  const deep = new Deep(1, 2, 3);
  const mapped = s.map((x) => x * 2);
  const filtered = s.filter((x) => x > source[0]);
  const sliced = s.slice(1);
  const copy = Stack.from(s);
  const removed = copy.splice(0, 1);
  const concatenated = s.concat([9], 10);
  const flat = new Stack([1, [2]], [3]).flat();
  const flatMapped = s.flatMap((x) => [x, x]);
  const named = new Named(1, 2);
  calls.push("--");
  const namedMapped = named.map((x) => x + 1);
  const namedFiltered = named.filter(() => true);
  let iterated = 0;
  for (const x of s) iterated += x;
  const r = new Registry([["a", 1], ["b", 2]]);
  r.register("c", 3).register("d", "x");
  const tags = new Tags(["A", "b", "a"]);
  tags.add("C");
  const counter = new Counter();
  counter.bump("x").bump("x").bump("y");
  return {
    stack: {
      json: s, peek: s.peek(), length: s.length, sum: s.sum(), isArray: Array.isArray(s),
      isStack: s instanceof Stack, isArrayInstance: s instanceof Array, keys: Object.keys(s),
      spread: [...s], iterated, string: String(s), template: `${s}`, index: s[1],
      constructorIsStack: s.constructor === Stack, hasPeek: "peek" in s, typeofPeek: typeof s.peek,
      holes: [holes.length, 0 in holes, JSON.stringify(holes)], one: [one.length, one[0]],
      includes: s.includes(source[1]), joined: s.join("-"), reversed: s.toReversed() instanceof Stack,
      sortedCopy: s.toSorted() instanceof Stack, entries: [...s.entries()],
    },
    species: {
      map: [mapped instanceof Stack, mapped.peek(), mapped],
      filter: [filtered instanceof Stack, filtered],
      slice: [sliced instanceof Stack, sliced.peek(), sliced],
      splice: [removed instanceof Stack, removed, copy],
      concat: [concatenated instanceof Stack, concatenated.length, concatenated.peek()],
      flat: [flat instanceof Stack, flat],
      flatMap: [flatMapped instanceof Stack, flatMapped.length],
      from: [copy instanceof Stack, Stack.from("ab", (c) => c + c)],
      of: [Stack.of(7, 8) instanceof Stack, Stack.of(7, 8).peek(), Stack.of(5).length],
      isArray: Stack.isArray(s),
    },
    deep: { top2: deep.top2(), isStack: deep instanceof Stack, mapped: deep.map((x) => x).top2(), sum: deep.sum() },
    named: {
      json: named, label: named.label, secret: named.secret(), keys: Object.keys(named),
      mapped: [namedMapped, namedMapped.label, namedMapped instanceof Named, Object.keys(namedMapped)],
      filtered: [namedFiltered.length, namedFiltered instanceof Named],
    },
    registry: {
      entries: [...r], size: r.size, get: r.get("a"), has: r.has("d"), isMap: r instanceof Map,
      isRegistry: r instanceof Registry, json: JSON.stringify(r), keys: [...r.keys()],
      tag: Object.prototype.toString.call(r),
    },
    tags: { list: tags.list(), size: tags.size, has: tags.has("a"), isSet: tags instanceof Set, spread: [...tags] },
    counter: { entries: Array.from(counter), size: counter.size },
    calls,
  };
};
