// randomBytes, randomInt, randomUUID, getRandomValues and randomFillSync: under the harness's
// frozen seed, the same values in Node and in the compiled server.
const { randomBytes, randomInt, randomUUID, randomFillSync } = require("crypto");
module.exports = () => {
  const bytes = randomBytes(6);
  const ints = [randomInt(10), randomInt(5, 8), randomInt(-3, 3)];
  const view = crypto.getRandomValues(new Uint8Array(5));
  const filled = randomFillSync(Buffer.alloc(3));
  return {
    bytes: [Buffer.isBuffer(bytes), bytes.length, bytes.toString("hex")],
    empty: randomBytes(0).length,
    ints,
    inRange: ints[1] >= 5 && ints[1] < 8,
    uuid: randomUUID(),
    uuidShape: /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(randomUUID()),
    view: Array.from(view),
    filled: filled.toString("hex"),
  };
};
