module.exports = () => {
  const [a, , c = "default", d = "d-default", ...rest] = [1, 2, undefined, null, 5, 6];
  const [x, y] = "hi";
  const [first, ...others] = new Set(["s1", "s2", "s3"]);
  let p = 1, q = 2;
  [p, q] = [q, p];
  return { a, c, d, rest, x, y, first, others, p, q };
};
