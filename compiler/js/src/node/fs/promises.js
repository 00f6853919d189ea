// `fs/promises`: `fs.promises` itself, as in Node (`require("fs/promises") === fs.promises`).
"use strict";

module.exports = require("fs").promises;
