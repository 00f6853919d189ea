exports.handler = () => {
  const composed = "\u00e9";
  const decomposed = "e\u0301";
  return {
    equal: composed === decomposed,
    nfcEqual: composed.normalize() === decomposed.normalize(),
    lengths: [composed.length, decomposed.length, decomposed.normalize("NFC").length, composed.normalize("NFD").length],
    nfkc: "ﬁ①".normalize("NFKC"),
    nfkd: "Å".normalize("NFKD").length,
  };
};
