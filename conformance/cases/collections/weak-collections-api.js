// WeakMap/WeakSet: object keys only, delete/has, constructor iterables, no iteration.
export default function () {
  const a = {};
  const b = [];
  const fn = () => 1;
  const wm = new WeakMap([[a, 1], [b, 2]]);
  wm.set(fn, 3).set(a, 10);
  const ws = new WeakSet();
  ws.add(a).add(a);
  const attempt = (f) => { try { return f(); } catch (e) { return `${e.name}: ${e.message}`; } };
  return {
    gets: [wm.get(a), wm.get(b), wm.get(fn), wm.get({}), wm.get("x")],
    has: [wm.has(a), wm.has(1), ws.has(a), ws.has(b), ws.has(null)],
    deletes: [wm.delete(b), wm.delete(b), wm.has(b), ws.delete(a), ws.has(a), ws.delete(1)],
    errors: [attempt(() => new WeakSet([1])), attempt(() => ws.add("s")), attempt(() => new WeakMap([[null, 1]])), attempt(() => wm.set(undefined, 1))],
    text: [String(wm), Object.prototype.toString.call(ws), JSON.stringify({ wm, ws }), typeof wm, wm instanceof WeakMap],
    keys: Object.keys(wm),
  };
}
