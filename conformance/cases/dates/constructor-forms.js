module.exports = () => {
  const dates = [
    new Date(0), new Date(1e12), new Date(-1), new Date("2024-02-29"), new Date("2024-02-29T12:34:56Z"),
    new Date("2024-02-29T12:34:56.789+02:00"), new Date("2024-02-29T12:34:56"), new Date(2024, 0, 31), new Date(2024, 0, 31, 23, 59, 59, 999),
    new Date(2024, 13, 1), new Date(2024, 1, 30), new Date(99, 0), new Date(Date.UTC(2000, 0, 1)), new Date(new Date(5)), new Date("2024-06"), new Date("2024"),
  ];
  return dates.map((d) => d.toISOString());
};
