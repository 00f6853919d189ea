export default function () {
  const withToString = { toString() { return "custom"; } };
  return [String({}), String([1, [2, [3]]]), String(null), `${[null, undefined]}`, String(new Error("boom")), String(new TypeError("bad")), String(withToString), "" + withToString, String(/a+b/gi), String(() => 1).length > 0, String(new Map()), String(new Set([1])), [1, 2].toString(), ({}).toString(), String(new Date(0).getTime())];
}
