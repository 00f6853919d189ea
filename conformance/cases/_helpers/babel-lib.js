"use strict";
// What Babel makes of `export default function slugify(…)` and `export const SEPARATOR = "-"`.
Object.defineProperty(exports, "__esModule", { value: true });
exports.default = slugify;
exports.SEPARATOR = void 0;
const SEPARATOR = "-";
exports.SEPARATOR = SEPARATOR;
function slugify(text) {
  return text.toLowerCase().trim().split(/\s+/).join(SEPARATOR);
}
