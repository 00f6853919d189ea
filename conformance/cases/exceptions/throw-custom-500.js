// A custom Error subclass with a name of its own (deliberate 500).
class ValidationError extends Error {
  constructor(field) {
    super(`${field} is invalid`);
    this.name = "ValidationError";
    this.field = field;
  }
}
function handler() {
  throw new ValidationError("email");
}
