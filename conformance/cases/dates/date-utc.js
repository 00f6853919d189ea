module.exports = () => [
  Date.UTC(2024, 0, 1), Date.UTC(2024, 1, 29, 12, 30, 15, 500), Date.UTC(1970), Date.UTC(2024, 12), Date.UTC(2024, 0, 0), Date.UTC(2024, 0, 1, 25), Date.UTC(-1, 0), Date.UTC(0, 0), Date.UTC(99, 5), String(Date.UTC(2024, "x")),
];
