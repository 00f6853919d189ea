exports.handler = () => {
  const a = ["a", "b", "c"];
  return [a.at(0), a.at(-1), a.at(-3), a.at(3), a.at(-4), a.at("1"), a.at(1.9), a.at(NaN), [].at(0)];
};
