// Generator parameters bind at the call (a failing default throws there, not at next()),
// arguments and this in generators, and async generators' parameter errors.
function attempt(f) {
  try {
    return f();
  } catch (e) {
    return `${e.name}: ${e.message}`;
  }
}

function* withDefault(a, b = a.length) {
  yield b;
}

function* args() {
  yield arguments.length;
  yield* [...arguments];
}

const counter = {
  step: 2,
  *count(limit) {
    for (let i = 0; i < limit; i += this.step) yield i;
  },
};

async function* asyncDefault(x = missing.value) {
  yield x;
}

exports.handler = async (req) => {
  let created = "not created";
  const early = attempt(() => {
    withDefault(undefined);
    created = "created";
  });
  return {
    early,
    created,
    fine: [...withDefault("abc")],
    destructured: [...(function* ({ a, b = 2 }, [c]) { yield a + b + c; })({ a: 1 }, [3])],
    args: [...args("x", "y")],
    thisBound: [...counter.count(7)],
    asyncEarly: attempt(() => {
      asyncDefault();
      return "no throw";
    }),
  };
};
