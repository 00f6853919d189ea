export default async function () {
  const settled = await Promise.allSettled([Promise.resolve(1), Promise.reject(new Error("x")), 3]);
  const race = await Promise.race([Promise.resolve("first"), new Promise(() => {})]);
  const any = await Promise.any([Promise.reject(new Error("a")), Promise.resolve("b")]);
  return { settled: settled.map((s) => (s.status === "fulfilled" ? s : { status: s.status, reason: s.reason.message })), race, any };
}
