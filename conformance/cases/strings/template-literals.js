// @request GET ?name=Ada
export default function (req) {
  const name = req.query_params.name;
  const items = [1, 2, 3];
  const multi = `line1
  line2`;
  return {
    greeting: `Hello, ${name}!`,
    expr: `${items.length * 2} items, total ${items.reduce((a, b) => a + b)}`,
    nested: `outer ${`inner ${name.toUpperCase()}`}`,
    escaped: `a\`b\${c}\n`,
    multi,
    ternary: `${items.length > 2 ? "many" : "few"}`,
    raw: String.raw`C:\new\${name}`,
    obj: `${{ a: 1 }}`,
    arr: `${[1, [2, 3]]}`,
    num: `${0.1 + 0.2}|${-0}|${1e21}`,
  };
}
