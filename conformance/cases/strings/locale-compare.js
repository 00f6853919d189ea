export default function () {
  const words = ["banana", "apple", "Cherry", "apple", "Apple", "zebra", "éclair", "eclair", "b"];
  return {
    pairs: [["a", "b"], ["b", "a"], ["a", "a"], ["a", "A"], ["A", "a"], ["a", "B"], ["résumé", "resume"], ["10", "9"]].map(([x, y]) => Math.sign(x.localeCompare(y))),
    sorted: [...words].sort((x, y) => x.localeCompare(y)),
    defaultSorted: [...words].sort(),
  };
}
