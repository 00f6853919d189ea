// Hundreds of elements make TimSort merge runs of unequal length over several levels; keys
// repeat, so stability decides the order. A comparator that throws part-way leaves the array
// as it was.
module.exports = () => {
  const records = [];
  let seed = 11;
  for (let i = 0; i < 700; i++) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    records.push({ id: i, key: seed % 17 });
  }
  const byKey = [...records].sort((a, b) => a.key - b.key);
  const descending = [...records].sort((a, b) => b.key - a.key || b.id - a.id);
  const ids = records.map((r) => r.id * 7 % 701);
  let calls = 0;
  let thrown = null;
  try {
    ids.sort((a, b) => {
      calls += 1;
      if (calls === 900) throw new Error("stop at call " + calls);
      return a - b;
    });
  } catch (error) {
    thrown = error.message;
  }
  return {
    stable: byKey.map((r) => r.id).join(","),
    descending: descending.slice(0, 40).map((r) => r.key + ":" + r.id).join(" "),
    thrown,
    untouched: ids.slice(0, 30).join(","),
  };
};
