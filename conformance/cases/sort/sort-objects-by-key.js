// @request GET ?by=name
// @request GET ?by=age
// @request GET ?by=missing
const PEOPLE = [{ name: "mia", age: 31 }, { name: "Al", age: 25 }, { name: "zoe", age: 31 }, { name: "bo" }];
export default function (req) {
  const by = req.query_params.by;
  const sorted = [...PEOPLE].sort((a, b) => {
    const x = a[by], y = b[by];
    if (x === y) return 0;
    if (x === undefined) return 1;
    if (y === undefined) return -1;
    return x < y ? -1 : 1;
  });
  return sorted.map((p) => `${p.name}:${p.age ?? "?"}`);
}
