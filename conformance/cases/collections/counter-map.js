// @request POST text:apple banana apple cherry banana apple
export default function (req) {
  const counts = new Map();
  for (const w of req.body.split(/\s+/)) counts.set(w, (counts.get(w) ?? 0) + 1);
  const sorted = [...counts].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]));
  return { sorted, asObject: Object.fromEntries(sorted), unique: new Set(req.body.split(" ")).size };
}
