export default async function () {
  const all = await Promise.all([Promise.resolve(1), 2, (async () => 3)()]);
  const empty = await Promise.all([]);
  let rejected;
  try {
    await Promise.all([Promise.resolve("ok"), Promise.reject(new TypeError("nope")), Promise.reject(new Error("second"))]);
  } catch (e) {
    rejected = `${e.name}: ${e.message}`;
  }
  const objects = await Promise.all([{ a: 1 }, [2]].map(async (v) => v));
  return { all, empty, rejected, objects };
}
