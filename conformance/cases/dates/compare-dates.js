function handler() {
  const a = new Date("2024-01-01T00:00:00Z");
  const b = new Date("2024-01-01T00:00:00.000Z");
  const c = new Date("2024-06-01T00:00:00Z");
  return { eq: a == b, strictEq: a === b, timeEq: a.getTime() === b.getTime(), lt: a < c, gt: a > c, lte: a <= b, minus: c - a, max: new Date(Math.max(a, c)).toISOString(), sorted: [c, a].sort((x, y) => x - y).map((d) => d.getUTCMonth()) };
}
