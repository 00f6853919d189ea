// Values returned directly (not a {status, headers, body} object) are the body of a 200.
// @request GET ?kind=string
// @request GET ?kind=number
// @request GET ?kind=array
// @request GET ?kind=null
// @request GET ?kind=undefined
// @request GET ?kind=true
// @request GET ?kind=plain-object
// @request GET ?kind=class-instance
// @request GET ?kind=map
// @request GET ?kind=date
class Box { constructor() { this.status = 201; this.body = "boxed"; } }
export default function (req) {
  switch (req.query_params.kind) {
    case "string": return "plain text";
    case "number": return 42;
    case "array": return [1, 2, 3];
    case "null": return null;
    case "undefined": return undefined;
    case "true": return true;
    case "plain-object": return { message: "no status/headers/body keys" };
    case "class-instance": return new Box();
    case "map": return new Map([["a", 1]]);
    case "date": return new Date(0);
  }
}
