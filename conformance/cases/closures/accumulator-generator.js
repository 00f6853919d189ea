function handler() {
  const makeAccumulator = () => { const items = []; return { add: (x) => (items.push(x), items.length), all: () => [...items] }; };
  const acc = makeAccumulator();
  acc.add("a"); acc.add("b");
  const copy = acc.all();
  copy.push("mutated copy");
  return { all: acc.all(), count: acc.add("c"), copy };
}
