// @request POST
// @request GET
// @request POST text:x
export default function (req) {
  return { isUndefined: req.body === undefined, type: typeof req.body, defaulted: req.body ?? "no body" };
}
