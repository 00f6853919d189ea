async function mayFail(n) {
  if (n % 2) throw new RangeError(`odd: ${n}`);
  return n;
}
export default async function () {
  const results = [];
  for (const n of [2, 3, 4]) {
    try {
      results.push(await mayFail(n));
    } catch (e) {
      results.push(`${e.name}: ${e.message}`);
    } finally {
      results.push(`done ${n}`);
    }
  }
  return results;
}
