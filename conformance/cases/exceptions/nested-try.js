module.exports = () => {
  const log = [];
  try {
    try {
      try { throw new Error("deep"); } finally { log.push("f1"); }
    } catch (e) {
      log.push("c2:" + e.message);
      throw new TypeError("converted");
    } finally {
      log.push("f2");
    }
  } catch (e) {
    log.push("c3:" + e.name + ":" + e.message);
  } finally {
    log.push("f3");
  }
  return log;
};
