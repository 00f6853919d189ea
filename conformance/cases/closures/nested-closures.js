module.exports = () => {
  const outer = (a) => { let seen = []; return (b) => (c) => { seen.push(a + b + c); return seen.slice(); }; };
  const f = outer(1);
  const g = f(10);
  g(100);
  const last = g(200);
  const other = f(20)(300);
  return { last, other };
};
