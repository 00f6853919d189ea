// Without an encoding `readFileSync` gives a Buffer of the file's bytes (not UTF-8 here),
// a fresh one per call; base64, hex and `{ encoding: null }` / `"buffer"` forms (`"buffer"` is let through and then refused by `toString`).
// @request GET
const fs = require("fs");
const path = require("path");

const LOGO = path.resolve(__dirname, "_files", "logo.bin");

module.exports = {
  GET() {
    const bytes = fs.readFileSync(LOGO);
    const again = fs.readFileSync(LOGO, { encoding: null });
    bytes[0] = 0;
    return {
      isBuffer: Buffer.isBuffer(bytes),
      isUint8Array: bytes instanceof Uint8Array,
      length: bytes.length,
      fresh: again[0],
      base64: again.toString("base64"),
      hex: fs.readFileSync(LOGO, "hex"),
      base64Option: fs.readFileSync(LOGO, { encoding: "base64" }),
      asBuffer: (() => {
        try {
          return fs.readFileSync(LOGO, "buffer");
        } catch (error) {
          return `${error.name}: ${error.message}`;
        }
      })(),
      json: again.subarray(0, 4).toJSON(),
      utf8: JSON.stringify(fs.readFileSync(LOGO, "utf8")),
    };
  },
};
