// @request GET ?kind=csv
// @request GET ?kind=html
// @request GET ?kind=json-string
// @request GET ?kind=xml-object
function handler(req) {
  switch (req.query_params.kind) {
    case "csv": return { headers: { "Content-Type": "text/csv" }, body: "a,b\n1,2\n" };
    case "html": return { headers: { "content-type": "text/html" }, body: "<h1>hi</h1>" };
    case "json-string": return { headers: { "content-type": "application/json" }, body: '{"prebuilt":true}' };
    default: return { headers: { "content-type": "application/xml" }, body: { serialized: "as JSON anyway" } };
  }
}
