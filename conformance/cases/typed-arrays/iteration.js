// Iterating a Uint8Array: for…of, spread, destructuring, entries/keys/values.
module.exports = () => {
  const bytes = new Uint8Array([5, 6, 7]);
  const loop = [];
  for (const byte of bytes) loop.push(byte);
  const [first, ...rest] = bytes;
  return {
    loop,
    spread: [...bytes],
    first,
    rest,
    entries: [...bytes.entries()],
    keys: [...bytes.keys()],
    values: Array.from(bytes.values()),
    arrayFrom: Array.from(bytes, (x) => x + 1),
  };
};
