exports.handler = () => {
  const tokens = [];
  const re = /\s*(\d+|[+*()-])/y;
  const src = "12 + (3*4) - 5";
  let m;
  while ((m = re.exec(src))) tokens.push(m[1]);
  return { tokens, stopAt: re.lastIndex, matchSticky: "abc".match(/b/y), split: "a,b".split(/,/y) };
};
