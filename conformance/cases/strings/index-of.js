module.exports = () => {
  const s = "banana";
  return [
    s.indexOf("a"), s.indexOf("a", 2), s.indexOf("x"), s.indexOf(""), s.indexOf("", 10), s.lastIndexOf("a"),
    s.lastIndexOf("a", 4), s.lastIndexOf("b", -3), s.lastIndexOf(""), s.indexOf("na", -2), s.lastIndexOf("an", 0), s.search("n"),
  ];
};
