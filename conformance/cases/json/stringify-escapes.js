// JSON.stringify escapes byte for byte.
function handler() {
  const s = "\"\\/\b\f\n\r\t\u0000\u0001\u001f\u007f\u0080\u00ff\u2028\u2029\ud800\udbff\udc00\ud83d\ude00é😀<>&'";
  return { s, stringified: JSON.stringify(s), key: JSON.stringify({ [s.slice(0, 4)]: 1 }) };
}
