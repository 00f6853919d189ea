// Uint8Array: construction forms, ToUint8 wraparound on writes, length, out-of-range reads.
module.exports = function handler() {
  const fromLength = new Uint8Array(3);
  const fromArray = new Uint8Array([1, 2, 300, -1, 1.7, NaN, "7"]);
  const empty = new Uint8Array();
  fromLength[0] = 256 + 5;
  fromLength[1] = -3;
  fromLength[2] = 3.99;
  fromLength[7] = 9;
  const arrayLike = new Uint8Array({ length: 3, 0: 10, 2: "20" });
  const fromIterable = new Uint8Array(new Set([4, 5, 6]));
  const copy = new Uint8Array(fromArray);
  copy[0] = 99;
  return {
    fromLength: Array.from(fromLength),
    fromArray: [...fromArray],
    empty: empty.length,
    outOfRange: [fromLength[7], fromLength[-1], fromLength.length],
    arrayLike: Array.from(arrayLike),
    fromIterable: Array.from(fromIterable),
    copyIsSeparate: [copy[0], fromArray[0]],
    typeofs: [typeof fromLength, typeof Uint8Array, fromLength instanceof Uint8Array, Array.isArray(fromLength)],
    tag: Object.prototype.toString.call(fromLength),
    string: String(fromArray),
    template: `${new Uint8Array([1, 2])}`,
    byteLength: [fromArray.byteLength, fromArray.byteOffset],
  };
};
