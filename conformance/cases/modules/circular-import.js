// ES module cycles as Node evaluates them: live bindings, V8's ReferenceError for a binding
// read before its module ran, hoisted function declarations usable across the cycle.
import { log } from "./_cycle-esm-log.js";
import { x, counter, afterInit, tdzSeen, hoisted } from "./_cycle-esm-a.js";
import { readX, b, reexportedX } from "./_cycle-esm-b.js";
import * as a from "./_cycle-esm-a.js";

export default function () {
  return { log, x, counter, afterInit, tdzSeen, hoisted: hoisted(), readX: readX(), b, reexportedX, keys: Object.keys(a) };
}
