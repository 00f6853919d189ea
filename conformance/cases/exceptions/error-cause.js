function handler() {
  const root = new TypeError("root cause");
  const wrapped = new Error("wrapped", { cause: root });
  return { message: wrapped.message, causeMessage: wrapped.cause.message, causeName: wrapped.cause.name, hasCause: "cause" in wrapped, noCause: "cause" in new Error("x"), keys: Object.keys(wrapped) };
}
