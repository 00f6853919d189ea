// A status computed at run time and a value that might itself be a response: inference says
// it does not know rather than guessing.
module.exports = function handler(req) {
  const status = req.body?.ok ? 200 : 500;
  if (req.query_params.raw) return req.body;
  return { status, body: { ok: status === 200 } };
};
