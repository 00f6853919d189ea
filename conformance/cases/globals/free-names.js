// Free names are properties of the global object (CommonJS, sloppy): a name stored through
// `globalThis` reads back bare, `typeof` of a missing one is "undefined" without a throw, an
// assignment to an undeclared name creates a global, `delete` removes it and a later read is
// V8's ReferenceError; strict functions refuse to create one. State lasts across requests.
// @request GET
// @request GET
const before = typeof freeCounter;
let missing;
try {
  freeCounter;
} catch (error) {
  missing = `${error.name}: ${error.message}`;
}
globalThis.freeCounter = 1;
const afterStore = [typeof freeCounter, freeCounter];

function bump() {
  freeCounter += 1;
  return freeCounter;
}

module.exports = function handler() {
  const out = { before, missing, afterStore, bumped: bump() };

  implicitTotal = (typeof implicitTotal === "number" ? implicitTotal : 0) + 10;
  out.implicit = [
    implicitTotal,
    globalThis.implicitTotal,
    Object.getOwnPropertyDescriptor(globalThis, "implicitTotal"),
    Object.keys(globalThis).includes("implicitTotal"),
  ];

  globalThis.temporaryFlag = "set";
  out.deleteMember = [temporaryFlag, delete globalThis.temporaryFlag, typeof temporaryFlag];
  try {
    out.deletedRead = temporaryFlag;
  } catch (error) {
    out.deletedRead = `${error.name}: ${error.message}`;
  }

  global.otherFlag = 1;
  out.deleteName = [delete otherFlag, "otherFlag" in globalThis, delete neverThere];
  const local = 1;
  out.deleteLocal = delete local;

  globalThis.greetFromGlobal = (name) => `hi ${name}`;
  out.call = [greetFromGlobal("x"), typeof greetFromGlobal];

  freeHits = 0;
  out.update = [freeHits++, ++freeHits, (freeHits *= 10), (freeHits ||= 5), freeHits];

  out.shorthand = { freeCounter };
  out.closure = [1, 2].map((n) => n + freeCounter);

  out.strictWrite = (function () {
    "use strict";
    try {
      neverDeclaredStrict = 1;
      return "no error";
    } catch (error) {
      return `${error.name}: ${error.message}`;
    }
  })();
  out.strictExisting = (function () {
    "use strict";
    freeHits = 99;
    return freeHits;
  })();

  out.typeofMissing = [typeof neverStoredAnywhere, typeof neverStoredAnywhere === "undefined"];

  Object.defineProperty(globalThis, "definedConstant", { value: 42, writable: false, configurable: true });
  out.defined = definedConstant;
  definedConstant = 7;
  out.definedAfter = definedConstant;
  return out;
};
