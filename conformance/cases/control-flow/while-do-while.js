export default function () {
  let n = 27, steps = 0;
  while (n !== 1) { n = n % 2 ? 3 * n + 1 : n / 2; steps++; }
  let i = 10;
  const once = [];
  do { once.push(i); i++; } while (i < 5);
  let digits = 0, x = 123456;
  do { digits++; x = Math.floor(x / 10); } while (x > 0);
  let w = 0;
  while (true) { w++; if (w === 3) continue; if (w > 5) break; }
  return { steps, once, digits, w };
}
