function handler() {
  return [
    (123.456).toPrecision(4), (0.000123).toPrecision(2), (123456).toPrecision(2), (1.5).toPrecision(1),
    (2.5).toPrecision(1), (1).toPrecision(5), (1e21).toPrecision(3), (99.99).toPrecision(3),
    (0).toPrecision(3), (-1.005).toPrecision(3), (123.456).toPrecision(), (1e-7).toPrecision(2),
  ];
}
