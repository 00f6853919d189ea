export default function () {
  const original = { date: new Date(Date.UTC(2020, 0, 1)), map: new Map([["k", { deep: 1 }]]), set: new Set([1, 2]), nested: { arr: [1, { x: 2 }] }, undef: undefined, nan: NaN };
  original.self = original;
  const copy = structuredClone(original);
  copy.nested.arr[1].x = 99;
  let err;
  try { structuredClone({ f: () => 1 }); } catch (e) { err = `${e.name}: ${e.message}`; }
  return {
    dateHasGetTime: typeof copy.date.getTime === "function", dateIso: copy.date.toISOString(), mapGet: copy.map.get("k"), setSize: copy.set.size, originalX: original.nested.arr[1].x, copyX: copy.nested.arr[1].x,
    cycle: copy.self === copy, notSame: copy !== original, hasUndef: "undef" in copy, nanIsNaN: Number.isNaN(copy.nan), err,
  };
}
