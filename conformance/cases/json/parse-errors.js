// V8's exact SyntaxError messages.
module.exports = () => {
  const inputs = ["", "{", "{'a':1}", "[1,]", "{\"a\":1,}", "undefined", "NaN", "01", "1.", ".5", "\"unterminated", "{\"a\" 1}", "tru", "[1] x", "\"\t\"", "-", "{\"a\":1}}", "\u00a0 1"];
  return inputs.map((text) => {
    try { return ["ok", JSON.parse(text)]; } catch (e) { return [e.name, e.message]; }
  });
};
