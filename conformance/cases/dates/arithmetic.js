exports.handler = () => {
  const start = new Date("2024-01-31T00:00:00Z");
  const addDays = (d, n) => new Date(d.getTime() + n * 86400000);
  const nextMonth = new Date(start);
  nextMonth.setUTCMonth(nextMonth.getUTCMonth() + 1);
  const diffDays = Math.round((new Date("2024-12-25T00:00:00Z") - new Date("2024-01-01T00:00:00Z")) / 86400000);
  return { plus10: addDays(start, 10).toISOString(), minus40: addDays(start, -40).toISOString(), nextMonth: nextMonth.toISOString(), diffDays, leap: new Date(Date.UTC(2024, 1, 29)).getUTCDate(), nonLeap: new Date(Date.UTC(2023, 1, 29)).toISOString() };
};
