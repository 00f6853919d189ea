// @request GET
export default function () {
  let err;
  try {
    "x".repeat(-1);
  } catch (e) {
    err = `${e.name}: ${e.message}`;
  }
  return { three: "ab".repeat(3), zero: "ab".repeat(0), frac: "ab".repeat(2.9), empty: "".repeat(100), err };
}
