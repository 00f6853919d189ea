exports.handler = () => [
  "a" < "b", "B" < "a", "apple" < "apricot", "10" < "9", "10" < 9, "abc" < "abcd", "" < "a", "Z" < "a", "é" > "z",
  "a" == "a", "😀" > "\uffff", ["b", "a", "C", "😀", "\uffff"].sort(),
];
