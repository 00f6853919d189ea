// The 500 message uses the error's current name (deliberate 500).
module.exports = () => {
  const e = new Error("quota exceeded");
  e.name = "QuotaError";
  throw e;
};
