exports.handler = () => [
  "a,b,,c".split(","), "a,b,c".split(",", 2), "abc".split(""), "a b  c".split(" "), "a1b2c3".split(/\d/),
  "a1b2c3".split(/(\d)/), "".split(","), "".split(""), "abc".split(), "one  two".split(/\s+/), "a,b,".split(","),
  "😀x😀".split(""), "Hello".split("l"), "abc".split("", 2),
];
