function handler() {
  const a = 17, b = 5;
  return { add: a + b, sub: a - b, mul: a * b, div: a / b, mod: a % b, pow: a ** 2, neg: -a, plus: +"3", negMod: -17 % 5, powAssoc: 2 ** 3 ** 2, negPow: (-2) ** 3, fracPow: 8 ** (1 / 3), divZero: [String(1 / 0), String(-1 / 0), String(0 / 0)] };
}
