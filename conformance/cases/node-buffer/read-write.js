// Integer reads and writes in both byte orders, write() with encodings, indexOf/includes, copy.
module.exports = () => {
  const buf = Buffer.from([0x01, 0x02, 0x03, 0x04, 0xff, 0xfe]);
  const out = Buffer.alloc(8);
  const ends = [out.writeUInt8(0xab, 0), out.writeUInt16BE(0x1234, 1), out.writeUInt16LE(0x1234, 3), out.writeUInt32BE(0xdeadbeef, 4)];
  const text = Buffer.alloc(6);
  const written = [text.write("hé"), text.write("zz", 4), text.write("ffff", 2, "hex"), text.write("€", 5)];
  const target = Buffer.alloc(4, ".");
  const copied = Buffer.from("xyz").copy(target, 1);
  return {
    reads: [buf.readUInt8(0), buf.readUInt16BE(0), buf.readUInt16LE(0), buf.readUInt32BE(0), buf.readUInt32LE(0), buf.readUint8(4)],
    signed: [buf.readInt8(4), buf.readInt16BE(4), buf.readInt16LE(4), buf.readInt32BE(2), buf.readInt32LE(2)],
    ends,
    out: out.toString("hex"),
    written,
    text: text.toString("hex"),
    search: [buf.indexOf(3), buf.indexOf(0xff), buf.indexOf(9), Buffer.from("hello").indexOf("ll"), Buffer.from("hello").indexOf(Buffer.from("lo")), Buffer.from("hello").includes("z"), Buffer.from("hello").indexOf("l", 3)],
    copied,
    target: target.toString(),
  };
};
