exports.handler = () => ({
  stringFromNumbers: [String(0.000001), String(0.0000001), String(123456789012345678), String(-1e-7)],
  numberToLocaleFree: (1234567.891).toFixed(2).replace(/\B(?=(\d{3})+(?!\d))/g, ","),
  booleanCoercions: [Boolean("false"), Boolean(" ")],
  isNaNGlobals: [isNaN("x"), isFinite("12"), parseFloat("3.0"), parseInt("0012")],
});
