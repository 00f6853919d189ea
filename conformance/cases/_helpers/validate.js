class ValidationError extends Error {
  constructor(errors) {
    super(`${errors.length} validation error(s)`);
    this.name = "ValidationError";
    this.errors = errors;
  }
}
function validate(body, schema) {
  const errors = [];
  for (const [field, type] of Object.entries(schema)) {
    if (body == null || body[field] === undefined) errors.push(`${field} is required`);
    else if (typeof body[field] !== type) errors.push(`${field} must be a ${type}`);
  }
  if (errors.length) throw new ValidationError(errors);
  return body;
}
module.exports = { validate, ValidationError };
