function handler() {
  return { headers: { "x-date": new Date(0).getTime(), "x-obj": { toString() { return "custom-to-string"; } }, "x-zero": 0, "x-neg-zero": -0, "x-big": 1e21, "x-false": false, "x-empty": "" }, body: "ok" };
}
