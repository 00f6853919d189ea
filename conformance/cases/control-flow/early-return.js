// @request POST {"age": 20, "name": "Ada"}
// @request POST {"age": 15, "name": "Kid"}
// @request POST {"name": "NoAge"}
// @request POST text:not json
function handler(req) {
  const body = req.body;
  if (typeof body !== "object") return { status: 415, body: { error: "expected JSON" } };
  if (body.age === undefined) return { status: 400, body: { error: "age required" } };
  for (const banned of ["Eve"]) { if (body.name === banned) return { status: 403 }; }
  if (body.age < 18) {
    return { allowed: false, name: body.name };
  }
  return { allowed: true, name: body.name };
}
