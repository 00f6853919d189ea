// V8 names the destructured value by its source text when it can (a name, a property path,
// a literal), and describes the value otherwise (parameters, nested patterns, assignments).
const attempt = (f) => { try { f(); return "ok"; } catch (e) { return `${e.name}: ${e.message}`; } };
module.exports = (req) => {
  const obj = {};
  const n = 5;
  return [
    attempt(() => { const { x: { y } } = {}; }),
    attempt(() => { const { x: { y } } = { x: null }; }),
    attempt(() => { const [{ y }] = []; }),
    attempt(() => { const [[a]] = [1]; }),
    attempt(() => { const [c] = obj; }),
    attempt(() => { const [c] = n; }),
    attempt(() => { const [c] = { a: 1 }; }),
    attempt(() => { let c; [c] = {}; }),
    attempt(() => { const { a } = null; }),
    attempt(() => { const { a } = obj.missing; }),
    attempt(() => { const { a } = req.body; }),
    attempt(() => { function f({ a }) {} f(); }),
    attempt(() => { function f([a]) {} f(); }),
    attempt(() => { function f([a]) {} f(true); }),
    attempt(() => { const { a = 1, b: { c } = {} } = { b: undefined }; return c; }),
  ];
};
