// `process.platform`, `process.uptime()`, `process.hrtime()` (shapes only: their values are
// the clock's) and their errors.
// @request GET
export function GET() {
  const start = process.hrtime();
  const diff = process.hrtime(start);
  const errors = [];
  for (const bad of [() => process.hrtime([1]), () => process.hrtime(5), () => process.nextTick({}), () => process.nextTick()]) {
    try {
      bad();
    } catch (error) {
      errors.push(`${error.name}: ${error.message}`);
    }
  }
  return {
    platform: process.platform,
    uptime: typeof process.uptime() === "number" && process.uptime() >= 0,
    hrtime: Array.isArray(start) && start.length === 2 && start.every(Number.isInteger),
    diff: diff[0] >= 0 && diff[1] >= 0 && diff[1] < 1e9,
    typeofNextTick: typeof process.nextTick,
    errors,
  };
}
