// The full loose-equality table for tricky values.
function handler() {
  const vals = [0, 1, "", "0", "1", null, undefined, NaN, false, true, [], [0], "false"];
  return vals.map((a) => vals.map((b) => (a == b ? 1 : 0)).join(""));
}
