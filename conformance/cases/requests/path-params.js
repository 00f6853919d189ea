// @route /{id}
// @request GET /42
// @request GET /hello%20world
// @request GET /caf%C3%A9
// @request GET /007
export default function (req) {
  const { id } = req.path_params;
  return { id, asNumber: Number(id), isNumeric: /^\d+$/.test(id), path: req.path, keys: Object.keys(req.path_params) };
}
