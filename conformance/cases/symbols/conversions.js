// Converting a symbol to a string or a number throws V8's TypeErrors; String() does not.
function attempt(f) {
  try {
    return f();
  } catch (e) {
    return `${e.name}: ${e.message}`;
  }
}

export default function handler(req) {
  const s = Symbol("x");
  return [
    attempt(() => `${s}`),
    attempt(() => "" + s),
    attempt(() => s + 1),
    attempt(() => +s),
    attempt(() => s * 2),
    attempt(() => Number(s)),
    attempt(() => s < 1),
    attempt(() => [s].join(",")),
    attempt(() => new Symbol()),
    attempt(() => new Symbol("x")),
    attempt(() => Symbol.keyFor("x")),
    attempt(() => Symbol(Symbol("inner"))),
    attempt(() => String(s)),
    attempt(() => s.toString()),
    attempt(() => JSON.stringify(s)),
    attempt(() => JSON.stringify({ s, a: 1 })),
    attempt(() => JSON.stringify([s, 1])),
    attempt(() => s == "Symbol(x)"),
    attempt(() => Object.keys(s)),
    attempt(() => isNaN(s)),
    attempt(() => parseInt(s)),
    attempt(() => Math.max(s)),
  ];
}
