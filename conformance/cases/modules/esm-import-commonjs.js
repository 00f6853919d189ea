// An ES module importing a CommonJS module: the default import is `module.exports`, named
// imports are the `exports.x` names, read when the import is evaluated.
// @request GET
// @request GET
import lib, { greet, count, increment } from "../_helpers/cjs-names.js";
import * as ns from "../_helpers/cjs-names.js";

export const GET = () => {
  const next = increment();
  return {
    greeting: greet("esm"),
    next,
    namedCount: count,
    liveOnDefault: lib.count,
    namespaceKeys: Object.keys(ns),
    defaultIsExports: ns.default === lib,
    libKeys: Object.keys(lib),
  };
};
