exports.handler = () => ({
  basic: Object.fromEntries([["a", 1], ["b", 2]]),
  fromMap: Object.fromEntries(new Map([["x", 1], [2, "two"]])),
  roundTrip: Object.fromEntries(Object.entries({ p: 1, q: 2 }).map(([k, v]) => [k.toUpperCase(), v * 10])),
  duplicate: Object.fromEntries([["k", 1], ["k", 2]]),
  numericKeys: Object.fromEntries([["b", 1], ["3", 2], ["1", 3]]),
});
