// slice takes negatives from the end; substring clamps them and swaps reversed bounds.
export default function () {
  const s = "abcdefgh";
  return {
    slice: [s.slice(2), s.slice(2, 5), s.slice(-3), s.slice(-3, -1), s.slice(5, 2), s.slice(0, 100), s.slice(NaN)],
    substring: [s.substring(2), s.substring(2, 5), s.substring(-3), s.substring(5, 2), s.substring(1, NaN), s.substring(100)],
  };
}
