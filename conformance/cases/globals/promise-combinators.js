// Promise.allSettled / race / any over already-settled promises and plain values.
module.exports = async () => {
  const settled = await Promise.allSettled([Promise.resolve(1), Promise.reject(new TypeError("x")), 3]);
  const race = await Promise.race([Promise.resolve("first"), Promise.resolve("second")]);
  const raceValue = await Promise.race([7, Promise.resolve(8)]);
  const any = await Promise.any([Promise.reject(new Error("a")), Promise.resolve("b"), "c"]);
  const none = await Promise.any([Promise.reject(new Error("a")), Promise.reject(new Error("b"))]).catch((e) => ({ name: e.name, message: e.message, errors: e.errors.map((x) => x.message), keys: Object.keys(e) }));
  const raceReject = await Promise.race([Promise.reject(new RangeError("r")), 1]).catch((e) => `${e.name}: ${e.message}`);
  return { settled: settled.map((s) => (s.status === "fulfilled" ? s : { status: s.status, reason: `${s.reason.name}: ${s.reason.message}` })), race, raceValue, any, none, raceReject };
};
