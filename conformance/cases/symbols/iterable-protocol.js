// The iteration protocol on user objects: for…of, spread, destructuring, Array.from,
// Map/Set/Object.fromEntries, and return() on early exit.
const events = [];

function range(from, to) {
  return {
    [Symbol.iterator]() {
      let current = from;
      events.push(`open ${from}..${to}`);
      return {
        next() {
          if (current > to) return { value: undefined, done: true };
          return { value: current++, done: false };
        },
        return(value) {
          events.push(`return at ${current}`);
          return { value, done: true };
        },
      };
    },
  };
}

class Countdown {
  constructor(start) {
    this.start = start;
  }
  [Symbol.iterator]() {
    let n = this.start;
    return { next: () => (n < 0 ? { done: true } : { value: n--, done: false }) };
  }
}

function handler(req) {
  events.length = 0;
  const looped = [];
  for (const n of range(1, 3)) looped.push(n);
  const broken = [];
  for (const n of range(1, 100)) {
    if (n === 3) break;
    broken.push(n);
  }
  const labelled = [];
  outer: for (const a of range(1, 2)) {
    for (const b of range(10, 20)) {
      labelled.push([a, b]);
      continue outer;
    }
  }
  let thrownOut;
  try {
    for (const n of range(1, 5)) {
      if (n === 2) throw new Error("stop at 2");
    }
  } catch (e) {
    thrownOut = e.message;
  }
  const returnedOut = (() => {
    for (const n of range(7, 9)) return n;
  })();
  const [first, second] = range(5, 50);
  const [only] = range(1, 1);
  const [head, ...tail] = range(1, 4);
  return {
    looped,
    broken,
    labelled,
    thrownOut,
    returnedOut,
    destructured: [first, second, only, head, tail],
    spread: [...range(1, 4), ...new Countdown(2)],
    arrayFrom: Array.from(new Countdown(3)),
    arrayFromMapped: Array.from(range(1, 3), (x, i) => x * 10 + i),
    math: Math.max(...range(4, 9)),
    set: [...new Set(range(1, 3))],
    map: [...new Map([...range(1, 2)].map((n) => [n, n * n]))],
    fromEntries: Object.fromEntries({
      *[Symbol.iterator]() {
        yield ["a", 1];
        yield ["b", 2];
      },
    }),
    events,
  };
}
