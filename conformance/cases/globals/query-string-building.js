// @request GET ?q=caf%C3%A9%20au%20lait&tags=a%2Cb
exports.handler = (req) => {
  const params = { search: req.query_params.q, tags: req.query_params.tags, empty: "", special: "a+b=c&d" };
  const qs = Object.entries(params).map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join("&");
  const parsed = Object.fromEntries(qs.split("&").map((p) => p.split("=").map(decodeURIComponent)));
  return { qs, parsed, roundTrip: parsed.search === params.search };
};
