// Slicing through a surrogate pair leaves lone surrogates, which JSON escapes.
module.exports = () => {
  const s = "a😀b";
  return {
    first2: s.slice(0, 2),
    mid: s.slice(1, 2),
    tail: s.slice(2),
    substr: s.substring(2, 4),
    charAt1: s.charAt(1),
    charAt2: s.charAt(2),
    index1: s[1],
    joinedBack: s.slice(0, 2) + s.slice(2),
    chars: s.split(""),
    spread: [...s],
    arrayFrom: Array.from(s),
  };
};
