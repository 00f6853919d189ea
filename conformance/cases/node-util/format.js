// `util.format`: every directive, `%%`, directives without arguments, extra arguments
// appended (strings raw, other values inspected), and a first argument that is not a string.
const util = require("util");

module.exports = function handler() {
  return [
    util.format("%s has %d items costing %f", "cart", "3", "9.5"),
    util.format("%i|%i|%i", 42.9, "17px", "x"),
    util.format("%d|%d|%d", "", null, -0),
    util.format("%j", { a: [1, "two"] }),
    util.format("%j", undefined),
    util.format("100%% sure, %s", "yes"),
    util.format("%s %s", "only one"),
    util.format("%x %s", "a"),
    util.format("%c styled", "color: red"),
    util.format("a", "b", 3, true, null, undefined),
    util.format(1, 2, "three"),
    util.format({ a: 1 }, [1, 2], "s"),
    util.format("%s", { nested: { deep: { deeper: 1 } } }),
    util.format("%s|%s|%s", [1, [2, [3]]], 5, undefined),
    util.format("%O", { a: { b: { c: { d: 1 } } } }),
    util.format("%s", "x", "extra", { k: "v" }),
    util.format("no directives"),
    util.format("%"),
    util.format("trailing %", 1),
    util.format(),
  ];
};
