// ES2023 non-mutating copies (Node 20).
module.exports = () => {
  const a = [3, 1, 2];
  return { sorted: a.toSorted(), reversed: a.toReversed(), spliced: a.toSpliced(1, 1, "x"), with: a.with(0, 9), original: a };
};
