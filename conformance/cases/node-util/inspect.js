// `util.inspect` of values that fit on one line: strings quoted, nested objects collapsed
// past `depth` (2 by default, `null` or `Infinity` for none), arrays, Maps, Sets, special
// numbers; an object nested four levels deep breaks over lines.
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
  ];
}
