// `this` at the top level of an ES module is undefined (and in a top-level arrow).
// @request GET
const self = this;
const arrow = () => this;

export default function handler() {
  return { self: typeof self, arrow: typeof arrow(), isUndefined: self === undefined };
}
