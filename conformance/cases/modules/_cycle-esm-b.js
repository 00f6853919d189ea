// The other half: reads of a's bindings before a ran are ReferenceErrors, but a's function
// declarations are hoisted and callable.
import { log } from "./_cycle-esm-log.js";
import { x, hoisted, counter, Model } from "./_cycle-esm-a.js";
import * as a from "./_cycle-esm-a.js";
export { x as reexportedX } from "./_cycle-esm-a.js";

log.push("b evaluates");
const attempt = (f) => {
  try {
    return f();
  } catch (e) {
    return `${e.name}: ${e.message}`;
  }
};
export const tdzSeen = [attempt(() => x), attempt(() => counter), attempt(() => Model), attempt(() => hoisted()), typeof a, typeof hoisted, attempt(() => a.x), attempt(() => a.hoisted())];
export const b = "b";
export function readX() {
  return `${x} / ${counter} / ${Model.kind()}`;
}
