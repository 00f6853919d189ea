exports.handler = (req) => [
  parseInt("42"), parseInt("42px"), parseInt("  -17 "), parseInt("0x1F"), parseInt("1F", 16), parseInt("ff", 16),
  parseInt("101", 2), parseInt("z", 36), parseInt("12", 3), parseInt("3", 2), parseInt(""), parseInt("abc"),
  parseInt("1e3"), parseInt(1e21), parseInt(0.0000005), parseInt("08"), parseInt("-0"), parseInt("9007199254740993"),
  parseInt("12", 0), parseInt("12", 1), parseInt("12", 37), parseInt(null, 36), parseInt("+5"), parseInt("0b11"),
].map(String);
