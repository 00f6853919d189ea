// @request POST [5, 3, 8, 1, 10, 22]
// @request POST ["pear", "Apple", "fig"]
export default function (req) {
  const items = req.body;
  const numeric = items.every((x) => typeof x === "number");
  return { default: [...items].sort(), smart: numeric ? [...items].sort((a, b) => a - b) : [...items].sort((a, b) => a.localeCompare(b)) };
}
