// `assert/strict`: Node's `assert.strict`, the module whose `equal` is `strictEqual`.
"use strict";

module.exports = require("assert").strict;
