// A Buffer in JSON, as a Uint8Array, its length and indexing, and String().
export function GET() {
  const buf = Buffer.from("hi");
  buf[2] = 5;
  return {
    json: JSON.stringify(buf),
    nested: { buf },
    toJSON: buf.toJSON(),
    length: buf.length,
    index: [buf[0], buf[1], buf[2]],
    types: [buf instanceof Uint8Array, buf instanceof Buffer, Buffer.isBuffer(buf), Buffer.isBuffer(new Uint8Array(1)), Buffer.isBuffer("hi")],
    string: String(buf),
    template: `${Buffer.from("ok")}`,
    concatenated: "x" + Buffer.from("y"),
    tag: Object.prototype.toString.call(buf),
  };
}
