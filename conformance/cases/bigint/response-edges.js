// A BigInt in a response: as a header value it goes through String(); in a JSON body the
// harness's JSON.stringify throws, which is the handler's 500 (deliberate 500 on the second request).
// @request GET ?as=header
// @request GET ?as=body
exports.handler = (req) => {
  if (req.query_params.as === "header") {
    return { status: 200, headers: { "x-count": 12345678901234567890n }, body: `${2n ** 70n}` };
  }
  return { status: 200, body: { count: 1n } };
};
