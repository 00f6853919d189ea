// The handler is declared after the helpers it calls, which are declared after it.
function handler(req) {
  return { result: format(compute(6)) };
}
function compute(n) {
  return n * 7;
}
var format = (n) => `answer=${n}`;
