module.exports = () => {
  const re = /o/g;
  const log = [];
  for (let i = 0; i < 4; i++) log.push([re.test("foo boo"), re.lastIndex]);
  const sticky = /foo/y;
  sticky.lastIndex = 3;
  const stickyResults = [sticky.test("barfoo"), sticky.lastIndex, sticky.test("barfoo"), sticky.lastIndex];
  const nonGlobal = /o/;
  nonGlobal.lastIndex = 5;
  return { log, stickyResults, nonGlobal: [nonGlobal.test("o"), nonGlobal.lastIndex], shared: ["a1", "b2", "c3"].map((s) => /\d/g.test(s)) };
};
