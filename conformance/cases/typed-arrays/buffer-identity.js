// `view.buffer` is the ArrayBuffer the view was built over, the same object on every read;
// subarrays share it; structuredClone copies typed arrays (a Buffer becomes a Uint8Array).
export default function handler() {
  const buffer = new ArrayBuffer(4);
  const bytes = new Uint8Array(buffer);
  const words = new Uint16Array(buffer);
  const view = new DataView(buffer);
  const fresh = new Int32Array(2);
  const clone = structuredClone(new Int16Array([1, -2]));
  const bufferClone = structuredClone(Buffer.from("hi"));
  return {
    same: [bytes.buffer === buffer, words.buffer === buffer, view.buffer === buffer, fresh.buffer === fresh.buffer, bytes.subarray(1).buffer === buffer, fresh.subarray(1).buffer === fresh.buffer],
    sliceIsNew: bytes.slice().buffer === buffer,
    bufferFromArrayBuffer: Buffer.from(buffer).buffer === buffer,
    clone: [Object.prototype.toString.call(clone), Array.from(clone)],
    bufferClone: [Buffer.isBuffer(bufferClone), bufferClone instanceof Uint8Array, Array.from(bufferClone)],
  };
}
