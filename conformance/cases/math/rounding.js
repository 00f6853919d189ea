function handler() {
  const xs = [2.5, -2.5, 1.5, -1.5, 0.49999999999999994, -0.5, 2.4, -2.6, 0, -0.2];
  return {
    floor: xs.map(Math.floor).map(String), ceil: xs.map(Math.ceil).map(String), round: xs.map(Math.round).map((v) => (Object.is(v, -0) ? "-0" : String(v))),
    trunc: xs.map(Math.trunc).map(String), sign: [3, -3, 0, -0, NaN, -Infinity].map(Math.sign).map((v) => (Object.is(v, -0) ? "-0" : String(v))),
  };
}
