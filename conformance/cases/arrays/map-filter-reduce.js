export default function () {
  const nums = [5, 1, 4, 2, 3];
  return {
    map: nums.map((n, i) => n * i),
    filter: nums.filter((n) => n % 2),
    reduce: nums.reduce((acc, n) => acc + n),
    reduceInit: nums.reduce((acc, n) => ({ ...acc, [n]: n * n }), {}),
    reduceRight: ["a", "b", "c"].reduceRight((acc, s) => acc + s, ""),
    reduceRightNoInit: [[1], [2], [3]].reduceRight((acc, x) => acc.concat(x)),
    indexes: nums.map((_, i, arr) => arr.length - i),
    parseIntMap: ["1", "2", "3", "10"].map(parseInt),
    numberMap: ["1", "2", "3"].map(Number),
  };
}
