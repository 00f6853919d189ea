// V8's errors for invalid typed-array and ArrayBuffer arguments.
module.exports = () => {
  const attempt = (f) => {
    try {
      return f();
    } catch (e) {
      return `${e.name}: ${e.message}`;
    }
  };
  const buffer = new ArrayBuffer(4);
  return [
    attempt(() => new Uint8Array(-1)),
    attempt(() => new Uint8Array(buffer, 5)),
    attempt(() => new Uint8Array(buffer, 1, 8)),
    attempt(() => new Uint8Array(buffer, -1)),
    attempt(() => new Uint8Array([1]).set([1, 2])),
    attempt(() => new Uint8Array(2).set([1], 2)),
    attempt(() => new ArrayBuffer(-1)),
    attempt(() => new Uint8Array(0).reduce((a, b) => a + b)),
  ];
};
