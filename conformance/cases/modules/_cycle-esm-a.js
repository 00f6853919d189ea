// One half of an ES module cycle: b is evaluated first, while a's bindings are uninitialised.
import { log } from "./_cycle-esm-log.js";
import { b, readX, tdzSeen } from "./_cycle-esm-b.js";

log.push(`a evaluates, b = ${b}`);
export const x = "x of a";
export let counter = 0;
export function hoisted() {
  return "hoisted from a";
}
export class Model {
  static kind() {
    return "model";
  }
}
counter += 1;
export const afterInit = readX();
export { tdzSeen };
log.push("a done");
