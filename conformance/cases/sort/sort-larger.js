// A longer array exercises the full sorting path (TimSort in V8).
module.exports = () => {
  const data = [];
  let seed = 7;
  for (let i = 0; i < 200; i++) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    data.push(seed % 1000);
  }
  const sorted = [...data].sort((a, b) => a - b);
  const asStrings = [...data].sort();
  return { first: sorted.slice(0, 10), last: sorted.slice(-5), strFirst: asStrings.slice(0, 10), checksum: sorted.reduce((acc, v, i) => (acc + v * (i + 1)) % 1000003, 0) };
};
