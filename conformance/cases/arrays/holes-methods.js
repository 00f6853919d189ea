// Holes through the methods that keep, skip or fill them.
function handler() {
  const show = (a) => ({ json: JSON.stringify(a), length: a.length, keys: Object.keys(a) });
  const sorted = [3, , undefined, 1, , 2].sort();
  const sortedCmp = [3, , 1, undefined, 2].sort((a, b) => b - a);
  const reversed = [1, , 3, , ].reverse();
  const spliced = [1, , 3, , 5];
  const removed = spliced.splice(1, 2, "x");
  const concat = [1, , 3].concat([, 5], 6);
  const sliced = [1, , 3, , 5].slice(1, 4);
  const shifted = [, 2, , 4];
  const first = shifted.shift();
  const unshifted = [1, , 3];
  unshifted.unshift(0);
  const visits = [];
  [1, , 3].every((v, i) => { visits.push(i); return true; });
  [1, , 3].some((v, i) => { visits.push(i); return false; });
  [1, , 3].reduceRight((acc, v, i) => { visits.push(i); return acc; }, 0);
  const found = [];
  [1, , 3].find((v, i) => { found.push([i, v === undefined]); return false; });
  [1, , 3].findLastIndex((v, i) => { found.push([i, v === undefined]); return false; });
  return {
    sorted: show(sorted), sortedCmp: show(sortedCmp), reversed: show(reversed),
    spliced: show(spliced), removed: show(removed), concat: show(concat), sliced: show(sliced),
    shifted: show(shifted), first, unshifted: show(unshifted), visits, found,
    reduceSum: [1, , 3].reduce((a, b) => a + b), lastIndexOf: [undefined, , 1].lastIndexOf(undefined),
    filled: show(new Array(3).fill(7)), fromHoles: Array.from([1, , 3]), ofHoles: [, 1].at(0),
    toSorted: [3, , 1].toSorted(), toReversed: [1, , 3].toReversed(), withHole: [1, , 3].with(0, 9),
    values: [...[1, , 3].values()], keysIter: [...[1, , 3].keys()],
    template: `${[1, , 3]}`, string: String([, null, undefined, 0]),
    flatMapHoles: [[1, , 2], , [3]].flatMap((x) => x), flatDeep: [1, [2, , [3, , 4]]].flat(Infinity),
    forOf: (() => { const out = []; for (const v of [1, , 3]) out.push(v === undefined ? "u" : v); return out; })(),
    forIn: (() => { const out = []; for (const k in [1, , 3]) out.push(k); return out; })(),
    hasOwn: [Object.hasOwn([1, , 3], 1), [1, , 3].hasOwnProperty(2), Object.hasOwn([1, , 3], "length")],
    entries: Object.entries([1, , 3]), spreadObject: { ...[1, , 3] },
  };
}
