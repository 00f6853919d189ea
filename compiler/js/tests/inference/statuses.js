// Several statuses, a helper that builds a response, and a conditional return.
const notFound = (id) => ({ status: 404, body: { error: "not_found", message: `No item ${id}` } });

export function GET(req) {
  const id = Number(req.path_params.id);
  if (Number.isNaN(id)) return { status: 400, body: { error: "bad_id", message: "id must be a number" } };
  return id > 10 ? notFound(id) : { body: { id, label: `item ${id}` } };
}

export function DELETE() {
  return { status: 204 };
}
