// for…in visits own keys first, then each prototype's enumerable keys, skipping shadowed ones.
export default function () {
  const out = [];
  const base = { b: 1, shared: 1, 2: "two" };
  const middle = Object.create(base);
  middle.m = 1;
  middle.shared = 2;
  const leaf = Object.create(middle);
  leaf.own = 1;
  leaf[1] = "one";
  for (const k in leaf) out.push(k);
  function Point(x) { this.x = x; }
  Point.prototype.norm = function () { return Math.abs(this.x); };
  const p = new Point(-3);
  const pointKeys = [];
  for (const k in p) pointKeys.push(k);
  const dict = Object.create(null);
  dict.z = 1;
  const dictKeys = [];
  for (const k in dict) dictKeys.push(k);
  return { out, pointKeys, norm: p.norm(), dictKeys, ownOnly: Object.keys(leaf) };
}
