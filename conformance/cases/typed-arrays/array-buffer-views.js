// ArrayBuffer: byteLength, slice (a copy); views over a buffer share its bytes; subarray shares,
// slice copies.
function handler() {
  const buffer = new ArrayBuffer(8);
  const whole = new Uint8Array(buffer);
  const middle = new Uint8Array(buffer, 2, 4);
  const tail = new Uint8Array(buffer, 6);
  middle[0] = 42;
  tail[1] = 7;
  const sub = whole.subarray(1, 4);
  sub[0] = 11;
  const sliced = whole.slice(1, 4);
  sliced[1] = 99;
  const bufferCopy = buffer.slice(2, 4);
  new Uint8Array(bufferCopy)[0] = 1;
  return {
    whole: Array.from(whole),
    middle: [middle.length, middle.byteOffset, middle.byteLength, middle[0]],
    tail: Array.from(tail),
    sub: [sub.length, sub.byteOffset, Array.from(sub)],
    sliced: Array.from(sliced),
    bufferCopy: [bufferCopy.byteLength, new Uint8Array(bufferCopy)[0], whole[2]],
    sameBuffer: middle.buffer.byteLength,
    negative: [Array.from(whole.subarray(-2)), Array.from(whole.slice(-3, -1))],
    isView: [ArrayBuffer.isView(whole), ArrayBuffer.isView(buffer), ArrayBuffer.isView([1])],
    instance: [buffer instanceof ArrayBuffer, whole instanceof ArrayBuffer],
    tag: Object.prototype.toString.call(buffer),
  };
}
