module.exports = () => {
  let a = 10;
  const log = [];
  a += 5; log.push(a);
  a -= 3; log.push(a);
  a *= 2; log.push(a);
  a /= 4; log.push(a);
  a %= 4; log.push(a);
  a **= 3; log.push(a);
  a <<= 2; log.push(a);
  a >>= 1; log.push(a);
  a >>>= 1; log.push(a);
  a &= 6; log.push(a);
  a |= 9; log.push(a);
  a ^= 5; log.push(a);
  let s = "x";
  s += 1; s += null;
  return { log, s };
};
