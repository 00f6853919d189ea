// new Number/String/Boolean: objects around a primitive.
function handler() {
  const n = new Number(3);
  const s = new String("ab");
  const f = new Boolean(false);
  return {
    typeofs: [typeof n, typeof s, typeof f],
    json: JSON.stringify({ n, s, f }),
    loose: [n == 3, s == "ab", f == false, n == new Number(3)],
    strict: [n === 3, s === "ab", n === n],
    arithmetic: [n + 1, n * 2, s + "c", `${s}`, String(n)],
    truthy: f ? "object is truthy" : "falsy",
    methods: [n.toFixed(2), s.toUpperCase(), s.length, n.valueOf() === 3, typeof s.valueOf()],
    tags: [Object.prototype.toString.call(n), Object.prototype.toString.call(s), Object.prototype.toString.call(f)],
    instance: [n instanceof Number, s instanceof String, 3 instanceof Number],
  };
}
