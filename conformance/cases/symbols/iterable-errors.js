// V8's errors for values that are not iterable and iterators that break the protocol.
function attempt(f) {
  try {
    return f();
  } catch (e) {
    return `${e.name}: ${e.message}`;
  }
}

const noObject = { [Symbol.iterator]() { return 1; } };
const noNext = { [Symbol.iterator]() { return {}; } };
const badResult = { [Symbol.iterator]() { return { next() { return 1; } }; } };
const notCallable = { [Symbol.iterator]: 1 };
const throwingNext = {
  [Symbol.iterator]() {
    return { next() { throw new RangeError("next failed"); } };
  },
};
const badReturn = {
  [Symbol.iterator]() {
    return { next: () => ({ value: 1, done: false }), return: () => 5 };
  },
};
const throwingReturn = {
  [Symbol.iterator]() {
    return {
      next: () => ({ value: 1, done: false }),
      return() {
        throw new Error("return failed");
      },
    };
  },
};

export async function GET(req) {
  return [
    attempt(() => [...noObject]),
    attempt(() => {
      for (const x of noNext);
    }),
    attempt(() => [...badResult]),
    attempt(() => new Set(notCallable)),
    attempt(() => new Map(5)),
    attempt(() => Array.from(throwingNext)),
    attempt(() => {
      for (const x of badReturn) break;
    }),
    attempt(() => {
      const [x] = badReturn;
      return x;
    }),
    attempt(() => {
      for (const x of throwingReturn) break;
    }),
    attempt(() => {
      for (const x of throwingReturn) throw new Error("body wins");
    }),
    attempt(() => {
      const [x] = throwingReturn;
    }),
    await Promise.all(noObject).catch((e) => `rejected ${e.name}: ${e.message}`),
    await Promise.all(5).catch((e) => `rejected ${e.name}: ${e.message}`),
    attempt(() => {
      const [a] = notCallable;
    }),
    attempt(() => Array.from({ length: 2, 0: "a", 1: "b" })),
    attempt(() => {
      const plain = { a: 1 };
      for (const x of plain);
    }),
    attempt(() => {
      const holder = { inner: {} };
      for (const x of holder.inner);
    }),
    attempt(() => {
      const makePlain = () => ({});
      for (const x of makePlain());
    }),
    attempt(() => {
      for (const x of 5);
    }),
  ];
}
