module.exports = () => [
  JSON.stringify(undefined), JSON.stringify(null), JSON.stringify(NaN), JSON.stringify(-0), JSON.stringify(Infinity),
  JSON.stringify("s"), JSON.stringify(true), JSON.stringify([undefined, () => 1, NaN]), JSON.stringify({ u: undefined, f() {}, n: null }),
  JSON.stringify(new Map([[1, 2]])), JSON.stringify(new Set([1])), JSON.stringify(/re/g), JSON.stringify(new Error("e")), JSON.stringify(1e21), JSON.stringify(1e-7),
  JSON.stringify([new Number(3), new String("s"), new Boolean(false)]), JSON.stringify(Object.create(null)),
].map((v) => (v === undefined ? "<undefined>" : v));
