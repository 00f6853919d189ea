// Throwing a non-Error value (deliberate 500).
// @request GET ?kind=string
// @request GET ?kind=number
// @request GET ?kind=object
// @request GET ?kind=null
// @request GET ?kind=undefined
// @request GET ?kind=array
export default function (req) {
  switch (req.query_params.kind) {
    case "string": throw "plain string";
    case "number": throw 404;
    case "object": throw { code: 1 };
    case "null": throw null;
    case "undefined": throw undefined;
    case "array": throw [1, 2];
  }
  return "unreachable";
}
