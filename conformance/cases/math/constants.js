function handler() {
  return { PI: Math.PI, E: Math.E, LN2: Math.LN2, LN10: Math.LN10, LOG2E: Math.LOG2E, LOG10E: Math.LOG10E, SQRT2: Math.SQRT2, SQRT1_2: Math.SQRT1_2, piFixed: Math.PI.toFixed(10), tau: 2 * Math.PI };
}
