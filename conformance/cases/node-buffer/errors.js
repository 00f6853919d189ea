// Node's errors for bad Buffer arguments, with their codes.
module.exports = () => {
  const attempt = (f) => {
    try {
      return f();
    } catch (e) {
      return `${e.name}: ${e.message} (${e.code})`;
    }
  };
  const buf = Buffer.from("hello");
  return [
    attempt(() => Buffer.from("x", "nope")),
    attempt(() => buf.toString("nope")),
    attempt(() => Buffer.from(5)),
    attempt(() => Buffer.from({})),
    attempt(() => Buffer.alloc(-1)),
    attempt(() => Buffer.alloc("3")),
    attempt(() => Buffer.concat([1])),
    attempt(() => Buffer.compare(1, buf)),
    attempt(() => buf.equals("x")),
    attempt(() => buf.readUInt8(5)),
    attempt(() => buf.readUInt16LE(4)),
    attempt(() => buf.readUInt32BE(-1)),
    attempt(() => buf.readUInt8(1.5)),
    attempt(() => buf.readUInt8("1")),
    attempt(() => buf.writeUInt8(256, 0)),
    attempt(() => buf.writeUInt16BE(70000, 0)),
    attempt(() => buf.writeInt8(-200, 0)),
    attempt(() => Buffer.byteLength(5)),
    attempt(() => Buffer.alloc(2).readUInt32LE(0)),
  ];
};
