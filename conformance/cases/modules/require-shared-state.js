// @request GET
// @request GET
// @request GET
const counter = require("../_helpers/counter.js");
exports.handler = () => ({ next: counter.next(), peek: counter.peek() });
