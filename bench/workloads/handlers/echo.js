// Echoes the request body back, with a little about how it arrived.
module.exports = function echo(req) {
  const { body, headers } = req;
  const kind = Array.isArray(body) ? "array" : body === null ? "null" : typeof body;

  return {
    status: 200,
    headers: { "x-echo-kind": kind },
    body: {
      received: body ?? null,
      kind,
      contentType: headers["content-type"] ?? null,
    },
  };
};
