// A CommonJS object export with a `handler` method next to plain data.
module.exports = {
  name: "object export",
  handler(req) {
    return { shape: module.exports.name, method: req.method };
  },
};
