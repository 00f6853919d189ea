// yield* hands the inner iterator's result objects to the caller as they are (V8's
// GeneratorYield(innerResult)): the same object, its extra members, and `value` not read
// while the inner iterator is not done; `return()` forwarded through yield* likewise.
module.exports = function handler() {
  const log = [];
  const shared = { value: "shared", done: false, extra: "kept" };
  let step = 0;
  const inner = {
    [Symbol.iterator]() {
      return this;
    },
    next(sent) {
      step += 1;
      log.push(`next(${sent}) #${step}`);
      if (step === 1) return shared;
      if (step === 2) {
        return {
          done: false,
          get value() {
            log.push("value read");
            return "lazy";
          },
        };
      }
      if (step === 3) return { value: "third", done: 0, note: "falsy done" };
      return { value: "inner result", done: true, ignored: true };
    },
  };

  function* outer() {
    const result = yield* inner;
    log.push(`outer got ${result}`);
    return "outer done";
  }

  const it = outer();
  const first = it.next("ignored");
  const second = it.next("s2");
  log.push("before reading value");
  const secondValue = second.value;
  const third = it.next("s3");
  const last = it.next("s4");

  function* numbers() {
    yield 1;
    yield 2;
  }
  function* wrapper() {
    yield* numbers();
  }
  const w = wrapper();
  const nested = [w.next(), Object.keys(w.next()), w.next()];

  const closable = {
    [Symbol.iterator]() {
      return this;
    },
    next: () => ({ value: "open", done: false }),
    return: (value) => ({ value: `closing ${value}`, done: false, by: "return" }),
  };
  function* closer() {
    yield* closable;
  }
  const c = closer();
  c.next();
  const returned = c.return("now");

  return {
    same: first === shared,
    first,
    secondKeys: Object.keys(second),
    secondValue,
    third,
    last,
    log,
    nested,
    returned,
    afterReturn: c.next(),
  };
};
