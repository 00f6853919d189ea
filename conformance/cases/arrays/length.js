function handler() {
  const a = [1, 2, 3, 4, 5];
  a.length = 2;
  const b = [1];
  b[4] = 5;
  const c = [];
  c.length = 3;
  return { a, b, bLength: b.length, c, cLength: c.length, holesKeys: Object.keys(b), arrayCtor: new Array(3).length, arrayCtor2: new Array(3, 4), arrayOf: Array.of(3) };
}
