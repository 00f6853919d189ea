// @request GET ?n=42
// @request GET ?n=3.50
// @request GET ?n=abc
// @request GET ?n=
// @request GET
exports.handler = (req) => {
  const raw = req.query_params.n;
  const n = Number(raw);
  return { raw: raw ?? null, n: String(n), plus: +raw, parsed: parseFloat(raw), ok: Number.isFinite(n), doubled: n * 2 };
};
