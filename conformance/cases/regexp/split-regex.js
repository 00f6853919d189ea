exports.handler = () => [
  "a, b;c  d".split(/[,;\s]+/), "one1two22three".split(/\d+/), "one1two22three".split(/(\d+)/), "abc".split(/(?:)/u),
  "😀😁".split(/(?:)/u), "😀😁".split(""), "a-b_c".split(/(-)|(_)/), "test".split(/t/), "CamelCaseString".split(/(?=[A-Z])/), "a,b,c".split(/,/, 2),
];
