// @request GET ?q=a%20b&plus=a+b&emoji=%F0%9F%98%80&amp=x%26y&eq=a%3Db
// @request GET ?q=first&q=second&q=last
// @request GET ?flag&empty=&q=
// @request GET
function handler(req) {
  const q = req.query_params;
  return { q: q.q, plus: q.plus, emoji: q.emoji, amp: q.amp, eq: q.eq, flag: q.flag, empty: q.empty, missing: q.missing, keys: Object.keys(q), typeofMissing: typeof q.missing };
}
