// Annex B's escape/unescape, which old packages still call (uuid encodes v3/v5 names with them).
// @request GET
// @request GET ?s=caf%C3%A9%20%F0%9F%98%80
module.exports = (req) => {
  const input = req.query_params.s ?? "a b+c/d@e*f_g-h.i~j'k(l)m!n";
  const samples = [input, "é€😀", "%", "%4", "%u12", "%zz%41%u0041%U0041", "", "\u0000\u00ff\u0100"];
  return {
    escaped: samples.map((s) => escape(s)),
    round: samples.map((s) => unescape(escape(s)) === s),
    unescaped: ["%41%u00e9%uD83D%uDE00", "%", "%%41", "%u00", "%E9t%E9", "100%"].map((s) => unescape(s)),
    coerced: [escape(12.5), unescape(null), escape(undefined), escape(true)],
  };
};
