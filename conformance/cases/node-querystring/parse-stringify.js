// `querystring.parse` (repeats become arrays, `+` is a space, keys without values, custom
// separators, `maxKeys`, malformed escapes kept or replaced as Node's byte decoding does, a
// null-prototype result) and `stringify`/`escape`/`unescape`.
const qs = require("querystring");

module.exports = function handler() {
  const parsed = qs.parse("a=1&b=2&a=3&&c&=d&e=f=g&+x+=%20y%zz&h=%E4%B8%AD&i=%E4&j=%C3%28");
  return {
    parse: [
      parsed,
      Object.getPrototypeOf(parsed) === null,
      qs.parse("a=1&b=2&c=3", null, null, { maxKeys: 2 }),
      qs.parse("&&&a=1", "&", "=", { maxKeys: 2 }),
      qs.parse("a=1;b:2", ";", ":"),
      qs.parse("k=%41+b", null, null, { decodeURIComponent: (s) => s.toUpperCase() }),
      qs.parse("a"),
      qs.parse(""),
      qs.parse(5),
      qs.decode("x=%F0%9F%98%80&y=é%"),
    ],
    stringify: [
      qs.stringify({ a: [1, 2], b: "x y", c: true, d: null, e: undefined, f: {}, g: NaN, h: 1e21, i: [], j: "ü€", k: -0 }),
      qs.stringify({ a: 1, b: 2 }, ";", ":"),
      qs.stringify({ w: "a b" }, null, null, { encodeURIComponent: (s) => `<${s}>` }),
      qs.stringify("x"),
      qs.encode({ "key with space": ["", "v"] }),
    ],
    escape: [qs.escape("a b&c/ü~*'()!"), qs.escape(12), qs.escape({ toString: () => "x y" })],
    unescape: [qs.unescape("a%20b+c"), qs.unescape("a%20b+c%zz%E4"), qs.unescape("%41%"), qs.unescape("%zz+", true)],
  };
};
