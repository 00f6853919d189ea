function handler() {
  const s = " \t\n  padded \u00a0\ufeff\r\n";
  return {
    trim: s.trim(),
    trimStart: s.trimStart(),
    trimEnd: s.trimEnd(),
    lengths: [s.length, s.trim().length, s.trimStart().length, s.trimEnd().length],
    empty: "   ".trim() === "",
  };
}
