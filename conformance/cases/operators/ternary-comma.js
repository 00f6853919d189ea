function handler() {
  const grade = (n) => (n >= 90 ? "A" : n >= 80 ? "B" : n >= 70 ? "C" : "F");
  let i = 0, j = 10;
  const seq = (i++, j--, i + j);
  const list = [];
  for (let a = 0, b = 5; a < b; a++, b--) list.push([a, b]);
  return { grades: [95, 85, 75, 10].map(grade), seq, i, j, list, nested: true ? (false ? 1 : 2) : 3 };
}
