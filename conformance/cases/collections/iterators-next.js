module.exports = () => {
  const it = new Map([["k", "v"]]).entries();
  const first = it.next();
  const second = it.next();
  const arrIt = [1, 2].values();
  return { first, second, arr: [arrIt.next(), arrIt.next(), arrIt.next()], setValues: new Set(["q"]).values().next() };
};
