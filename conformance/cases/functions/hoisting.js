// Function declarations are hoisted with their bodies; var is hoisted as undefined.
function handler() {
  const early = helper(2);
  const varBefore = typeof later;
  var later = 5;
  function helper(n) { return n * 10; }
  let tdz;
  try { tdz = useBeforeLet; let useBeforeLet = 1; } catch (e) { tdz = `${e.name}: ${e.message}`; }
  return { early, varBefore, later, tdz, nestedHoist: outer() };
  function outer() { return inner(); function inner() { return "inner"; } }
}
