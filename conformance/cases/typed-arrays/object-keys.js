// A Uint8Array's indices as own keys: Object.keys/values/entries and object spread.
module.exports = () => {
  const bytes = new Uint8Array([7, 8, 9]);
  return {
    keys: Object.keys(bytes),
    values: Object.values(bytes),
    entries: Object.entries(bytes),
    spread: { ...new Uint8Array([1, 2]) },
    buffer: Object.keys(Buffer.from("ab")),
  };
};
