// 64-bit BigInt reads and writes of DataView and Buffer, both byte orders, with their errors.
const { Buffer } = require("buffer");

function attempt(f) {
  try {
    const value = f();
    return typeof value === "bigint" ? `${value}n` : value;
  } catch (e) {
    return `${e.name}: ${e.message}${e.code ? ` [${e.code}]` : ""}`;
  }
}

module.exports = function handler(req) {
  const view = new DataView(new ArrayBuffer(16));
  view.setBigInt64(0, -2n);
  view.setBigUint64(8, 0x0102030405060708n, true);
  const dataView = [
    attempt(() => view.getBigInt64(0)),
    attempt(() => view.getBigUint64(0)),
    attempt(() => view.getBigInt64(0, true)),
    attempt(() => view.getBigUint64(8, true)),
    attempt(() => view.getBigUint64(8)),
    attempt(() => view.getUint8(8)),
    attempt(() => { view.setBigInt64(0, 2n ** 64n + 5n); return view.getBigInt64(0); }),
    attempt(() => { view.setBigUint64(0, -1n); return view.getBigUint64(0); }),
    attempt(() => { view.setBigInt64(0, "12"); return view.getBigInt64(0); }),
    attempt(() => { view.setBigInt64(0, true); return view.getBigInt64(0); }),
    attempt(() => view.setBigInt64(0, 1)),
    attempt(() => view.setBigInt64(100, 1n)),
    attempt(() => view.getBigInt64(9)),
    attempt(() => view.getBigUint64(-1)),
  ];
  const buf = Buffer.alloc(16);
  const buffer = [
    attempt(() => buf.writeBigInt64LE(-2n)),
    attempt(() => buf.readBigInt64LE()),
    attempt(() => buf.readBigUInt64LE(0)),
    attempt(() => buf.readBigUint64LE(0)),
    attempt(() => buf.writeBigUInt64BE(2n ** 64n - 1n, 8)),
    attempt(() => buf.readBigUInt64BE(8)),
    attempt(() => buf.readBigInt64BE(8)),
    attempt(() => buf.writeBigUint64LE(0x1122334455667788n, 8)),
    attempt(() => buf.readBigUint64BE(8)),
    attempt(() => buf.writeBigInt64BE(-(2n ** 63n), 0)),
    attempt(() => buf.toString("hex")),
    attempt(() => buf.writeBigInt64LE(1, 0)),
    attempt(() => buf.writeBigInt64LE(2n ** 63n)),
    attempt(() => buf.writeBigInt64LE(-(2n ** 63n) - 1n)),
    attempt(() => buf.writeBigUInt64LE(-1n)),
    attempt(() => buf.writeBigUInt64LE(2n ** 64n)),
    attempt(() => buf.writeBigUInt64LE(5n, 9)),
    attempt(() => buf.readBigInt64LE(9)),
    attempt(() => buf.readBigInt64LE(-1)),
    attempt(() => buf.readBigInt64LE(1.5)),
    attempt(() => buf.readBigInt64LE("0")),
    attempt(() => Buffer.alloc(4).readBigInt64LE()),
  ];
  return { dataView, buffer };
};
