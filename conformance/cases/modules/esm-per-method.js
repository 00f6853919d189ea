// One file serves several methods through per-method exports.
// @request GET
// @request POST {"name": "widget"}
// @request PUT {"name": "gadget"}
// @request DELETE
const items = [];
export function GET(req) {
  return { items, count: items.length };
}
export function POST(req) {
  items.push(req.body.name);
  return { status: 201, body: { created: req.body.name, method: req.method } };
}
export async function PUT(req) {
  items[0] = req.body.name;
  return { replaced: items[0] };
}
export const DELETE = () => {
  items.length = 0;
  return { status: 204 };
};
