class AppError extends Error {
  constructor(message, status = 500) {
    super(message);
    this.name = this.constructor.name;
    this.status = status;
  }
  toJSON() { return { error: this.name, message: this.message, status: this.status }; }
}
class NotFoundError extends AppError {
  constructor(what) { super(`${what} not found`, 404); }
}
class ConflictError extends AppError {}
function handler() {
  const errors = [new AppError("generic"), new NotFoundError("user"), new ConflictError("taken", 409)];
  return errors.map((e) => ({ json: e, str: String(e), isError: e instanceof Error, isApp: e instanceof AppError, isNotFound: e instanceof NotFoundError, stack: typeof e.stack }));
}
