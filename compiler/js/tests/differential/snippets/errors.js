// What a thrown error turns into, by request.
module.exports = async function errors(req) {
  const kind = req.query_params.kind;
  if (kind === "undefined-property") {
    const missing = undefined;
    return missing.field;
  }
  if (kind === "null-call") {
    return req.query_params.nothing.trim();
  }
  if (kind === "not-function") {
    const o = {};
    return o.notThere();
  }
  if (kind === "custom") throw new RangeError(`bad value ${kind}`);
  if (kind === "string") throw "just a string";
  if (kind === "object") throw { code: 42 };
  if (kind === "rejected") return await Promise.reject(new Error("rejected"));
  if (kind === "destructure") {
    const { a } = req.body;
    return a;
  }
  if (kind === "json") return JSON.parse("{oops}");
  if (kind === "status") return { status: 201, headers: { "x-n": 5, "x-b": true }, body: "created" };
  if (kind === "plain") return [1, 2];
  if (kind === "string-body") return "hello";
  if (kind === "number-body") return 42;
  if (kind === "nothing") return undefined;
  if (kind === "null-body") return { body: null, status: 204 };
  const value = await Promise.resolve(5);
  const all = await Promise.all([1, Promise.resolve(2), (async () => 3)()]);
  return { body: { value, all } };
};
