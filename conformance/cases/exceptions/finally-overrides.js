module.exports = () => {
  const overrideReturn = () => { try { return "try"; } finally { return "finally"; } };
  const overrideThrow = () => { try { throw new Error("lost"); } finally { return "swallowed"; } };
  const finallyThrows = () => { try { return "try"; } finally { throw new RangeError("from finally"); } };
  let sideEffect = 0;
  const finallyRuns = () => { try { return sideEffect; } finally { sideEffect = 42; } };
  let caught;
  try { finallyThrows(); } catch (e) { caught = e.name + ": " + e.message; }
  const loop = [];
  for (let i = 0; i < 3; i++) { try { if (i === 1) continue; loop.push(i); } finally { loop.push("f" + i); } }
  return { overrideReturn: overrideReturn(), overrideThrow: overrideThrow(), caught, finallyRuns: finallyRuns(), sideEffect, loop };
};
