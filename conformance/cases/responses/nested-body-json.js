// Nested response body with every JSON value kind.
function handler() {
  return { status: 200, body: { s: "x", n: -1.5e-9, t: true, f: false, z: null, a: [[], {}, [null]], o: { "": "empty key", "with space": 1, "ключ": "unicode key" } } };
}
