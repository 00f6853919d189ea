function handler() {
  return [
    parseFloat("3.14"), parseFloat("3.14abc"), parseFloat("  .5"), parseFloat("-.5e2"), parseFloat("1e"),
    parseFloat("e1"), parseFloat("Infinityx"), parseFloat("-Infinity"), parseFloat("0x10"), parseFloat(""),
    parseFloat("1.2.3"), parseFloat("1e400"), parseFloat("-0"), parseFloat([" 2.5 "]),
  ].map(String);
}
