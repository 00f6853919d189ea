// Buffer.from and toString in every encoding Node supports, including its lenient decoders.
const { Buffer: ImportedBuffer } = require("buffer");
module.exports = () => {
  const hi = Buffer.from("héllo");
  return {
    same: ImportedBuffer === Buffer,
    utf8: [hi.length, hi.toString(), hi.toString("utf8"), hi.toString("utf-8", 1, 3)],
    hex: [hi.toString("hex"), Buffer.from("6869", "hex").toString(), Buffer.from("abz1", "hex").length, Buffer.from("abc", "hex").toString("hex"), Buffer.from("DEADbeef", "HEX").toString("hex")],
    base64: [hi.toString("base64"), Buffer.from("aGk=", "base64").toString(), Buffer.from("aGk", "base64").toString(), Buffer.from("a G\nk=", "base64").toString(), Buffer.from("_-8", "base64").toString("hex")],
    base64url: [Buffer.from([251, 255, 191]).toString("base64url"), Buffer.from("-_-_", "base64url").toString("hex"), Buffer.from("hi?").toString("base64url")],
    latin1: [Buffer.from("é€", "latin1").toString("hex"), Buffer.from([233, 0xff]).toString("latin1"), Buffer.from("é", "binary").length],
    ascii: [Buffer.from([0xe9, 0x41]).toString("ascii"), Buffer.from("é", "ascii").toString("hex")],
    utf16le: [Buffer.from("hi", "utf16le").toString("hex"), Buffer.from([0x68, 0, 0x69, 0]).toString("ucs2")],
    invalidUtf8: Buffer.from([0x61, 0xff, 0xc3]).toString(),
    lone: Buffer.from("a\uD800").toString("hex"),
    fromArray: [...Buffer.from([1, 256, -1, 3.5])],
    fromBuffer: Buffer.from(Buffer.from("ab")).toString(),
    fromJson: Buffer.from({ type: "Buffer", data: [104, 105] }).toString(),
    isEncoding: ["utf8", "UTF-8", "hex", "nope", 5].map((name) => Buffer.isEncoding(name)),
    byteLength: [Buffer.byteLength("héllo"), Buffer.byteLength("aGk=", "base64"), Buffer.byteLength("abcd", "hex"), Buffer.byteLength(hi)],
  };
};
