// Proxies around class instances, arrays being iterated and methods called through the proxy.
class Account {
  constructor(owner) { this.owner = owner; this.balance = 0; }
  deposit(amount) { this.balance += amount; return this; }
  get summary() { return `${this.owner}: ${this.balance}`; }
}

export default function () {
  const reads = [];
  const account = new Proxy(new Account("ada"), {
    get(target, key, receiver) {
      if (typeof key === "string") reads.push(key);
      return Reflect.get(target, key, receiver);
    },
  });
  account.deposit(5).deposit(7);
  const list = new Proxy([3, 1, 2], {});
  const iterated = [];
  for (const item of list) iterated.push(item);
  const sets = [];
  const target = [5, 3];
  const observed = new Proxy(target, {
    set(t, key, value) { sets.push(`${key}=${value}`); t[key] = value; return true; },
    deleteProperty(t, key) { sets.push(`delete ${key}`); return delete t[key]; },
  });
  const pushed = observed.push(9, 1);
  const popped = observed.pop();
  const pushLog = sets.splice(0);
  observed.sort((a, b) => a - b);
  const sorted = [...target];
  observed.reverse();
  const reversed = [...target];
  const removed = observed.splice(0, 1, "x", "y");
  return {
    mutations: [pushed, popped, pushLog, sorted, reversed, removed, [...target], target.length, observed.length],
    account: [account.balance, account.summary, account instanceof Account, Object.keys(account)],
    reads,
    list: [[...list], iterated, list.map((x) => x * 2), list.includes(2), list.join("-"), Array.from(list), list.length],
  };
}
