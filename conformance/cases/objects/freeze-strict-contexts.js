// Strict code throws on frozen writes: "use strict" functions and class bodies, even in CommonJS.
class Account {
  constructor() { this.balance = 0; Object.freeze(this); }
  deposit(n) { this.balance += n; }
}
function strictSet(o) {
  "use strict";
  o.x = 1;
}
function sloppySet(o) {
  o.x = 1;
  return "ignored";
}
module.exports = () => {
  const errors = [];
  const account = new Account();
  try { account.deposit(5); } catch (e) { errors.push(`${e.name}: ${e.message}`); }
  try { strictSet(Object.freeze({})); } catch (e) { errors.push(`${e.name}: ${e.message}`); }
  try { strictSet(Object.freeze({ x: 0 })); } catch (e) { errors.push(`${e.name}: ${e.message}`); }
  const arr = Object.freeze([1]);
  try { (() => { "use strict"; arr[0] = 2; })(); } catch (e) { errors.push(`${e.name}: ${e.message}`); }
  try { (() => { "use strict"; arr[3] = 2; })(); } catch (e) { errors.push(`${e.name}: ${e.message}`); }
  try { (() => { "use strict"; delete arr[0]; })(); } catch (e) { errors.push(`${e.name}: ${e.message}`); }
  try { (() => { "use strict"; const s = Object.seal({ k: 1 }); delete s.k; })(); } catch (e) { errors.push(`${e.name}: ${e.message}`); }
  const sloppyDelete = delete Object.freeze({ k: 1 }).k;
  return { balance: account.balance, errors, sloppy: sloppySet(Object.freeze({})), sloppyDelete };
};
