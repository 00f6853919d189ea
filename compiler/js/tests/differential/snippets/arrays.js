// Array methods: sort (stable, string order by default), splice, reduce, flat, …
module.exports = (req) => {
  const numbers = [10, 9, 1, 100, 25, -3, 0];
  const people = [
    { name: "b", age: 30 },
    { name: "a", age: 25 },
    { name: "c", age: 30 },
    { name: "d", age: 25 },
  ];
  const spliced = [1, 2, 3, 4, 5];
  const removed = spliced.splice(1, 2, "x", "y", "z");
  const tail = [1, 2, 3, 4].splice(-2);
  const sparse = [1, , 3];
  const mixed = [3, undefined, 1, null, 2];
  const stack = [];
  stack.push(1, 2, 3);
  const popped = stack.pop();
  stack.unshift(0);
  const shifted = stack.shift();
  return {
    body: {
      defaultSort: [...numbers].sort(),
      numericSort: [...numbers].sort((a, b) => a - b),
      stable: people.slice().sort((x, y) => x.age - y.age).map((p) => p.name),
      mixedSort: mixed.sort(),
      removed,
      spliced,
      tail,
      sparse: sparse.length,
      reduce: numbers.reduce((acc, value, index) => acc + value * index, 0),
      flat: [1, [2, [3, [4]]]].flat(),
      flatInf: [1, [2, [3, [4]]]].flat(Infinity),
      flatMap: ["a b", "c"].flatMap((s) => s.split(" ")),
      search: [numbers.indexOf(25), numbers.includes(NaN), [NaN].includes(NaN), [NaN].indexOf(NaN), numbers.lastIndexOf(0), numbers.find((x) => x > 50), numbers.findIndex((x) => x < 0)],
      some: [numbers.some((x) => x > 99), numbers.every((x) => x > -5)],
      join: [[1, null, undefined, "a", [2, 3]].join("-"), [].join(), [1, 2].toString()],
      fromSet: Array.from(new Set([3, 1, 3, 2, 1])),
      fromString: Array.from("héllo"),
      fromLength: Array.from({ length: 3 }, (_, i) => i * i),
      isArray: [Array.isArray([]), Array.isArray({})],
      fill: new Array(3).fill(0),
      reversed: [1, 2, 3].reverse(),
      concat: [1].concat([2, [3]], 4),
      keys: [..."ab"].map((c, i) => `${i}:${c}`),
      entries: Object.entries(["x", "y"]),
      stack,
      popped,
      shifted,
      truthy: [0, 1, "", "a", null, [], {}].filter(Boolean).length,
      at: [numbers.at(-1), numbers.at(100)],
      lengthChange: (() => {
        const a = [1, 2, 3, 4];
        a.length = 2;
        a[4] = 5;
        return a;
      })(),
    },
  };
};
