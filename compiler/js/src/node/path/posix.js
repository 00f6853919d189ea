// `path/posix`: the POSIX `path`, which is `path` itself here.
"use strict";

module.exports = require("path").posix;
