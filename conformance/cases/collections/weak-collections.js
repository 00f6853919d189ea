exports.handler = () => {
  const wm = new WeakMap();
  const key = {};
  wm.set(key, "meta");
  const ws = new WeakSet([key]);
  let err;
  try { wm.set("string key", 1); } catch (e) { err = `${e.name}: ${e.message}`; }
  return { get: wm.get(key), has: wm.has({}), ws: ws.has(key), err };
};
