// btoa/atob on Latin-1 strings.
module.exports = () => {
  let err;
  try { btoa("😀"); } catch (e) { err = e.name; }
  return { btoa: btoa("hello world"), atob: atob("aGVsbG8gd29ybGQ="), latin: btoa("é"), padding: ["a", "ab", "abc"].map(btoa), err };
};
