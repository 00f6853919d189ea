const helper = (n) => n * 2;
exports.helper = helper;
exports.handler = function handler(req) {
  return { shape: "exports.handler", value: helper(21) };
};
