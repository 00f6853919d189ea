exports.handler = () => {
  class Account {
    #balance = 0;
    static #count = 0;
    constructor(owner) { this.owner = owner; Account.#count++; }
    deposit(n) { if (n <= 0) throw new RangeError("deposit must be positive"); this.#balance += n; return this.#balance; }
    #audit() { return `audit:${this.#balance}`; }
    report() { return this.#audit(); }
    static count() { return Account.#count; }
    static isAccount(o) { return #balance in o; }
  }
  const a = new Account("ada");
  a.deposit(50);
  let err;
  try { a.deposit(-1); } catch (e) { err = e.message; }
  return { json: a, keys: Object.keys(a), report: a.report(), count: Account.count(), err, isAccount: [Account.isAccount(a), Account.isAccount({})] };
};
