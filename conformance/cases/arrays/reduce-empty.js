// reduce on an empty array without an initial value throws a TypeError.
module.exports = () => {
  const results = [];
  try { [].reduce((a, b) => a + b); } catch (e) { results.push(`${e.name}: ${e.message}`); }
  try { [].reduceRight((a, b) => a + b); } catch (e) { results.push(`${e.name}: ${e.message}`); }
  results.push([].reduce((a, b) => a + b, "init"));
  results.push([7].reduce((a, b) => a + b));
  return results;
};
