exports.handler = () => {
  const errors = [new Error("plain"), new TypeError("type"), new RangeError("range"), new SyntaxError("syntax"), new ReferenceError("ref"), new EvalError("eval-ish"), new URIError("uri"), new Error(), new Error(undefined), new Error(42)];
  return errors.map((e) => ({ name: e.name, message: e.message, string: String(e), stackType: typeof e.stack, isError: e instanceof Error, json: JSON.stringify(e), keys: Object.keys(e) }));
};
