// @route /{id}
// @request GET /1
// @request GET /99
// @request GET /abc
class HttpError extends Error {
  constructor(status, message) {
    super(message);
    this.name = "HttpError";
    this.status = status;
  }
}
const users = { 1: { id: 1, name: "Ada" } };
function find(id) {
  if (!/^\d+$/.test(id)) throw new HttpError(400, `bad id: ${id}`);
  const user = users[id];
  if (!user) throw new HttpError(404, `no user ${id}`);
  return user;
}
module.exports = (req) => {
  try {
    return find(req.path_params.id);
  } catch (e) {
    if (e instanceof HttpError) return { status: e.status, body: { error: e.message } };
    throw e;
  }
};
