exports.handler = () => {
  const out = [];
  for (const word of ["alpha", "skip", "beta", "stop", "gamma"]) {
    if (word === "skip") continue;
    if (word === "stop") break;
    out.push(word.toUpperCase());
  }
  let sum = 0;
  for (const n of new Set([1, 2, 3, 4, 5, 6])) { if (n % 2) continue; sum += n; }
  return { out, sum };
};
