// `new` of any constructor value: a class from another module, a function stored in a variable
// or an object property, a class returned by a call; and V8's message for a non-constructor.
// @request GET
const registry = require("../_helpers/esm-config.js");

function Point(x, y) {
  this.x = x;
  this.y = y;
}
const factories = { Point, list: { Map } };
const Alias = Point;
function pick(kind) {
  return kind === "point" ? Point : Error;
}

module.exports = () => {
  const results = [];
  results.push(new Alias(1, 2));
  results.push(new factories.Point(3, 4));
  results.push(new (pick("point"))(5, 6));
  results.push(new (pick("error"))("boom").message);
  results.push(new factories.list.Map([["k", 1]]).get("k"));
  try {
    new registry.default();
  } catch (error) {
    results.push(`${error.name}: ${error.message}`);
  }
  const arrow = () => 1;
  try {
    new arrow();
  } catch (error) {
    results.push(`${error.name}: ${error.message}`);
  }
  return results;
};
