// Defaults apply only for undefined and are evaluated lazily.
export default function () {
  let calls = 0;
  const make = () => ++calls;
  const { a = make(), b = make(), c = make() } = { a: null, b: undefined, c: 0 };
  const [x = make(), y = make()] = [undefined, false];
  return { a, b, c, x, y, calls };
}
