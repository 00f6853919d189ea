// An ES module importing CommonJS modules that require each other: Node links the CommonJS cycle
// first (partially filled exports inside it), then the import sees the finished exports.
import a, { loaded, sawB } from "./_cycle-cjs-a.js";
import b from "./_cycle-cjs-b.js";
import * as c from "./_cycle-cjs-c.js";

export function GET() {
  return { loaded, sawB, aKeys: Object.keys(a), bSawA: b.sawA, later: b.later(), cDefault: c.default, cNames: Object.keys(c) };
}
