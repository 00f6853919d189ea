// `util.inspect` of values that fit on one line: strings quoted, nested objects collapsed
// past `depth` (2 by default, `null` or `Infinity` for none), arrays, Maps, Sets, special
// numbers; an object nested four levels deep breaks over lines; the `sorted`, `compact` (a
// number or `false`) and `breakLength` options.
import { inspect } from "node:util";

export function GET() {
  const nested = { a: { b: { c: { d: 1 } } } };
  return [
    inspect("text"),
    inspect("it's"),
    inspect(42),
    inspect(-0),
    inspect(NaN),
    inspect(null),
    inspect(undefined),
    inspect(true),
    inspect([1, "a", [2, [3, [4]]]]),
    inspect(nested),
    inspect(nested, { depth: 0 }),
    inspect({ a: { b: { c: 1 } } }, { depth: null }),
    inspect(nested, { depth: null }),
    inspect({ a: [{ b: { c: {} } }] }, { depth: Infinity }),
    inspect([[[[1]]]], { depth: 0 }),
    inspect({ a: [{ b: {} }] }, { depth: Infinity }),
    inspect(nested, false, 1),
    inspect(new Map([["k", 1]])),
    inspect(new Set([1, 2])),
    inspect([]),
    inspect({}),
    inspect([1, , 3]),
    inspect({ "key with space": 1, valid_id: 2 }),
    inspect(function named() {}),
    inspect(/re/g),
    inspect({ b: 1, a: { d: 1, c: 2 } }, { sorted: true }),
    inspect(new Map([["b", 1], ["a", 2]]), { sorted: true }),
    inspect(new Set(["b", "a"]), { sorted: true }),
    inspect({ a: 1, b: [1, 2] }, { compact: false }),
    inspect([1, 2, 3, 4, 5, 6, 7, 8], { compact: false }),
    inspect({ a: { b: { c: 1 } } }, { compact: 1 }),
    inspect({ a: "x".repeat(30), b: 2 }, { breakLength: 20 }),
    inspect([1, 2, 3, 4, 5, 6, 7, 8], { breakLength: Infinity }),
    inspect({ a: "x".repeat(100), b: [1, 2] }, { breakLength: Infinity }),
    inspect([], { compact: false }),
    inspect({}, { compact: false }),
    inspect({ a: [[]] }, { depth: 0, compact: false }),
  ];
}
