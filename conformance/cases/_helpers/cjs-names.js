// A CommonJS module imported by ES modules: Node finds `exports.x = …` names statically.
exports.greet = (name) => `hello ${name}`;
exports.count = 0;
exports.increment = function () {
  exports.count += 1;
  return exports.count;
};
