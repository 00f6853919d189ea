// The `lodash` package (4.18.1): its main file (one 17,000-line UMD module) and the common
// collection, object and string helpers.
// @request GET
const _ = require("lodash");

module.exports = function handler() {
  const users = [{ name: "ada", age: 36, team: "a" }, { name: "bob", age: 25, team: "b" }, { name: "cy", age: 36, team: "a" }];
  return {
    chunk: _.chunk([1, 2, 3, 4, 5], 2),
    groupBy: _.groupBy(users, "team"),
    sortBy: _.sortBy(users, ["age", "name"]).map((user) => user.name),
    uniqBy: _.uniqBy(users, "age").length,
    pick: _.pick(users[0], ["name", "age"]),
    omit: _.omit(users[0], "team"),
    get: [_.get({ a: { b: [{ c: 3 }] } }, "a.b[0].c"), _.get({}, "x.y", "default")],
    set: _.set({}, "a.b.c", 1),
    merge: _.merge({ a: { b: 1 } }, { a: { c: 2 } }),
    cloneDeep: _.cloneDeep({ a: [1, { b: 2 }] }),
    isEqual: [_.isEqual({ a: [1, 2] }, { a: [1, 2] }), _.isEqual([1], ["1"])],
    strings: [_.camelCase("Foo Bar_baz"), _.kebabCase("fooBar baz"), _.snakeCase("Foo bar"), _.startCase("hello-world"), _.capitalize("HELLO"), _.truncate("a long sentence here", { length: 10 }), _.escape("<a & b>"), _.padStart("5", 3, "0")],
    numbers: [_.sum([1, 2, 3]), _.meanBy(users, "age"), _.clamp(15, 0, 10), _.range(0, 10, 3), _.round(1.005, 2)],
    flatten: [_.flattenDeep([1, [2, [3, [4]]]]), _.zip(["a", "b"], [1, 2])],
    debounced: typeof _.debounce(() => {}, 10),
    version: _.VERSION,
  };
};
