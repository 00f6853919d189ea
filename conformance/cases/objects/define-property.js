// Property descriptors in strict code, in the shape Babel and TypeScript compile CommonJS to:
// hidden, read-only and non-configurable properties, getters and setters, descriptors of
// every kind of value, and V8's errors.
// @request GET
"use strict";

Object.defineProperty(exports, "__esModule", { value: true });
exports.default = handler;

function attempt(run) {
  try {
    return run();
  } catch (error) {
    return `${error.name}: ${error.message}`;
  }
}

function handler() {
  const moduleShape = {
    keys: Object.keys(exports),
    flag: exports.__esModule,
    has: "__esModule" in exports,
    json: JSON.stringify(exports),
  };

  const hidden = { visible: 1 };
  Object.defineProperty(hidden, "secret", { value: 42 });
  const copy = { ...hidden };
  const assigned = Object.assign({}, hidden);
  const forIn = [];
  for (const key in hidden) forIn.push(key);
  const hiddenShape = {
    keys: Object.keys(hidden),
    secret: hidden.secret,
    json: JSON.stringify(hidden),
    inOperator: "secret" in hidden,
    own: hidden.hasOwnProperty("secret"),
    copy,
    assigned,
    forIn,
    names: Object.getOwnPropertyNames(hidden),
    writeReadOnly: attempt(() => {
      hidden.secret = 1;
      return hidden.secret;
    }),
    deleteFixed: attempt(() => delete hidden.secret),
    redefine: attempt(() => Object.defineProperty(hidden, "secret", { value: 7 })),
    redefineSame: attempt(() => Object.defineProperty(hidden, "secret", { value: 42 }).secret),
  };

  const person = { first: "Ada", last: "Lovelace" };
  let writes = 0;
  Object.defineProperty(person, "full", {
    enumerable: true,
    configurable: true,
    get() {
      return `${this.first} ${this.last}`;
    },
    set(value) {
      writes += 1;
      [this.first, this.last] = value.split(" ");
    },
  });
  person.full = "Grace Hopper";
  const getterOnly = Object.defineProperty({}, "now", { get: () => 5 });
  const accessors = {
    full: person.full,
    writes,
    json: JSON.stringify(person),
    entries: Object.entries(person),
    spread: { ...person },
    descriptor: Object.getOwnPropertyDescriptor(person, "full"),
    getterOnlyWrite: attempt(() => {
      getterOnly.now = 1;
    }),
    getterOnlyKeys: Object.keys(getterOnly),
    redefinedAsData: Object.defineProperty(person, "full", { value: "plain" }).full,
    afterRedefine: Object.getOwnPropertyDescriptor(person, "full"),
  };

  const frozen = Object.freeze({ a: 1 });
  const descriptors = {
    data: Object.getOwnPropertyDescriptor({ a: 1 }, "a"),
    missing: Object.getOwnPropertyDescriptor({}, "a"),
    frozen: Object.getOwnPropertyDescriptor(frozen, "a"),
    arrayIndex: Object.getOwnPropertyDescriptor([5, 6], "1"),
    arrayLength: Object.getOwnPropertyDescriptor([5, 6], "length"),
    stringIndex: Object.getOwnPropertyDescriptor("hi", 0),
    all: Object.getOwnPropertyDescriptors(hidden),
    namesOfArray: Object.getOwnPropertyNames(["x", "y"]),
    namesOfString: Object.getOwnPropertyNames("ab"),
    namesOfError: Object.getOwnPropertyNames(new Error("boom")),
  };

  const many = Object.defineProperties(
    {},
    {
      a: { value: 1, enumerable: true },
      b: { value: 2, writable: true },
      c: { get: () => 3, enumerable: true },
    },
  );
  many.b = 20;
  const defined = { keys: Object.keys(many), json: JSON.stringify(many), b: many.b, c: many.c };

  const errors = [
    attempt(() => Object.defineProperty(1, "x", { value: 1 })),
    attempt(() => Object.defineProperty({}, "x", 1)),
    attempt(() => Object.defineProperty({}, "x", { get: () => 1, value: 2 })),
    attempt(() => Object.defineProperty({}, "x", { get: 1 })),
    attempt(() => Object.defineProperty(Object.preventExtensions({}), "x", { value: 1 })),
    attempt(() => Object.getOwnPropertyDescriptor(null, "x")),
    attempt(() => Object.defineProperties({}, { x: 5 })),
  ];

  const base = {
    greet() {
      return `hello ${this.name}`;
    },
  };
  const child = { name: "child" };
  const returned = Object.setPrototypeOf(child, base);
  const bare = Object.setPrototypeOf({ k: 1 }, null);
  const prototypes = {
    same: returned === child,
    greet: child.greet(),
    proto: Object.getPrototypeOf(child) === base,
    bareToString: typeof bare.toString,
    barePrototype: Object.getPrototypeOf(bare),
    cyclic: attempt(() => Object.setPrototypeOf(base, child)),
    badPrototype: attempt(() => Object.setPrototypeOf({}, 1)),
    primitive: Object.setPrototypeOf(5, base),
  };

  return { moduleShape, hiddenShape, accessors, descriptors, defined, errors, prototypes };
}
