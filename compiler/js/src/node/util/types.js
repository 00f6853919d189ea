// `util/types`: the `util.types` object.
"use strict";

module.exports = require("util").types;
