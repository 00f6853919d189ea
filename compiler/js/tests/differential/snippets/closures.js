// Closures, hoisting, recursion, default and rest parameters, spread.
function makeCounter(start = 0, step = 1) {
  let count = start;
  return {
    next: () => (count += step),
    peek: () => count,
  };
}

const fact = (n) => (n <= 1 ? 1 : n * fact(n - 1));

module.exports = function closures(req) {
  const counter = makeCounter(10, 5);
  counter.next();
  counter.next();
  const other = makeCounter();
  other.next();
  const adders = [1, 2, 3].map((k) => (x) => x + k);
  const fib = function fibonacci(n) {
    return n < 2 ? n : fibonacci(n - 1) + fibonacci(n - 2);
  };
  function sum(...values) {
    return values.reduce((total, value) => total + value, 0);
  }
  let log = [];
  const push = (item) => {
    log.push(item);
    return log.length;
  };
  push("a");
  push("b");
  log = [...log, "c"];
  const early = hoisted(4);
  function hoisted(x) {
    return x * multiplier;
  }
  var multiplier = 3;
  const late = hoisted(4);
  const result = (function (a, b = a * 2) {
    return [a, b];
  })(7);
  const args = [1, 2, 3];
  return {
    body: {
      counter: counter.peek(),
      other: other.peek(),
      adders: adders.map((add) => add(10)),
      fact: fact(10),
      fib: fib(15),
      sum: [sum(), sum(1, 2, 3), sum(...args, 4)],
      log,
      early,
      late,
      result,
      max: Math.max(...args),
      fnName: [fact.name, closures.name, sum.length, makeCounter.length],
    },
  };
};
