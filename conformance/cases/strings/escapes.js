// String escapes and how JSON re-escapes control characters.
function handler() {
  return {
    s: "tab\tnew\nquote\"back\\slash\u0001\u001f\u007f\u00e9\x41",
    zero: "nul\0end",
    separators: "\u2028\u2029",
    loneHigh: "\ud800",
    loneLow: "\udc00x",
    pair: "\ud83d\ude00",
    reversed: "\ude00\ud83d",
    lengths: ["\t".length, "\u2028".length, "\ud83d\ude00".length],
  };
}
