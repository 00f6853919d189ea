// Regular expressions with ECMAScript semantics.
module.exports = (req) => {
  const text = req.query_params.text ?? "Ada Lovelace, 1815; Grace Hopper, 1906; Alan Turing, 1912";
  const year = /(\d{4})/;
  const all = text.match(/\d{4}/g);
  const first = text.match(year);
  const names = text.split(/,\s*\d{4};?\s*/).filter(Boolean);
  const global = /o/g;
  const hits = [];
  while (global.test(text)) hits.push(global.lastIndex);
  return {
    body: {
      all,
      first: first && [first[0], first[1]],
      names,
      tests: [/^[a-z][a-z0-9_-]{1,31}$/i.test("Ada_1"), /^[a-z]+$/.test("ABC"), /\bTuring\b/.test(text), /^.$/u.test("😀"), /^.$/.test("😀")],
      replaced: text.replace(/(\w+) (\w+), (\d+)/g, "$2 ($3)"),
      upper: text.replace(/\b\w/g, (c) => c.toUpperCase()),
      exec: /(\w+)@(\w+)\.com/.exec("mail: ada@example.com"),
      none: "abc".match(/x/),
      hits: hits.length,
      source: [year.source, year.flags, String(/a\/b/gi)],
      splitLimit: "a1b2c3".split(/\d/, 2),
      sticky: "aaa".replace(/a/y, "b"),
    },
  };
};
