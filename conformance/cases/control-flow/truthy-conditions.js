function handler() {
  const checks = [0, "", "0", [], {}, null, NaN, -1, " "].map((v) => { if (v) return "T"; else return "F"; }).join("");
  let i = 3, seq = "";
  while (i--) seq += i;
  const arr = [1, 2, 3];
  let popped = "";
  let v;
  while ((v = arr.pop())) popped += v;
  return { checks, seq, popped, i };
}
