function handler() {
  const d = new Date(Date.UTC(2024, 0, 15, 10, 0, 0));
  const log = [];
  log.push(d.setUTCHours(25));
  log.push(d.toISOString());
  d.setUTCDate(0);
  log.push(d.toISOString());
  d.setUTCFullYear(2025, 5, 10);
  log.push(d.toISOString());
  d.setUTCMinutes(90, 30, 5);
  log.push(d.toISOString());
  d.setTime(0);
  log.push(d.toISOString());
  d.setHours(12);
  d.setMonth(3);
  d.setDate(31);
  log.push(d.toISOString());
  const bad = new Date(0);
  log.push(String(bad.setUTCSeconds(NaN)));
  return log;
}
