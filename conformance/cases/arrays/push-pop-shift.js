exports.handler = () => {
  const a = [1, 2];
  const log = [];
  log.push(a.push(3, 4));
  log.push(a.pop());
  log.push(a.shift());
  log.push(a.unshift(-1, 0));
  log.push([].pop());
  log.push([].shift());
  return { a, log };
};
