// Calling a missing method: the 500 carries Node's TypeError message (deliberate 500).
export default function (req) {
  const parts = req.query_params.parts;
  return parts.split(",");
}
