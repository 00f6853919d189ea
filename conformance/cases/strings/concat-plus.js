module.exports = () => ({
  concat: "a".concat("b", 1, null, undefined, [2, 3], {}),
  plus: "x" + 1 + 2,
  plusFirst: 1 + 2 + "x",
  array: "v" + [1, 2],
  nested: "" + [[1, [2]], 3],
  bool: "is " + true,
  template: `${1 + 1}${"a"}${null}${undefined}${[4, 5]}${{}}`,
});
