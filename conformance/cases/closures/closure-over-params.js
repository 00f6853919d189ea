// @request GET ?name=first
// @request GET ?name=second
// @request GET ?name=third
const seen = [];
const remember = (name) => () => { seen.push(name); return seen.length; };
export default function (req) {
  const record = remember(req.query_params.name);
  const n = record();
  return { n, seen };
}
