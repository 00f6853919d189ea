// CommonJS requiring a Babel-compiled module, with the interop helper Babel emits.
// @request GET
"use strict";
function _interopRequireDefault(obj) {
  return obj && obj.__esModule ? obj : { default: obj };
}
const _lib = _interopRequireDefault(require("../_helpers/babel-lib.js"));
const _plain = _interopRequireDefault(require("../_helpers/math-utils.js"));
module.exports = () => ({
  slug: (0, _lib.default)("Made By Babel"),
  separator: _lib.SEPARATOR,
  plainWrapped: typeof _plain.default.round,
  keys: Object.keys(_lib),
});
