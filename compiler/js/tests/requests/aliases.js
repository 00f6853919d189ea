// Inputs read directly and through local names: destructuring, a body alias, a nested pattern.
export function GET(req) {
  const { id } = req.path_params;
  const query = req.query_params;
  const { include } = query;
  return { body: { id, include, sort: req.query_params["sort"], q: query.q } };
}

export function POST({ body, path_params: { id } }) {
  const { title, tags = [] } = body ?? {};
  return { status: 201, body: { id, title, tags, note: body?.note } };
}
