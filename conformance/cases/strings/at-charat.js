exports.handler = () => {
  const s = "hello";
  return [s.at(0), s.at(-1), s.at(-5), s.at(5), s.at(-6), s.charAt(1), s.charAt(9), s[4], s[9], s.at(1.7), s.charAt(-1), "😀".at(0).length];
};
