module.exports = () => [
  "5".padStart(3, "0"), "5".padEnd(3, "0"), "abc".padStart(10, "123"), "abc".padEnd(6, "xy"), "abc".padStart(2),
  "abc".padStart(6), "abc".padEnd(6) + "|", "abc".padStart(6, ""), "7".padStart(3, "😀"), String(42).padStart(8, "-"),
];
