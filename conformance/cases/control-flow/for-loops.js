exports.handler = () => {
  const out = [];
  for (let i = 0; i < 5; i += 2) out.push(i);
  for (let i = 10; i > 0; i = Math.floor(i / 2)) out.push(i);
  let j = 0;
  for (; j < 3;) j++;
  out.push(j);
  for (let a = 0, b = 10; a < b; a += 3, b -= 3) out.push(`${a}:${b}`);
  let k = 0;
  for (;;) { if (++k > 4) break; }
  out.push(k);
  return out;
};
