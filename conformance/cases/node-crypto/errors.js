// The crypto module's errors: unknown digests, finalized hashes, bad arguments,
// timingSafeEqual's length check, randomInt's range.
const crypto = require("crypto");
module.exports = () => {
  const attempt = (f) => {
    try {
      return f();
    } catch (e) {
      return `${e.name}: ${e.message} (${e.code})`;
    }
  };
  const hash = crypto.createHash("sha256");
  hash.update("a");
  hash.digest("hex");
  return {
    equal: [crypto.timingSafeEqual(Buffer.from("abc"), Buffer.from("abc")), crypto.timingSafeEqual(Buffer.from("abc"), Buffer.from("abd"))],
    errors: [
      attempt(() => crypto.createHash("nope")),
      attempt(() => crypto.createHash()),
      attempt(() => hash.digest()),
      attempt(() => hash.update("x")),
      attempt(() => crypto.createHmac("nope", "k")),
      attempt(() => crypto.createHash("sha256").update(5)),
      attempt(() => crypto.timingSafeEqual(Buffer.from("a"), Buffer.from("ab"))),
      attempt(() => crypto.timingSafeEqual("a", "b")),
      attempt(() => crypto.randomBytes(-1)),
      attempt(() => crypto.randomBytes("4")),
      attempt(() => crypto.randomInt(5, 2)),
      attempt(() => crypto.randomInt(1.5)),
      attempt(() => crypto.pbkdf2Sync("p", "s", 1, 32, "nope")),
      attempt(() => crypto.pbkdf2Sync("p", "s", 0, 32, "sha256")),
      attempt(() => crypto.pbkdf2Sync("p", "s", 1, -1, "sha256")),
      attempt(() => crypto.scryptSync("p", "s", 8, { N: 2 ** 20 })),
      attempt(() => crypto.scryptSync("p", "s", 8, { N: 3 })),
      attempt(() => crypto.scryptSync("p", "s", 8, { N: 1024, r: 8, maxmem: 1024 })),
      attempt(() => crypto.scryptSync("p", "s", 8, { N: 32768, r: 8 })),
    ],
    unknownDigestEncoding: Buffer.isBuffer(crypto.createHash("sha256").digest("nope")),
  };
};
