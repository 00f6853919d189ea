// Iterator objects from Map, Set and Array: next(), spread, for…of over an iterator,
// additions and deletions seen while iterating, exhaustion that sticks, clear().
module.exports = () => {
  const m = new Map([["a", 1], ["b", 2]]);
  const keys = m.keys();
  const first = keys.next();
  m.set("c", 3);
  m.delete("b");
  const rest = [...keys];
  const after = keys.next();
  m.set("d", 4);
  const stillDone = keys.next();

  const arr = [1, 2];
  const it = arr.entries();
  const collected = [];
  for (const [i, v] of it) {
    collected.push(i * 10 + v);
    if (arr.length < 4) arr.push(v + 2);
  }
  const exhausted = it.next();
  arr.push(99);
  const stays = it.next();

  const s = new Set(["x"]);
  const sv = s.values();
  s.clear();
  s.add("y");
  const afterClear = sv.next();

  const big = new Map();
  for (let i = 0; i < 200; i++) big.set(i, i * 2);
  const bigIt = big.keys();
  bigIt.next();
  for (let i = 1; i < 190; i++) big.delete(i);
  const fromBig = [...bigIt].slice(0, 3);
  big.set(-0, "zero");

  return {
    first, rest, after, stillDone, collected, exhausted, stays, afterClear, fromBig,
    zero: big.get(0), size: big.size,
    entriesOfSet: [...new Set([1, 2]).entries()],
    mapValues: Array.from(new Map([[1, "one"]]).values()),
    typeofIt: typeof m.entries(),
    json: JSON.stringify([[].keys(), m.values()]),
    destructured: (([x, y] = new Set([7, 8, 9]).values()) => x + y)(),
  };
};
