// Exact V8 messages for common runtime errors.
module.exports = () => {
  const attempts = {
    readUndefined: () => { const u = undefined; return u.x; },
    readNull: () => { const n = null; return n.x; },
    readIndexUndefined: () => { const u = undefined; return u[0]; },
    setUndefined: () => { const u = undefined; u.x = 1; },
    notFunction: () => { const o = {}; o.run(); },
    notIterable: () => { const [a] = 5; return a; },
    spreadNull: () => [...null],
    notConstructor: () => { const f = () => 1; return new f(); },
    undefinedVar: () => notDeclared + 1,
    invalidArrayLength: () => new Array(-1),
    toFixedRange: () => (1).toFixed(101),
    radixRange: () => (1).toString(1),
    precisionRange: () => (1).toPrecision(0),
    badUri: () => decodeURIComponent("%"),
    jsonParse: () => JSON.parse("{'a':1}"),
    circular: () => { const o = {}; o.self = o; return JSON.stringify(o); },
    newBig: () => "abc".repeat(Infinity),
    keysNull: () => Object.keys(null),
    inOnString: () => "x" in "str",
    instanceofNonCallable: () => ({}) instanceof {},
  };
  const out = {};
  for (const [key, fn] of Object.entries(attempts)) {
    try { fn(); out[key] = "no error"; } catch (e) { out[key] = `${e.name}: ${e.message}`; }
  }
  return out;
};
