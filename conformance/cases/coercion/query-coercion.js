// Query values are strings; developers coerce them in the usual ways.
// @request GET ?page=2&limit=10&flag=true&empty=
// @request GET ?page=abc&flag=0
module.exports = (req) => {
  const q = req.query_params;
  const page = parseInt(q.page, 10) || 1;
  const limit = Number(q.limit ?? 20);
  return { page, limit, offset: (page - 1) * limit, flag: q.flag === "true", flagBool: Boolean(q.flag), empty: q.empty, emptyNum: Number(q.empty), hasEmpty: "empty" in q, concat: q.page + q.limit };
};
