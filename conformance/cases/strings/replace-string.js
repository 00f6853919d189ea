function handler() {
  const s = "one two one two";
  return [
    s.replace("one", "1"), s.replaceAll("one", "1"), s.replace("zzz", "x"), s.replace("two", "$&-$&"),
    s.replace("two", "[$`]"), s.replace("two", "[$']"), s.replace("one", "$$"), s.replace("", "_"),
    s.replaceAll("", "."), s.replace("one", (m, offset) => `${m.toUpperCase()}@${offset}`),
    s.replaceAll("two", (m, offset, whole) => `${offset}/${whole.length}`), "aaa".replaceAll("aa", "b"),
  ];
}
