// Defaults: `??` replaces a missing input, `||` any falsy one; whether absence is accepted is
// decided by checking the default.
export function GET(req) {
  const page = parseInt(req.query_params.page ?? "1", 10);
  if (isNaN(page) || page < 1) return { status: 400, body: { error: "page" } };
  const size = Number(req.query_params.size ?? "0");
  if (size < 1) return { status: 400, body: { error: "size" } };
  const { sort = "name" } = req.query_params;
  if (!["name", "date"].includes(sort)) return { status: 400, body: { error: "sort" } };
  const mode = req.query_params.mode || "fast";
  if (mode !== "fast" && mode !== "slow") return { status: 400, body: { error: "mode" } };
  return { body: { page, size, sort, mode } };
}
