// process.hrtime.bigint(): nanoseconds as a BigInt, never going backwards (values are the clock's,
// so only their shape is compared).
export function GET() {
  const first = process.hrtime.bigint();
  let spin = 0;
  for (let i = 0; i < 1000; i++) spin += i;
  const second = process.hrtime.bigint();
  const [seconds] = process.hrtime();
  return {
    type: typeof first,
    ordered: second >= first,
    nonNegative: first >= 0n,
    elapsedIsBigInt: typeof (second - first) === "bigint",
    sameScale: Number(first / 1_000_000_000n) - seconds <= 1,
    spin,
  };
}
