// Lengths count UTF-16 code units.
function handler() {
  const words = ["abc", "héllo", "日本語", "😀", "👍🏽", "a😀b", "", "\u0000", "e\u0301", "🇫🇷"];
  return words.map((w) => ({ w, length: w.length, points: [...w].length }));
}
