// NaN and ±Infinity become null in JSON but print as words in strings.
exports.handler = (req) => ({
  values: [NaN, Infinity, -Infinity, 0 / 0, 1 / 0],
  strings: [String(NaN), String(Infinity), `${-Infinity}`],
  nested: { nan: NaN, inf: Infinity },
  nanEqNan: NaN === NaN,
  isNaN: Number.isNaN(NaN),
  objectIsNaN: Object.is(NaN, 0 / 0),
  includesNaN: [NaN].includes(NaN),
  indexOfNaN: [NaN].indexOf(NaN),
});
