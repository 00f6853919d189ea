exports.handler = () => {
  const fixed = { n: 1 };
  fixed.n = 2;
  let message;
  try { eval_free(); } catch (e) { message = `${e.name}: ${e.message}`; }
  function eval_free() { const k = 1; k = 2; return k; }
  return { fixed, message };
};
