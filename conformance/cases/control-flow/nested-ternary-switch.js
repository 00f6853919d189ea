// @route /{code}
// @request GET /200
// @request GET /404
// @request GET /503
// @request GET /abc
export default function (req) {
  const code = Number(req.path_params.code);
  let family;
  switch (Math.floor(code / 100)) {
    case 2: family = "success"; break;
    case 4: family = "client error"; break;
    case 5: family = "server error"; break;
    default: family = Number.isNaN(code) ? "not a number" : "other";
  }
  return { code: Number.isNaN(code) ? null : code, family, retry: code >= 500 ? true : code >= 400 ? false : null };
}
