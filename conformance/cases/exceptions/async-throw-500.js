// A rejected async handler is a 500 just like a synchronous throw (deliberate 500).
export default async function () {
  await Promise.resolve();
  throw new TypeError("async failure");
}
