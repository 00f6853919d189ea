// yield* over generators, arrays, strings, Maps and user iterables; its result value.
function* inner() {
  const got = yield "i1";
  yield `inner got ${got}`;
  return "inner result";
}

function* outer() {
  const result = yield* inner();
  yield `outer saw ${result}`;
  yield* [10, 20];
  yield* "hé";
  yield* new Map([["k", "v"]]);
  yield* { [Symbol.iterator]: () => [7, 8][Symbol.iterator]() };
}

function* tree(node) {
  if (!node) return;
  yield* tree(node.left);
  yield node.value;
  yield* tree(node.right);
}

function attempt(f) {
  try {
    return f();
  } catch (e) {
    return `${e.name}: ${e.message}`;
  }
}

exports.handler = (req) => {
  const o = outer();
  const first = [o.next(), o.next("sent through")];
  const root = {
    value: 4,
    left: { value: 2, left: { value: 1 }, right: { value: 3 } },
    right: { value: 6, left: { value: 5 } },
  };
  function* delegatesReturn() {
    try {
      yield* inner();
    } finally {
      yield "outer finally";
    }
  }
  const d = delegatesReturn();
  const returning = [d.next(), d.return("stop"), d.next()];
  function* delegatesThrow() {
    yield* { [Symbol.iterator]() { return { next() { return { value: "x", done: false }; } }; } };
  }
  const t = delegatesThrow();
  t.next();
  return {
    first,
    rest: [...o],
    inOrder: [...tree(root)],
    returning,
    throwWithoutMethod: attempt(() => t.throw(new Error("e"))),
    notIterable: attempt(() => (function* () { yield* 5; })().next()),
    notIterableObject: attempt(() => (function* () { yield* {}; })().next()),
  };
};
