// `Headers`: construction from an object, pairs, a Map and another Headers; case-insensitive
// get/has/set/delete; repeated values joined with ", "; sorted iteration with each set-cookie
// apart; live iterators; forEach's arguments; whitespace trimming; Node's TypeErrors.
function attempt(run) {
  try {
    return run();
  } catch (error) {
    return [error.name, error.message];
  }
}

export function GET() {
  const h = new Headers({ "X-B": "2", "x-a": "1" });
  h.append("X-A", "3");
  h.append("Set-Cookie", "s=1");
  h.append("set-cookie", "t=2");
  const log = [];
  h.forEach(function (value, name, owner) {
    log.push([name, value, owner === h, this === undefined ? "undefined" : String(this)]);
  }, "self");
  const iterator = h.keys();
  h.set("aa", "first");
  const fromPairs = new Headers([["b", "2"], ["A", 1]]);
  const copy = new Headers(h);
  copy.delete("X-B");
  return {
    entries: [...h],
    keys: [...iterator],
    values: [...h.values()],
    get: [h.get("x-a"), h.get("X-a"), h.get("set-cookie"), h.get("missing")],
    has: [h.has("X-B"), h.has("nope")],
    cookies: h.getSetCookie(),
    log,
    pairs: [...fromPairs.entries()],
    map: [...new Headers(new Map([["m", "v"]]))],
    copy: [...copy],
    original: h.has("x-b"),
    trimmed: new Headers({ t: " \t padded value \n" }).get("t"),
    nullish: [new Headers({ a: null, b: undefined }).get("a"), new Headers({ a: null, b: undefined }).get("b")],
    set: (() => {
      const s = new Headers([["set-cookie", "a=1"], ["set-cookie", "b=2"]]);
      s.set("Set-Cookie", "c=3");
      return [s.getSetCookie(), [...s]];
    })(),
    tags: [Object.prototype.toString.call(h), Object.prototype.toString.call(h.entries()), String(h), Object.keys(h), JSON.stringify(h)],
    empty: [...new Headers()],
    errors: [
      attempt(() => new Headers({ "bad name": "x" })),
      attempt(() => new Headers({ x: "a\nb" })),
      attempt(() => new Headers({ x: "a\u0000b" })),
      attempt(() => new Headers([["only-name"]])),
      attempt(() => new Headers([["a", "b", "c"]])),
      attempt(() => new Headers(5)),
      attempt(() => new Headers(null)),
      attempt(() => new Headers("a")),
      attempt(() => new Headers({ x: "✓" })),
      attempt(() => h.get("bad name")),
      attempt(() => h.has("")),
      attempt(() => h.set("x", "bad\r")),
      attempt(() => h.delete("a b")),
      attempt(() => h.append("(", "x")),
      attempt(() => h.forEach(5)),
    ],
    latin1: new Headers({ x: "é" }).get("x"),
  };
}
