// Rejections through try/catch/finally across awaits, async methods and arrows keeping
// `this`, async recursion, errors in parameters rejecting instead of throwing, and
// rejection reasons that are not Errors.
class Repo {
  constructor() { this.items = new Map(); this.calls = 0; }
  async save(item) {
    this.calls++;
    await null;
    if (!item.id) throw new TypeError("item needs an id");
    this.items.set(item.id, item);
    return item.id;
  }
  async saveAll(list) {
    const ids = [];
    for (const item of list) {
      try {
        ids.push(await this.save(item));
      } catch (e) {
        ids.push(`${e.name}: ${e.message}`);
      } finally {
        ids.push(`after ${this.calls}`);
      }
    }
    return ids;
  }
  later() { return async () => { await 0; return this.calls; }; }
}

const depth = async (n) => (n === 0 ? 0 : 1 + (await depth(n - 1)));
const withParams = async ({ a }) => a;

export default async function (req) {
  const repo = new Repo();
  const ids = await repo.saveAll([{ id: "a" }, {}, { id: "b" }]);
  const calls = await repo.later()();
  let paramError;
  const pending = withParams(undefined);
  const isPromise = pending instanceof Promise;
  try { await pending; } catch (e) { paramError = e.message; }
  let reason;
  try { await Promise.reject(42); } catch (e) { reason = e; }
  const settled = await Promise.allSettled([repo.save({}), depth(5)]);
  const caught = await repo.save({}).catch((e) => `caught ${e.message}`);
  return {
    ids, calls, isPromise, paramError, reason, depth: await depth(20),
    settled: settled.map((s) => s.status + ":" + (s.value ?? s.reason.message)),
    caught, size: repo.items.size,
  };
}
