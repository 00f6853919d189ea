// @request POST json:{"a": 1, "b": 2, "a": 3}
// @request POST json:{"x": {"y": 1}, "x": {"z": 2}}
module.exports = (req) => ({ received: req.body, keys: Object.keys(req.body) });
