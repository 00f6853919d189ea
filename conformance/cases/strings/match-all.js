exports.handler = () => {
  const text = "a1b22c333";
  const all = [...text.matchAll(/(\w)(\d+)/g)].map((m) => ({ full: m[0], letter: m[1], digits: m[2], index: m.index }));
  let err;
  try {
    text.matchAll(/\d/);
  } catch (e) {
    err = e.constructor.name + ": " + e.message;
  }
  return { all, err, count: [..."aaa".matchAll(/a/g)].length };
};
