// @request POST json:{"inf": 1e400, "negInf": -1e400, "tiny": 1e-400, "big": 123456789012345678901234567890, "precise": 0.1, "exp": 2E3, "negZero": -0, "int": 9007199254740993}
function handler(req) {
  const b = req.body;
  return { echoed: b, isInfinity: b.inf === Infinity, tinyIsZero: b.tiny === 0, negZero: Object.is(b.negZero, -0), strings: Object.values(b).map(String) };
}
