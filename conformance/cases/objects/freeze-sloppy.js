// In CommonJS (sloppy mode) writes to a frozen object are silently ignored.
module.exports = () => {
  const o = Object.freeze({ a: 1 });
  o.a = 2;
  o.b = 3;
  delete o.a;
  const arr = Object.freeze([1, 2]);
  let pushError;
  try { arr.push(3); } catch (e) { pushError = e.constructor.name + ": " + e.message; }
  return { o, arr, pushError };
};
