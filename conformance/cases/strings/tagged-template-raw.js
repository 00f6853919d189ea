// A tag function receives the cooked strings with the raw ones as `strings.raw`.
const tag = (strings, ...values) => ({
  cooked: [...strings],
  raw: strings.raw,
  values,
  isArray: Array.isArray(strings.raw),
});
module.exports = () => [tag`a\n${1}b\t${"x"}\u0041`, tag``, tag`only\\one`];
