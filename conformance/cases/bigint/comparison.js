// Equality and ordering across BigInts, numbers and strings; sorting; Map and Set keys.
function attempt(f) {
  try {
    return f();
  } catch (e) {
    return `${e.name}: ${e.message}`;
  }
}

export function GET(req) {
  const big = 2n ** 64n;
  return {
    strict: [1n === 1n, 1n === 1, 0n === -0n, big === 2n ** 64n, 1n !== 1, [1n].includes(1n), [1n].includes(1), [1n, 2n].indexOf(2n)],
    loose: [
      1n == 1, 1 == 1n, 1n == 1.5, 0n == -0, 1n == "1", "1" == 1n, 1n == "1.0", 1n == "x", 1n == "0x1", 1n == " 1 ",
      1n == true, 0n == false, 0n == "", 0n == null, 0n == undefined, 1n == [1], 1n == NaN, big == 2 ** 64, 2n ** 53n + 1n == 2 ** 53,
    ],
    relational: [
      1n < 2, 2 < 1n, 1n < 1.5, 2n > 1.5, -1n < -0.5, -1n > -1.5, 1n <= 1, 1n >= 1.0000001,
      1n < "2", "10" > 9n, 1n < "x", 1n > "x", 1n < "1.5", big > Number.MAX_SAFE_INTEGER,
      1n < Infinity, 1n > -Infinity, 1n < NaN, 1n >= NaN, 3n > 2n, -3n < -2n, 1n < true, 0n <= null,
      big > 2 ** 64, big >= 2 ** 64, 2n ** 1100n < Infinity, 2n ** 1100n > Number.MAX_VALUE,
    ],
    sortedDefault: [10n, 9n, 1n, -3n, 100n, 2, 1.5].sort().map(String),
    sortedNumeric: [10n, 9n, 1n, -3n, 100n].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0)).map(String),
    sortedMixed: [3, 2n, 1, 0n, 2.5].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0)).map(String),
    subtractionComparator: attempt(() => [3n, 1n, 2n].sort((x, y) => x - y).map(String)),
    mapKeys: (() => {
      const map = new Map([[1n, "bigint"], [1, "number"], ["1", "string"]]);
      map.set(2n ** 70n, "huge");
      return [map.size, map.get(1n), map.get(1), map.get("1"), map.get(2n ** 70n), map.has(BigInt(1)), map.has(-1n)];
    })(),
    setKeys: (() => {
      const set = new Set([1n, 1n, 1, 0n, -0n, BigInt("1"), 0]);
      return [set.size, set.has(0n), set.has(0), [...set].map((v) => typeof v)];
    })(),
  };
}
