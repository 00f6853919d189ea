function handler() {
  const s = "The quick brown fox";
  return [
    s.includes("quick"), s.includes("Quick"), s.includes(""), s.includes("quick", 5),
    s.startsWith("The"), s.startsWith("quick", 4), s.startsWith(""), s.endsWith("fox"),
    s.endsWith("brown", 15), s.endsWith("The", 3), "abc".includes("c", -5), "abc".startsWith("abcd"),
  ];
}
