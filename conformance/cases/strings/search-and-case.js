// Searching and case mapping on ASCII text, on text with other characters, and across the two
// (an ASCII needle in accented text, an accented needle in ASCII text), with every kind of
// start position.
module.exports = () => {
  const ascii = "Rust and JavaScript, rust and javascript";
  const wide = "Crème brûlée and crème anglaise";
  const positions = [undefined, -5, 0, 3, 17, 40, 41, 1e9, NaN, 2.7];
  const search = (text, needle) =>
    positions.map((from) => [
      text.includes(needle, from),
      text.indexOf(needle, from),
      text.lastIndexOf(needle, from),
      text.startsWith(needle, from),
      text.endsWith(needle, from),
    ]);
  return {
    asciiInAscii: search(ascii, "rust"),
    emptyNeedle: search(ascii, ""),
    longNeedle: search("ab", "abc"),
    wideInAscii: search(ascii, "rûst"),
    asciiInWide: search(wide, "crème"),
    plainInWide: search(wide, "and"),
    lower: [ascii.toLowerCase(), wide.toLowerCase(), "ALREADY lower".toLowerCase(), "ΣΑΣ".toLowerCase(), "İ".toLowerCase().length],
    upper: [ascii.toUpperCase(), wide.toUpperCase(), "straße".toUpperCase(), "ALREADY".toUpperCase()],
    unchanged: ["lower", "lower".toLowerCase() === "lower", "MIXED".toUpperCase() === "MIXED"],
    caseInsensitive: ["Rust", "RUST", "rust"].map((word) => ascii.toLowerCase().includes(word.toLowerCase())),
  };
};
