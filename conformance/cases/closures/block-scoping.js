export default function () {
  const out = [];
  let x = "outer";
  {
    let x = "block";
    out.push(x);
    {
      const x = "inner";
      out.push(x);
    }
  }
  out.push(x);
  if (true) { var hoisted = "var escapes block"; let scoped = "stays"; out.push(scoped); }
  out.push(hoisted);
  for (let i = 0; i < 1; i++) { let x = i; out.push(x); }
  out.push(typeof i);
  switch (1) { case 1: { let x = "case"; out.push(x); } }
  return out;
}
