module.exports = () => {
  const inputs = ["42", "4 2", "", " ", null, undefined, true, false, [], [3], [1, 2], {}, "0x1A", "1e3", "-", "Infinity", " \n5\t"];
  return inputs.map((v) => String(Number(v)));
};
