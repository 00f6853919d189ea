const compute = (q) => (q ?? "none").split("").reverse().join("");
// @request GET ?s=stressed
export default async (req) => ({ reversed: compute(req.query_params.s) });
