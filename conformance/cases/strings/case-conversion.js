exports.handler = () => {
  const words = ["Hello World", "ÉCOLE", "straße", "İstanbul", "ǅ", "ΣΑΣ", "123abc"];
  return words.map((w) => [w.toLowerCase(), w.toUpperCase()]);
};
