module.exports = function (req) {
  return { shape: "module.exports = function", path: req.path };
};
