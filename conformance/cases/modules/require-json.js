// `require` of a JSON file, with or without its extension: `JSON.parse` of the text (a
// `"__proto__"` key is an own property, a repeated key keeps its last value), one shared
// object for every require, as in Node.
// @request GET
// @request GET
const config = require("../_helpers/service-config.json");
const again = require("../_helpers/service-config");

module.exports = function handler() {
  config.limits.max += 1;
  return {
    config,
    same: config === again,
    keys: Object.keys(config),
    polluted: config.polluted,
    own: Object.prototype.hasOwnProperty.call(config, "__proto__"),
  };
};
