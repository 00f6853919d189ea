// Numbers parsed from parameters and checked: the document gets patterns of accepted texts.
export function GET(req) {
  const id = parseInt(req.path_params.id, 10);
  if (Number.isNaN(id) || id < 1) return { status: 400, body: { error: "bad_id", message: "id must be a positive integer" } };
  const limit = Number(req.query_params.limit ?? "20");
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
    return { status: 400, body: { error: "bad_limit", message: "limit must be 1-100" } };
  }
  const offset = +(req.query_params.offset ?? 0);
  if (!Number.isInteger(offset) || offset < 0) return { status: 400, body: { error: "bad_offset", message: "offset" } };
  const page = parseInt(req.query_params.page);
  if (page > 50) return { status: 400, body: { error: "bad_page", message: "page at most 50 (or not a number)" } };
  return { body: { id, limit, offset, page } };
}

// Body numbers: types and ranges of JSON values.
export function POST(req) {
  const { quantity, price, rating } = req.body ?? {};
  if (!Number.isInteger(quantity) || quantity < 1) return { status: 422, body: { error: "quantity" } };
  if (typeof price !== "number" || price < 0) return { status: 422, body: { error: "price" } };
  if (rating !== undefined && (typeof rating !== "number" || rating > 5)) return { status: 422, body: { error: "rating" } };
  return { status: 201, body: { quantity, price } };
}
