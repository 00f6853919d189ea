// @request GET ?page=2&per_page=3
// @request GET ?page=-1&per_page=1000
// @request GET ?page=x
const ITEMS = Array.from({ length: 10 }, (_, i) => ({ id: i + 1, name: `item${i + 1}` }));
export default function (req) {
  const page = Math.max(1, parseInt(req.query_params.page, 10) || 1);
  const perPage = Math.min(5, Math.max(1, Number(req.query_params.per_page) || 2));
  const start = (page - 1) * perPage;
  return { page, perPage, items: ITEMS.slice(start, start + perPage), total: ITEMS.length, pages: Math.ceil(ITEMS.length / perPage) };
}
