// createHash for every supported algorithm, chained updates of strings and Buffers, and
// every digest encoding.
const crypto = require("node:crypto");
module.exports = () => {
  const algorithms = ["md5", "sha1", "sha256", "sha384", "sha512", "sha224", "SHA256", "sha-256", "RSA-SHA1"];
  const hexes = Object.fromEntries(algorithms.map((name) => [name, crypto.createHash(name).update("hello").digest("hex")]));
  const chained = crypto.createHash("sha256").update("hel").update(Buffer.from("lo")).digest("hex");
  const raw = crypto.createHash("sha1").update("").digest();
  return {
    hexes,
    chained,
    sameAsOneUpdate: chained === hexes.sha256,
    base64: crypto.createHash("md5").update("a").digest("base64"),
    base64url: crypto.createHash("sha256").update("a").digest("base64url"),
    latin1: crypto.createHash("md5").update("a").digest("latin1").length,
    buffer: [Buffer.isBuffer(raw), raw.length, raw.toString("hex")],
    encodedInput: crypto.createHash("sha256").update("6869", "hex").digest("hex") === crypto.createHash("sha256").update("hi").digest("hex"),
    utf8Input: crypto.createHash("md5").update("é").digest("hex"),
    uint8Input: crypto.createHash("md5").update(new Uint8Array([104, 105])).digest("hex"),
    copy: (() => {
      const base = crypto.createHash("sha256").update("a");
      const copied = base.copy();
      copied.update("b");
      return [base.digest("hex").slice(0, 8), copied.digest("hex").slice(0, 8)];
    })(),
    hashes: crypto.getHashes().includes("sha256"),
  };
};
