module.exports = function (req) {
  class K {}
  return [
    typeof 1, typeof 1.5, typeof NaN, typeof "s", typeof true, typeof undefined,
    typeof null, typeof {}, typeof [], typeof function () {}, typeof (() => 1),
    typeof K, typeof new Date(0), typeof /x/, typeof new Map(),
    typeof undeclaredVariable, typeof Math, typeof JSON,
  ];
};
