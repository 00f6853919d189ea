// Repeated float addition drifts exactly as in IEEE 754 doubles.
export default function () {
  let x = 0;
  const steps = [];
  for (let i = 0; i < 10; i++) {
    x += 0.1;
    steps.push(x);
  }
  return { steps, final: x, equalsOne: x === 1, fixed: x.toFixed(10) };
}
