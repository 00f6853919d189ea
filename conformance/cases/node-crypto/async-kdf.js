// crypto.pbkdf2 and crypto.scrypt with callbacks: the key arrives after the current job and
// its microtasks; argument errors throw at once.
const crypto = require("crypto");
const { promisify } = { promisify: (f) => (...args) => new Promise((resolve, reject) => f(...args, (error, value) => (error ? reject(error) : resolve(value)))) };

module.exports = async () => {
  const order = [];
  const derived = new Promise((resolve) => {
    crypto.pbkdf2("password", "salt", 10, 16, "sha256", (error, key) => {
      order.push("callback");
      resolve([error, key.toString("hex")]);
    });
  });
  Promise.resolve().then(() => order.push("microtask"));
  order.push("sync");
  const [error, hex] = await derived;
  const scrypted = await promisify(crypto.scrypt)("pw", "salt", 8, { N: 256 });
  const withOptions = await new Promise((resolve) => crypto.scrypt("pw", "salt", 8, { N: 16 }, (e, key) => resolve(key.toString("hex"))));
  let thrown;
  try {
    crypto.pbkdf2("p", "s", 1, 8, "sha256");
  } catch (e) {
    thrown = `${e.name}: ${e.message} (${e.code})`;
  }
  let badDigest;
  try {
    crypto.pbkdf2("p", "s", 1, 8, "nope", () => {});
  } catch (e) {
    badDigest = `${e.name}: ${e.message} (${e.code})`;
  }
  return {
    order,
    error,
    hex,
    same: hex === crypto.pbkdf2Sync("password", "salt", 10, 16, "sha256").toString("hex"),
    scrypted: scrypted.toString("hex"),
    withOptions,
    thrown,
    badDigest,
  };
};
