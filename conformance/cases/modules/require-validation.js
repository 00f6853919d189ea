// @request POST {"name": "Ada", "age": 36}
// @request POST {"name": 5}
// @request POST text:plain
const { validate, ValidationError } = require("../_helpers/validate.js");
module.exports = (req) => {
  try {
    const user = validate(req.body, { name: "string", age: "number" });
    return { status: 201, body: user };
  } catch (e) {
    if (e instanceof ValidationError) return { status: 422, body: { error: e.message, details: e.errors } };
    throw e;
  }
};
