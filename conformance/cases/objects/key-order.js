// Integer-like keys come first in ascending order, then strings in insertion order.
function handler() {
  const o = { b: 1, 2: 1, 1: 1, a: 1 };
  const p = {};
  p.z = 1; p["10"] = 1; p["01"] = 1; p["-1"] = 1; p["1.5"] = 1; p["4294967294"] = 1; p["4294967295"] = 1; p["4294967296"] = 1; p["9007199254740993"] = 1; p["3"] = 1; p[" 4"] = 1; p.a = 1;
  return { o, p, keysO: Object.keys(o), keysP: Object.keys(p), json: JSON.stringify(p) };
}
