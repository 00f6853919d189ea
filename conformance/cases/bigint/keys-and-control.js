// BigInts as property keys and array indexes, in switch cases, in ++ on properties, and in
// spread, destructuring and default parameters.
function attempt(f) {
  try {
    const value = f();
    return typeof value === "bigint" ? `${value}n` : value;
  } catch (e) {
    return `${e.name}: ${e.message}`;
  }
}

function kind(value) {
  switch (value) {
    case 0n:
      return "zero bigint";
    case 0:
      return "zero number";
    case 1n:
      return "one bigint";
    default:
      return typeof value;
  }
}

function scaled(value, factor = 10n) {
  return value * factor;
}

exports.handler = function (req) {
  const letters = ["a", "b", "c"];
  const table = {};
  table[2n] = "two";
  table[10n ** 20n] = "huge";
  const counter = { hits: 0n };
  counter.hits++;
  counter.hits += 5n;
  ++counter.hits;
  const [first, ...rest] = [1n, 2n, 3n];
  const { big = 7n } = {};
  return {
    index: [letters[1n], letters[5n], "xyz"[2n]],
    keys: Object.keys(table),
    lookup: [table[2], table["2"], table[2n]],
    inOperator: [1n in letters, 9n in letters],
    switches: [0n, 0, -0, 1n, 1, 2n].map(kind),
    counter: `${counter.hits}`,
    destructured: [`${first}`, rest.map(String), `${big}`],
    defaults: [`${scaled(3n)}`, `${scaled(3n, 2n)}`, attempt(() => scaled(3))],
    max: attempt(() => [3n, 9n, 4n].reduce((a, b) => (a > b ? a : b))),
    ternary: [1n ? "truthy" : "falsy", 0n ? "truthy" : "falsy"],
    logical: [`${0n || 5n}`, `${3n && 4n}`, `${null ?? 6n}`],
  };
};
