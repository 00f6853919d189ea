// @request POST [1.234, 2.345, 3.456]
const { round, sum, PRECISION } = require("../_helpers/math-utils.js");
module.exports = (req) => ({ total: round(sum(req.body)), precision: PRECISION, rounded: req.body.map((v) => round(v, 1)) });
