// createHmac with string and Buffer keys, pbkdf2Sync and scryptSync.
import { createHmac, pbkdf2Sync, scryptSync } from "node:crypto";

export default function handler() {
  return {
    hmac: createHmac("sha256", "secret").update("message").digest("hex"),
    hmacBufferKey: createHmac("sha1", Buffer.from("key")).update("The quick brown fox").digest("base64"),
    hmacLongKey: createHmac("sha512", "k".repeat(200)).update("x").digest("hex").slice(0, 32),
    hmacMd5: createHmac("md5", "").update("").digest("hex"),
    pbkdf2: pbkdf2Sync("password", "salt", 1000, 32, "sha256").toString("hex"),
    pbkdf2Sha512: pbkdf2Sync(Buffer.from("pw"), "NaCl", 2, 20, "sha512").toString("base64"),
    pbkdf2Empty: pbkdf2Sync("p", "s", 1, 0, "sha1").length,
    // Node's default cost (N = 16384) is left out: a debug build of the conformance server
    // takes seconds for it under load.
    scrypt: scryptSync("password", "salt", 16, { N: 512 }).toString("hex"),
    scryptOptions: scryptSync("pw", "NaCl", 24, { N: 1024, r: 8, p: 2 }).toString("hex"),
    scryptCost: scryptSync("pw", "salt", 8, { cost: 16, blockSize: 1, parallelization: 1 }).toString("hex"),
  };
}
