function makeCounter(start = 0) {
  let count = start;
  return { inc: () => ++count, dec: () => --count, get: () => count, reset() { count = start; } };
}
function handler() {
  const a = makeCounter();
  const b = makeCounter(10);
  a.inc(); a.inc(); b.dec();
  const snapshot = [a.get(), b.get()];
  a.reset();
  return { snapshot, afterReset: a.get(), independent: b.get() };
}
