module.exports = () => ({
  braces: "\u{1F600}\u{41}\u{e9}",
  hex: "\x41\x42\xe9",
  octalFree: "a\0b".length,
  raw: String.raw`\u{41}\n${1 + 1}\t`,
  lineContinuation: "one \
two",
  lengths: ["\u{1F600}".length, "\x41".length],
});
