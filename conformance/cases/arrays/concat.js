function handler() {
  const a = [1, 2];
  return { c: a.concat(3, [4, 5], [[6]], "s"), original: a, empty: [].concat([], []), nested: [[1]].concat([[2]]) };
}
