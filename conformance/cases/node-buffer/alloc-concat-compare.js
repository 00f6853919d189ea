// Buffer.alloc (with fill), allocUnsafe, concat, compare, equals, slice/subarray sharing memory.
function handler() {
  const a = Buffer.from("abc");
  const b = Buffer.from("abd");
  const joined = Buffer.concat([a, b]);
  const view = joined.slice(1, 3);
  view[0] = 0x7a;
  const sub = joined.subarray(-2);
  return {
    alloc: [...Buffer.alloc(3)],
    allocFill: Buffer.alloc(5, "ab").toString(),
    allocFillNumber: [...Buffer.alloc(2, 257)],
    allocFillHex: Buffer.alloc(4, "ff00", "hex").toString("hex"),
    unsafe: Buffer.allocUnsafe(4).length,
    joined: joined.toString(),
    truncated: Buffer.concat([a, b], 4).toString(),
    padded: Buffer.concat([a], 5).toString("hex"),
    emptyConcat: Buffer.concat([]).length,
    mixed: Buffer.concat([a, new Uint8Array([33])]).toString(),
    compare: [Buffer.compare(a, b), Buffer.compare(b, a), Buffer.compare(a, Buffer.from("abc")), a.compare(b), Buffer.compare(Buffer.from("ab"), a)],
    sorted: [b, a, Buffer.from("a")].sort(Buffer.compare).map(String),
    equals: [a.equals(Buffer.from("abc")), a.equals(b)],
    sliceShares: [view.toString(), joined.toString(), sub.toString()],
    fill: Buffer.alloc(6).fill("xy", 1).toString("hex"),
  };
}
