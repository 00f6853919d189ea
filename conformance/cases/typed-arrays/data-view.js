// DataView: every get/set type in both byte orders over a shared ArrayBuffer, integer
// wraparound, float rounding, and V8's errors.
module.exports = () => {
  const attempt = (f) => {
    try {
      return f();
    } catch (e) {
      return `${e.name}: ${e.message}`;
    }
  };
  const buffer = new ArrayBuffer(16);
  const view = new DataView(buffer);
  const bytes = new Uint8Array(buffer);
  view.setUint16(0, 0x1234);
  view.setUint16(2, 0x1234, true);
  view.setInt32(4, -2);
  view.setUint8(8, 300);
  view.setInt8(9, 200);
  view.setFloat32(10, 1.1, true);
  const afterInts = Array.from(bytes);
  view.setFloat64(8, Math.PI);
  const inner = new DataView(buffer, 4, 8);
  return {
    afterInts,
    reads: [view.getUint16(0), view.getUint16(0, true), view.getInt32(4), view.getUint32(4), view.getInt32(4, true), view.getUint8(4), view.getInt8(4), view.getInt16(4)],
    float64: [view.getFloat64(8), view.getFloat32(8), view.getFloat64(8, true)],
    float32: (() => { const d = new DataView(new ArrayBuffer(4)); d.setFloat32(0, 1.1); return [d.getFloat32(0), d.getUint32(0).toString(16)]; })(),
    inner: [inner.byteOffset, inner.byteLength, inner.getInt32(0), inner.buffer.byteLength],
    props: [view.byteLength, view.byteOffset, Object.prototype.toString.call(view), JSON.stringify(view), view instanceof DataView],
    special: (() => { const d = new DataView(new ArrayBuffer(8)); d.setUint32(0, NaN); d.setInt16(4, -1.9); d.setUint16(6, 65537.5); return Array.from(new Uint8Array(d.buffer)); })(),
    errors: [
      attempt(() => new DataView([])),
      attempt(() => new DataView(new Uint8Array(2))),
      attempt(() => new DataView(buffer, 17)),
      attempt(() => new DataView(buffer, 2, 16)),
      attempt(() => view.getUint32(14)),
      attempt(() => view.getUint8(-1)),
      attempt(() => view.setInt16(15, 1)),
    ],
  };
};
