module.exports = () => {
  const once = (fn) => { let done = false, result; return (...a) => { if (!done) { done = true; result = fn(...a); } return result; }; };
  let calls = 0;
  const init = once((x) => { calls++; return x * 2; });
  return [init(5), init(7), init(9), calls];
};
