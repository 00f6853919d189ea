module.exports = () => ({
  ci: /(a)\1/i.test("aA"),
  classes: "Hello World".match(/[a-z]+/gi),
  notClass: "a1-b2".replace(/[^a-z]/g, ""),
  escapes: "tab\there\nnewline".match(/\s/g).map((c) => c.charCodeAt(0)),
  dotNewline: "a\nb\rc\u2028d".match(/./g),
  nonCapturing: "abab".match(/(?:ab)+/)[0],
  captureLast: /(a|b)+/.exec("abab"),
});
