export default () => {
  const s = "héllo👋🏽!";
  return { spread: [...s], reversed: [...s].reverse().join(""), naive: s.split("").reverse().join(""), count: [...s].length };
};
