// -0 prints as 0 everywhere except Object.is and division.
export default function (req) {
  const z = -0;
  return {
    json: z,
    string: String(z),
    template: `${z}`,
    concat: "" + z,
    toFixed: z.toFixed(2),
    negSmallFixed: (-0.0001).toFixed(2),
    isNegZero: Object.is(z, -0),
    isPosZero: Object.is(z, 0),
    strictEq: z === 0,
    inverse: 1 / z,
    inverseString: String(1 / z),
    mathRound: Object.is(Math.round(-0.4), -0),
    arrayJoin: [z, 0].join(","),
    toStringCall: z.toString(),
    jsonStringify: JSON.stringify([z]),
    signOf: Object.is(Math.sign(-0), -0),
  };
}
