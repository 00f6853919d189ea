// @request GET ?kind=string
// @request GET ?kind=empty-string
// @request GET ?kind=number
// @request GET ?kind=zero
// @request GET ?kind=boolean
// @request GET ?kind=null
// @request GET ?kind=array
// @request GET ?kind=object
// @request GET ?kind=undefined
// @request GET ?kind=nan
module.exports = (req) => {
  const bodies = { string: "text", "empty-string": "", number: 3.14, zero: 0, boolean: false, null: null, array: [1, "a", null], object: { a: { b: [] } }, undefined: undefined, nan: NaN };
  return { status: 200, body: bodies[req.query_params.kind] };
};
