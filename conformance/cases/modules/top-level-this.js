// `this` at the top level of a CommonJS module is the `exports` object Node's wrapper passes
// (what UMD files hand to their factory: `}(this, function () {…})`), also from a top-level
// arrow; adding to it exports.
// @request GET
const self = this;
this.added = "through this";
const arrow = () => this;

(function (root, factory) {
  root.umd = factory();
})(this, function () {
  return { name: "umd" };
});

module.exports = function handler() {
  return {
    isExports: self === exports,
    isModuleExports: self === module.exports,
    keys: Object.keys(self),
    added: exports.added,
    umd: exports.umd,
    arrow: arrow() === self,
  };
};
