// @request POST json:{"n": 1e400, "m": -1e400, "small": 1e-400, "big": 12345678901234567890, "exp": 1.5e3, "neg0": -0, "dup": 1, "dup": 2}
exports.handler = (req) => {
  const b = req.body;
  return { received: b, stringified: JSON.stringify(b), isInf: b.n === Infinity, neg0: Object.is(b.neg0, -0), keys: Object.keys(b) };
};
