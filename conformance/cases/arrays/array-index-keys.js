function handler() {
  const a = [];
  a["2"] = "two";
  a.extra = "prop";
  a[-1] = "neg";
  return { a, length: a.length, keys: Object.keys(a), json: JSON.stringify(a), extra: a.extra };
}
