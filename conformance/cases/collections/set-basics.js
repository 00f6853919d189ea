export default function () {
  const s = new Set([3, 1, 3, "3", NaN, NaN, 0, -0]);
  s.add(2).add(1);
  const objs = new Set([{}, {}]);
  return { values: [...s].map(String), size: s.size, has: [s.has(3), s.has("1"), s.has(NaN), s.has(-0)], deleted: s.delete(3), after: [...s].map(String), objs: objs.size, json: JSON.stringify(s), fromString: [...new Set("mississippi")].join("") };
}
