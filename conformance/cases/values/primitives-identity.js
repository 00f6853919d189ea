// Primitives compare by value, objects by identity.
export default function handler() {
  const a = { x: 1 };
  const b = { x: 1 };
  const c = a;
  const arr = [1, 2];
  return {
    sameObject: a === c,
    equalShape: a === b,
    looseObject: a == b,
    strings: "ab" === "a" + "b",
    arrays: arr === [1, 2],
    arraySelf: arr === arr,
    mutateThroughAlias: (() => { c.x = 5; return a.x; })(),
  };
}
