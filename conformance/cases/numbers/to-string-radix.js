exports.handler = () => [
  (255).toString(16), (255).toString(2), (255).toString(8), (35).toString(36), (-255).toString(16),
  (0.5).toString(2), (0.1).toString(3), (3.75).toString(16), (1e21).toString(36), (0).toString(2),
  (123).toString(), (-0).toString(16), (2 ** 53).toString(32), (NaN).toString(2),
];
