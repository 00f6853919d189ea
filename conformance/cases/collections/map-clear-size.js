export default function () {
  const m = new Map(Object.entries({ x: 1, y: 2 }));
  const before = m.size;
  m.clear();
  const s = new Set([1, 2, 3]);
  s.clear();
  return { before, after: m.size, setAfter: s.size, getAfter: m.get("x"), emptyMap: [...new Map()], emptySet: [...new Set()], nullInit: new Map(null).size, undefInit: new Set(undefined).size };
}
