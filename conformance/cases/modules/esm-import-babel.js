// An ES module importing a Babel-compiled CommonJS module: Node's default import is the whole
// `module.exports` (it ignores `__esModule`), the named imports are its `exports.x` names.
// @request GET
import lib, { SEPARATOR } from "../_helpers/babel-lib.js";
import * as ns from "../_helpers/babel-lib.js";

export default function handler() {
  return {
    defaultIsExports: typeof lib,
    viaDefault: lib.default("Hello Big World"),
    separator: SEPARATOR,
    namespaceKeys: Object.keys(ns),
    flag: ns.__esModule,
    libKeys: Object.keys(lib),
  };
}
