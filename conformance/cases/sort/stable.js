// Array.prototype.sort is stable.
exports.handler = () => {
  const people = [
    { name: "a", age: 30 }, { name: "b", age: 25 }, { name: "c", age: 30 }, { name: "d", age: 25 },
    { name: "e", age: 30 }, { name: "f", age: 20 }, { name: "g", age: 25 }, { name: "h", age: 30 },
    { name: "i", age: 20 }, { name: "j", age: 25 }, { name: "k", age: 30 }, { name: "l", age: 20 },
  ];
  const many = Array.from({ length: 50 }, (_, i) => ({ i, k: i % 3 }));
  return { byAge: people.sort((x, y) => x.age - y.age).map((p) => p.name).join(""), many: many.sort((a, b) => a.k - b.k).map((o) => o.i) };
};
