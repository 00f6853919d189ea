// Buffer float and double reads and writes in both byte orders.
module.exports = () => {
  const buf = Buffer.alloc(12);
  const ends = [buf.writeFloatBE(1.5, 0), buf.writeDoubleLE(-Math.PI, 4)];
  const attempt = (f) => {
    try {
      return f();
    } catch (e) {
      return `${e.name}: ${e.message} (${e.code})`;
    }
  };
  return {
    ends,
    hex: buf.toString("hex"),
    reads: [buf.readFloatBE(0), buf.readFloatLE(0), buf.readDoubleLE(4), buf.readDoubleBE(4)],
    rounded: (() => { const b = Buffer.alloc(4); b.writeFloatLE(0.1); return [b.readFloatLE(0), b.toString("hex")]; })(),
    special: (() => { const b = Buffer.alloc(16); b.writeDoubleBE(NaN, 0); b.writeFloatBE(Infinity, 8); return [b.readDoubleBE(0), b.readFloatBE(8), b.toString("hex")]; })(),
    errors: [attempt(() => buf.readDoubleLE(5)), attempt(() => buf.writeFloatBE(1, 9))],
  };
};
