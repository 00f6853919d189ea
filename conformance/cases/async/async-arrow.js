const delay = async (value) => value;
module.exports = async (req) => {
  const double = async (x) => (await delay(x)) * 2;
  const results = [];
  for (const n of [1, 2, 3]) results.push(await double(n));
  return { results, mapped: await Promise.all([4, 5].map(double)) };
};
