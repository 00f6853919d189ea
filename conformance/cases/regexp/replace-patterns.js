module.exports = () => {
  const s = "John Smith, Jane Doe";
  return [
    s.replace(/(\w+) (\w+)/, "$2 $1"), s.replace(/(\w+) (\w+)/g, "$2, $1"), s.replace(/o/g, "[$&]"), s.replace(/Smith/, "<$`>"),
    s.replace(/Smith/, "<$'>"), s.replace(/(\w+)/, "$$1"), s.replace(/(\w+)/, "$3"), s.replace(/(\w+)/, "$10"), s.replace(/(J)(o)(h)(n)/, "$04$4$0"),
    s.replaceAll(/a/g, "A"), "aaa".replace(/a*?/g, "-"), "abc".replace(/(?:)/g, "|"), s.replace(/(?<first>\w+)/, "$<first>!$<missing>?"),
  ];
};
