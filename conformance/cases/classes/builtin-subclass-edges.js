// Edge cases of classes extending Array, Map and Set: V8's errors, toJSON, freezing, a
// constructor that returns early or logs, and Map/Set constructors reading `set`/`add`.
function attempt(f) {
  try { return f(); } catch (e) { return `${e.name}: ${e.message}`; }
}

class List extends Array {
  toJSON() { return { items: [...this], count: this.length }; }
  last() { return this.at(-1); }
}

class Strict extends Array {
  constructor() { if (false) super(); }
}

class Logged extends Array {
  static log = [];
  constructor(...args) { Logged.log.push(`new(${args})`); super(...args); }
}

class Bag extends Set {
  constructor(items) { super(items); this.createdWith = items ? items.length : 0; }
}

class Broken extends Map {}

exports.handler = () => {
  const list = new List(1, 2, 3);
  const frozen = Object.freeze(new List(1));
  const logged = new Logged(1, 2, 3);
  const doubled = logged.map((x) => { Logged.log.push(`cb(${x})`); return x * 2; });
  const sortedSelf = logged.sort((a, b) => b - a) === logged;
  const bag = new Bag(["x", "y", "x"]);
  return {
    json: JSON.stringify({ list }),
    last: list.last(),
    badLength: attempt(() => new List(-1)),
    fractional: attempt(() => new List(1.5)),
    noSuper: attempt(() => new Strict()),
    withoutNew: attempt(() => List()),
    frozenPush: attempt(() => frozen.push(2)),
    notEntry: attempt(() => new Broken([1])),
    notIterable: attempt(() => new Broken(5)),
    plainErrors: [attempt(() => new Map([1])), attempt(() => new Set(true)), attempt(() => new Map({})), attempt(() => new Set(() => 1))],
    doubled: [doubled.length, doubled instanceof Logged, [...doubled]],
    sortedSelf,
    logged: [...logged],
    log: Logged.log,
    bag: [bag.size, bag.createdWith, [...bag], bag instanceof Bag],
    emptyBag: new Bag().size,
    hasOwn: [list.hasOwnProperty("last"), list.hasOwnProperty(0), Object.keys(list).length],
    proto: Object.getPrototypeOf(list) === List.prototype,
  };
};
