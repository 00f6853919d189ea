// CommonJS requiring ES modules: the namespace, with `__esModule: true` when there is a
// default export (Babel's interop flag).
// @request GET
const config = require("../_helpers/esm-config.js");
const plain = require("../_helpers/esm-no-default.js");

module.exports = function handler() {
  return {
    configKeys: Object.keys(config),
    esModule: config.__esModule,
    described: config.default(),
    limits: config.limits,
    plainKeys: Object.keys(plain),
    plainFlag: plain.__esModule,
    a: plain.a(),
    again: require("../_helpers/esm-no-default.js") === plain,
  };
};
