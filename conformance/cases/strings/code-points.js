export default function () {
  const s = "A😀é";
  return {
    charCodeAt: [0, 1, 2, 3, 4].map((i) => s.charCodeAt(i)),
    codePointAt: [0, 1, 2, 3, 4].map((i) => s.codePointAt(i)),
    fromCharCode: String.fromCharCode(72, 105, 0xd83d, 0xde00),
    fromCodePoint: String.fromCodePoint(0x1f600, 65, 0xe9),
    nanIndex: String(s.charCodeAt(10)),
    cpOut: s.codePointAt(10),
    hex: [...s].map((c) => c.codePointAt(0).toString(16)),
  };
}
