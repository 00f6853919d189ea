// return(), throw(), try/finally inside generators, and the errors V8 gives.
function attempt(f) {
  try {
    return f();
  } catch (e) {
    return `${e.name}: ${e.message}`;
  }
}

export default function handler(req) {
  const events = [];
  function* guarded() {
    try {
      events.push("enter");
      yield 1;
      yield 2;
    } catch (err) {
      events.push(`caught ${err}`);
      yield "recovered";
    } finally {
      events.push("cleanup");
    }
    events.push("after");
  }

  const g1 = guarded();
  const returned = [g1.next(), g1.return("early"), g1.next()];
  const events1 = events.splice(0);

  const g2 = guarded();
  const thrown = [g2.next(), g2.throw("boom"), g2.next(), g2.next()];
  const events2 = events.splice(0);

  const g3 = guarded();
  const notStarted = [g3.return("never ran"), g3.next()];
  const events3 = events.splice(0);

  function* overriding() {
    try {
      yield 1;
    } finally {
      return "from finally";
    }
  }
  const g4 = overriding();
  g4.next();
  const finallyWins = g4.return("ignored");

  function* yieldingFinally() {
    try {
      yield 1;
    } finally {
      yield "cleanup step";
      events.push("finally done");
    }
  }
  const g5 = yieldingFinally();
  const pausedReturn = [g5.next(), g5.return("r"), g5.next(), g5.next()];
  const events5 = events.splice(0);

  function* failing() {
    yield 1;
    throw new TypeError("bad state");
  }
  const g6 = failing();
  const failure = [g6.next(), attempt(() => g6.next()), g6.next()];

  const g7 = guarded();
  const throwBeforeStart = [attempt(() => g7.throw(new Error("too soon"))), g7.next()];

  let self;
  function* reentrant() {
    yield self.next();
  }
  self = reentrant();
  const running = attempt(() => self.next());

  const g8 = failing();
  const closedByBreak = [];
  for (const v of guarded()) {
    closedByBreak.push(v);
    break;
  }
  const events8 = events.splice(0);

  return {
    returned, events1, thrown, events2, notStarted, events3, finallyWins,
    pausedReturn, events5, failure, throwBeforeStart, running,
    closedByBreak, events8,
    throwAfterDone: attempt(() => g1.throw(new Error("late"))),
    returnAfterDone: g1.return(7),
    unused: typeof g8,
  };
}
