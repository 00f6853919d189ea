// A comparator returning booleans (a common bug) behaves like Node's sort does.
export default function () {
  return {
    boolComparator: [3, 1, 2].sort((a, b) => a > b),
    returnsStrings: [3, 1, 2].sort((a, b) => String(a - b)),
    constantZero: [3, 1, 2].sort(() => 0),
    constantNeg: [1, 2, 3, 4].sort(() => -1),
  };
}
