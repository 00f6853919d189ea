// @request GET ?n=-5
// @request GET ?n=0
// @request GET ?n=7
// @request GET ?n=100
// @request GET
function handler(req) {
  const raw = req.query_params.n;
  let kind;
  if (raw === undefined) kind = "missing";
  else if (Number(raw) < 0) kind = "negative";
  else if (Number(raw) === 0) {
    kind = "zero";
  } else if (Number(raw) < 10) {
    kind = "small";
  } else {
    kind = "large";
  }
  if (!raw) return { kind, falsy: true };
  return { kind };
}
