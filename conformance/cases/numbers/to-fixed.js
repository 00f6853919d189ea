export default function handler() {
  return [
    (1.005).toFixed(2), (1.45).toFixed(1), (1.55).toFixed(1), (0).toFixed(2), (123.456).toFixed(0),
    (0.5).toFixed(0), (1.5).toFixed(0), (2.5).toFixed(0), (-1.5).toFixed(0), (1e21).toFixed(2),
    (1234.5678).toFixed(3), (0.000001).toFixed(7), (-0).toFixed(1), (NaN).toFixed(2), (10).toFixed(20),
    (8.345).toFixed(2), (Infinity).toFixed(1),
  ];
}
