function handler() {
  const log = [];
  const run = (shouldThrow) => {
    try {
      log.push("try");
      if (shouldThrow) throw new Error("boom");
      log.push("after");
      return "from try";
    } catch (e) {
      log.push("catch " + e.message);
      return "from catch";
    } finally {
      log.push("finally");
    }
  };
  const r1 = run(false);
  const r2 = run(true);
  return { r1, r2, log };
}
