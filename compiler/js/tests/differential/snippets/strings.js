// Strings count UTF-16 code units, as JavaScript does.
module.exports = (req) => {
  const s = req.query_params.s ?? "héllo wörld 😀!";
  const words = "  The quick  brown fox ".trim().split(/\s+/);
  return {
    body: {
      length: s.length,
      emoji: ["😀".length, "😀".slice(0, 1).length, "a😀b".charAt(1) === "\ud83d", [..."a😀b"].length],
      slices: [s.slice(1, 4), s.slice(-3), s.substring(4, 1), s.substr(2, 3), s.at(-1), s.charAt(100), s[1]],
      search: [s.indexOf("o"), s.lastIndexOf("o"), s.includes("wö"), s.startsWith("hé"), s.endsWith("!"), s.search(/w/)],
      cases: [s.toUpperCase(), "ÉCOLE".toLowerCase(), "ß".toUpperCase()],
      words,
      split: ["a,b,,c".split(","), "abc".split(""), "a1b2c3".split(/\d/), "a, b ,c".split(/\s*,\s*/), "one two".split(" ", 1), "x".split(/(x)/)],
      replace: ["a-b-c".replace("-", "+"), "a-b-c".replaceAll("-", "+"), "John Smith".replace(/(\w+)\s(\w+)/, "$2, $1"), "aaa".replace(/a/g, (m, i) => i), "x".replace("x", "$&$&")],
      pad: ["5".padStart(3, "0"), "ab".padEnd(5, "xy"), "-".repeat(3)],
      compare: ["a" < "b", "B" < "a", "10" < "9", "ada".localeCompare("grace"), "b".localeCompare("B"), "a".localeCompare("a")],
      codes: ["A".charCodeAt(0), String.fromCharCode(72, 105), "😀".codePointAt(0)],
      template: `${[1, [2, 3]]} ${null} ${undefined} ${{}} ${true}`,
      json: JSON.stringify({ s, tab: "a\tb", quote: '"', ctrl: "\u0001", sep: "\u2028" }),
    },
  };
};
