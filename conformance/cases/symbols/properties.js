// Symbol keys with attributes: defineProperty, getters and setters, frozen objects, strict
// writes, Symbol.hasInstance, and symbols on arrays and functions.
"use strict";
const id = Symbol("id");
const counter = Symbol("counter");

function attempt(f) {
  try {
    return f();
  } catch (e) {
    return `${e.name}: ${e.message}`;
  }
}

class Even {
  static [Symbol.hasInstance](n) {
    return n % 2 === 0;
  }
}

function handler(req) {
  const o = {};
  Object.defineProperty(o, id, { value: 7 });
  let hits = 0;
  const withAccessor = {
    get [counter]() {
      hits += 1;
      return hits;
    },
    set [counter](v) {
      hits = v;
    },
  };
  withAccessor[counter] = 10;
  const frozen = Object.freeze({ [id]: 1 });
  const sealed = Object.seal({});
  const list = [1, 2];
  list[id] = "on array";
  function fn() {}
  fn[id] = "on function";
  return {
    defined: [o[id], Object.getOwnPropertySymbols(o).length, JSON.stringify(Object.keys(o))],
    notWritable: attempt(() => {
      o[id] = 8;
      return o[id];
    }),
    redefine: attempt(() => Object.defineProperty(o, id, { value: 9 })),
    accessor: [withAccessor[counter], withAccessor[counter], hits],
    frozenWrite: attempt(() => {
      frozen[id] = 2;
    }),
    frozenAdd: attempt(() => {
      frozen[Symbol("new")] = 2;
    }),
    sealedAdd: attempt(() => {
      sealed[id] = 1;
    }),
    frozenDelete: attempt(() => delete frozen[id]),
    hasInstance: [4 instanceof Even, 3 instanceof Even],
    onArray: [list[id], list.length, JSON.stringify(list), Object.getOwnPropertySymbols(list).length],
    onFunction: [fn[id], Object.getOwnPropertySymbols(fn).map(String)],
    readNull: attempt(() => null[id]),
    writeUndefined: attempt(() => {
      undefined[id] = 1;
    }),
    callMissing: attempt(() => o[Symbol.iterator]()),
    symbolsOfNull: attempt(() => Object.getOwnPropertySymbols(null)),
    descriptors: [
      Object.getOwnPropertyDescriptor(o, id),
      Object.getOwnPropertyDescriptor({ [id]: 1 }, id),
      Object.getOwnPropertyDescriptor(o, Symbol("other")),
      Object.keys(Object.getOwnPropertyDescriptor(withAccessor, counter)),
    ],
    fromEntries: (() => {
      const made = Object.fromEntries([[id, "by symbol"], ["plain", 1]]);
      return [made[id], Object.keys(made), Object.getOwnPropertySymbols(made).length];
    })(),
    cloneSymbol: attempt(() => structuredClone(id)),
    cloneNested: attempt(() => structuredClone({ nested: [Symbol("deep")] })),
    cloneDropsSymbolKeys: Object.getOwnPropertySymbols(structuredClone({ [id]: 1, a: 2 })).length,
    copiedWithDescriptors: (() => {
      const source = { plain: 1, [id]: "sym" };
      Object.defineProperty(source, counter, { value: "hidden", enumerable: false });
      const copy = Object.defineProperties({}, Object.getOwnPropertyDescriptors(source));
      return [
        copy[id],
        copy[counter],
        Object.getOwnPropertySymbols(copy).map(String),
        Object.getOwnPropertyDescriptor(copy, counter).enumerable,
        Object.keys(Object.getOwnPropertyDescriptors(source)),
      ];
    })(),
    cloneGenerator: attempt(() => structuredClone((function* () {})())),
  };
}
