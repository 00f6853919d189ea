// V8's JSON.parse messages where the parser leaves its fast paths: inside escapes, after
// non-ASCII text (positions count UTF-16 code units), and deep in unfinished nesting.
module.exports = () => {
  const inputs = [
    '"abc', '"a\\', '"\\x"', '"\\u12"', '"\\u12g4"', '"a\tb"', '"\u0000"', '["é", x]', '{"é中😀": 1,}',
    '["😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀", nope]', '{"a" 1}', '{"a":1 "b":2}', '[1 2]', "[-]", "[1.]",
    "[1e]", "[1e+]", "[01]", "[-01]", "{,}", '{"a":1,,}', "[,1]", "[1,,]", "nul", "truth", "[true false]",
    "[".repeat(50000), "[".repeat(2000) + "]".repeat(1999), "[".repeat(2000) + "1" + "]".repeat(2000) + "x",
    '{"a":'.repeat(1000) + "1" + "}".repeat(999),
    // How much of the text the message quotes: all of it up to 20 units, else 10 either side.
    "[" + " ".repeat(17) + "x]", "[" + " ".repeat(18) + "x]", "[x" + " ".repeat(30) + "]",
    " ".repeat(9) + "x" + " ".repeat(20), " ".repeat(20) + "x" + " ".repeat(10), " ".repeat(20) + "x" + " ".repeat(9),
    '{"e": [1, 2], "bad": tru}', "t-", "tr\"", "[n5]", 'nul"x"', "t.", "fals-", "[é中😀é中😀é中😀é中😀 x]",
  ];
  const results = inputs.map((text) => {
    try { return ["ok", JSON.stringify(JSON.parse(text)).length]; } catch (e) { return [e.name, e.message]; }
  });
  // Nesting that every build of the server can print (a debug build's frames are large).
  const deep = "[".repeat(200) + '{"a":' + "[".repeat(100) + "]".repeat(100) + "}" + "]".repeat(200);
  results.push(JSON.stringify(JSON.parse(deep)), JSON.stringify(JSON.parse(deep, (key, value) => value)).length);
  return results;
};
