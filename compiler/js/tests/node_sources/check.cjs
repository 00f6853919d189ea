// Compares our built-in module sources (loaded in Node by `load.cjs`) with Node's own
// modules on many inputs, and their export lists with `builtin_modules.rs`'s table (given as
// JSON in argv[2]: { module: [names] }). Prints one line per difference, then `N differences`.
// Run by `builtin_modules.rs`'s tests.
"use strict";

const { load } = require("./load.cjs");

let differences = 0;
function differ(...what) {
  differences++;
  if (differences <= 40) console.log(...what);
}

function outcome(run) {
  try {
    const value = run();
    const prototype = value !== null && typeof value === "object" ? Object.getPrototypeOf(value) === null : "";
    return JSON.stringify(value) + "|" + prototype;
  } catch (error) {
    return "throws " + JSON.stringify([error.name, error.code, error.message, String(error), Object.keys(error), error.operator, error.generatedMessage]);
  }
}

function compare(module, label, run) {
  const ours = outcome(() => run(load(module)));
  const node = outcome(() => run(require(module)));
  if (ours !== node) differ(module, label, "\n  ours", ours, "\n  node", node);
}

// path: every function on combinations of tricky segments.
{
  const atoms = ["", "/", "//", "a", "b", ".", "..", "...", ".a", "a.", "a.b", "a.b.c", "..a", "a..", "x.js", "/a", "a/", "./", "../", "/..", "/.", ".b.c"];
  const inputs = new Set(atoms);
  for (const a of atoms) for (const b of atoms) {
    inputs.add(`${a}/${b}`);
    inputs.add(a + b);
    for (const c of ["", "/", "x", "..", "."]) inputs.add(`${a}/${b}/${c}`);
  }
  for (const p of inputs) {
    for (const f of ["normalize", "dirname", "basename", "extname", "parse", "isAbsolute", "resolve"]) compare("path", `${f}(${JSON.stringify(p)})`, (m) => m[f](p));
    compare("path", `format(parse(${JSON.stringify(p)}))`, (m) => m.format(require("path").parse(p)));
    for (const s of ["", "b", ".c", "c", "a/b", "x.js", ".js", "/"]) compare("path", `basename(${JSON.stringify(p)}, ${JSON.stringify(s)})`, (m) => m.basename(p, s));
  }
  const some = [...inputs].slice(0, 120);
  for (const a of some) for (const b of some) {
    for (const f of ["join", "relative", "resolve"]) compare("path", `${f}(${JSON.stringify(a)}, ${JSON.stringify(b)})`, (m) => m[f](a, b));
  }
  for (const v of [1, null, undefined, {}, [], () => 1, function named() {}, true, "x".repeat(40), new Map()]) {
    compare("path", "join(a, v)", (m) => m.join("a", v));
    compare("path", "resolve(v)", (m) => m.resolve(v));
    compare("path", "resolve(/x, v)", (m) => m.resolve("/x", v));
    compare("path", "relative(v, a)", (m) => m.relative(v, "a"));
    compare("path", "basename(a, v)", (m) => m.basename("a", v));
    compare("path", "format(v)", (m) => m.format(v));
    compare("path", "dirname(v)", (m) => m.dirname(v));
  }
  for (const o of [{ name: "x", ext: "js" }, { root: "/", name: "x", ext: ".js" }, { dir: "/d", base: "b" }, {}]) compare("path", `format(${JSON.stringify(o)})`, (m) => m.format(o));
  compare("path", "posix", (m) => [m.posix === m, m.sep, m.delimiter]);
}

// querystring: parse/unescape/escape on pairs of tricky pieces, stringify on value kinds.
{
  const atoms = ["", "a", "=", "&", "+", "%", "%2", "%20", "%zz", "%E4", "%C3%28", "%ED%A0%80", "%F0%9F%98%80", "ü", "%41", "b=c", ";", ":", "%F4%90%80%80", "%C0%80", "%E0%80"];
  for (const a of atoms) for (const b of atoms) for (const c of ["", "&", "=", "x"]) {
    const s = a + c + b;
    const q = JSON.stringify(s);
    compare("querystring", `parse(${q})`, (m) => m.parse(s));
    compare("querystring", `parse(${q}, ";", ":")`, (m) => m.parse(s, ";", ":"));
    compare("querystring", `unescape(${q})`, (m) => m.unescape(s));
    compare("querystring", `unescape(${q}, true)`, (m) => m.unescape(s, true));
    compare("querystring", `escape(${q})`, (m) => m.escape(s));
    compare("querystring", `parse(${q}, maxKeys 1)`, (m) => m.parse(s, "&", "=", { maxKeys: 1 }));
    compare("querystring", `parse(${q}, custom decoder)`, (m) => m.parse(s, "&", "=", { decodeURIComponent: (x) => x.toUpperCase() }));
  }
  for (const s of ["é%", "x=é%", "a=1&b=2&a=3&&c&=d&e=f=g&+x+=%20y%zz&h=%E4%B8%AD&i=%E4"]) compare("querystring", `parse(${JSON.stringify(s)})`, (m) => m.parse(s));
  compare("querystring", "maxKeys counts empty pieces", (m) => m.parse("&&&a=1", "&", "=", { maxKeys: 2 }));
  compare("querystring", "multi-character separator", (m) => m.parse("a=1&&b", "&&", "="));
  compare("querystring", "parse(5)", (m) => m.parse(5));
  for (const o of [{ a: [1, 2], b: "x y", c: true, d: null, e: undefined, f: {}, g: NaN, h: 1e21, i: [], j: "ü€", k: -0, l: 1.5 }, "x", null, [1, 2], { "a b": ["", "c"] }]) {
    compare("querystring", `stringify(${JSON.stringify(o)})`, (m) => m.stringify(o));
    compare("querystring", `stringify(${JSON.stringify(o)}, ";", ":")`, (m) => m.stringify(o, ";", ":"));
    compare("querystring", `stringify(${JSON.stringify(o)}, custom encoder)`, (m) => m.stringify(o, null, null, { encodeURIComponent: (s) => `<${s}>` }));
  }
  for (const v of [{ toString() { return "x y"; } }, 12, undefined, null, "\ud800", true]) compare("querystring", `escape(${String(v)})`, (m) => m.escape(v));
}

// assert: the failure of each function, as Node reports it.
{
  const cases = [
    (a) => a.strictEqual(1, 2), (a) => a.strictEqual("a", "b"), (a) => a.strictEqual(1, "1"), (a) => a.strictEqual(0, -0),
    (a) => a.strictEqual("abcdef", "abcxef"), (a) => a.strictEqual("hello world", "hello"), (a) => a.strictEqual(null, undefined),
    (a) => a.strictEqual(1, 2, "mine"), (a) => a.strictEqual("hello world", "hello", "mine"), (a) => a.strictEqual(NaN, NaN),
    (a) => a.notStrictEqual(1, 1), (a) => a.notStrictEqual("x", "x", "m3"), (a) => a.equal(1, 2), (a) => a.equal(1, "1"), (a) => a.notEqual(1, "1"),
    (a) => a.equal(1, 2, "mine"), (a) => a.deepStrictEqual(1, 2), (a) => a.deepStrictEqual(1, 2, "mine"), (a) => a.deepStrictEqual({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] }),
    (a) => a.ok(1), (a) => a.ok(0, "custom"), (a) => a(0, "custom"), (a) => a(), (a) => a.fail(), (a) => a.fail("boom"),
    (a) => a.throws(() => {}), (a) => a.throws(() => {}, TypeError), (a) => a.throws(() => {}, TypeError, "msg"), (a) => a.throws(() => {}, "msg"),
    (a) => a.throws(() => { throw new TypeError("x"); }, TypeError), (a) => a.throws(() => { throw new Error("x"); }, RangeError),
    (a) => a.throws(() => { throw new Error("x"); }, /y/), (a) => a.throws(() => { throw new Error("x"); }, /x/), (a) => a.throws(() => { throw new Error("x"); }, () => false),
    (a) => a.throws(() => { throw new TypeError("x"); }, { name: "TypeError", message: "x" }), (a) => a.throws(1),
    (a) => a.doesNotThrow(() => { throw new Error("bad"); }), (a) => a.doesNotThrow(() => { throw new Error("bad"); }, "why"), (a) => a.doesNotThrow(() => 1),
    (a) => a.match("abc", /x/), (a) => a.match("abc", /b/), (a) => a.match(1, /x/), (a) => a.match("abc", "x"), (a) => a.doesNotMatch("abc", /b/),
    (a) => a.ifError(null), (a) => a.ifError(new Error("e1")), (a) => a.ifError("str"),
    (a) => a.deepStrictEqual(new Map([[1, { a: 1 }]]), new Map([[1, { a: 1 }]])), (a) => a.deepStrictEqual(new Set([{ a: 1 }, 2]), new Set([2, { a: 1 }])),
    (a) => a.deepEqual({ a: 1 }, { a: "1" }), (a) => a.deepStrictEqual(new Date(5), new Date(5)),
    (a) => a.deepStrictEqual(/a/g, /a/i), (a) => a.deepStrictEqual(-0, 0), (a) => a.deepEqual(-0, 0), (a) => a.deepStrictEqual(NaN, NaN),
    (a) => a.strict.equal(1, "1"), (a) => a.strict.strict(0, "s"),
    (a) => { throw new a.AssertionError({ message: "m", actual: 1, expected: 2, operator: "op" }); },
    (a) => { throw new a.AssertionError({ actual: 1, expected: 2, operator: "strictEqual" }); },
  ];
  for (const run of cases) compare("assert", run.toString(), run);
}

// util: deep equality, argument errors, inherits.
{
  const cases = [
    (u) => u.isDeepStrictEqual({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] }), (u) => u.isDeepStrictEqual([1], ["1"]), (u) => u.isDeepStrictEqual(NaN, NaN),
    (u) => u.isDeepStrictEqual(0, -0), (u) => u.isDeepStrictEqual(new Map([[1, 2]]), new Map([[1, 3]])), (u) => u.isDeepStrictEqual(new Set([{}, 1]), new Set([1, {}])),
    (u) => u.isDeepStrictEqual(Object.create(null), {}), (u) => u.isDeepStrictEqual([1, , 2], [1, undefined, 2]), (u) => u.isDeepStrictEqual(new Date(1), new Date(1)),
    (u) => u.isDeepStrictEqual({ a: undefined }, {}), (u) => u.isDeepStrictEqual(new Error("a"), new Error("b")), (u) => u.isDeepStrictEqual(/a/g, /a/g),
    (u) => { const a = { x: 1 }; a.self = a; const b = { x: 1 }; b.self = b; return u.isDeepStrictEqual(a, b); },
    (u) => u.promisify(1), (u) => u.callbackify("x"), (u) => u.inherits(null, Object), (u) => u.inherits(function () {}, {}),
    (u) => [u.types.isDate(new Date()), u.types.isDate({}), u.types.isRegExp(/x/), u.types.isPromise(Promise.resolve()), u.types.isPromise({ then() {} })],
    (u) => { function A() {} function B() {} u.inherits(A, B); return [Object.getPrototypeOf(A.prototype) === B.prototype, A.super_ === B, new A() instanceof B]; },
    (u) => { const f = u.deprecate((x) => x * 2, "old", "DEP1"); return [f(2), f(3)]; },
    (u) => [u.format("%s=%d %j %%", "a", "4", { b: 1 }), u.format(1, "x"), u.inspect({ a: { b: { c: { d: 1 } } } })],
  ];
  for (const run of cases) compare("util", run.toString(), run);
}

// events: one scenario through every method, compared as a log.
{
  const scenario = (E) => {
    const log = [];
    const e = new E();
    log.push(Object.keys(e), JSON.stringify(e));
    const a = (x) => log.push(`a${x}`);
    const b = (x) => log.push(`b${x}`);
    e.on("newListener", (t, l) => log.push(`new ${t} ${l === a}`));
    e.on("removeListener", (t, l) => log.push(`removed ${t} ${l === a}`));
    e.on("x", a); e.prependListener("x", b); e.once("x", a); e.prependOnceListener("x", b);
    log.push(e.listenerCount("x"), e.listeners("x").map((f) => (f === a ? "a" : "b")), e.rawListeners("x").length, e.eventNames(), JSON.stringify(e));
    log.push(e.emit("x", 1), e.emit("x", 2), e.emit("nothing"));
    e.off("x", a);
    log.push(e.listenerCount("x"), JSON.stringify(e));
    e.removeListener("x", () => {});
    e.removeAllListeners("x");
    log.push(e.eventNames());
    e.removeAllListeners();
    log.push(e.eventNames(), JSON.stringify(e));
    for (const v of [undefined, "boom", { a: 1 }, new TypeError("t")]) {
      try { e.emit("error", v); } catch (x) { log.push([x.name, x.code, x.message, String(x), Object.keys(x), x.context === v]); }
    }
    for (const run of [() => e.on("x", 1), () => e.setMaxListeners(-1), () => e.setMaxListeners("a")]) {
      try { run(); } catch (x) { log.push([x.name, x.code, x.message, String(x)]); }
    }
    log.push(e.getMaxListeners(), e.setMaxListeners(3) === e, e.getMaxListeners(), E.defaultMaxListeners, typeof E.once, E.EventEmitter === E);
    class Sub extends E { constructor() { super(); this.name = "sub"; } fire() { return this.emit("go", this.name); } }
    const s = new Sub();
    s.on("go", function (n) { log.push(n, this === s); });
    log.push(s.fire(), Object.keys(s), s instanceof E);
    const f = () => {};
    const m = new E();
    m.on("y", f); m.on("y", f); m.removeListener("y", f);
    log.push(m.listenerCount("y"), m.listenerCount("y", f));
    return log;
  };
  compare("events", "scenario", scenario);
}

// AbortController/AbortSignal (the globals `internal/abort.js` implements).
{
  const scenario = ({ AbortController, AbortSignal }) => {
    const log = [];
    const c = new AbortController();
    const s = c.signal;
    const l1 = (e) => log.push(["l1", e.type, e.target === s, s.aborted]);
    s.addEventListener("abort", l1);
    s.addEventListener("abort", l1);
    s.onabort = (e) => log.push(["on", e.type]);
    s.addEventListener("abort", function () { log.push(["l2", this === s]); }, { once: true });
    const gone = () => log.push("gone");
    s.addEventListener("abort", gone);
    s.removeEventListener("abort", gone);
    log.push(s.aborted, s.reason, Object.keys(c), Object.keys(s), typeof s.onabort);
    c.abort();
    log.push(s.aborted, s.reason.name, s.reason.message, s.reason.code, s.reason instanceof Error, String(s.reason), Object.keys(s.reason));
    c.abort("again");
    log.push(s.reason.name);
    try { s.throwIfAborted(); } catch (e) { log.push(["thrown", e.name, e === s.reason]); }
    log.push(AbortSignal.abort("why").reason);
    try { new AbortSignal(); } catch (e) { log.push([e.name, e.code, e.message]); }
    try { AbortSignal.timeout("x"); } catch (e) { log.push([e.name, e.code, e.message]); }
    return log;
  };
  const ours = outcome(() => scenario(load("internal/abort")));
  const node = outcome(() => scenario(globalThis));
  if (ours !== node) differ("abort", "scenario", "\n  ours", ours, "\n  node", node);
}

// Headers (`internal/fetch/headers.js`) against Node's (undici's) on 3,000 random sequences of
// operations: names in several cases, invalid names, values with surrounding whitespace, CR,
// NUL, latin1 and wider characters, set-cookie; each result, thrown error and the iteration.
{
  let seed = 20260304;
  const random = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = (list) => list[Math.floor(random() * list.length)];
  const names = ["a", "A", "x-id", "X-Id", "set-cookie", "Set-Cookie", "content-type", "b", "bad name", "", "é", "x(y", "tok!#$%&'*+-.^_`|~9"];
  const values = ["1", "two", " padded ", "\tx\t", "a, b", "", "a\nb", "a\rb", "a\u0000b", "café", "✓", "x=1; Path=/", "  "];
  const operations = ["append", "set", "delete", "get", "has", "getSetCookie", "entries", "keys", "values", "forEach"];
  const run = (Headers, steps) => {
    const log = [];
    const attempt = (thunk) => {
      try { log.push(thunk()); } catch (e) { log.push([e.name, e.message]); }
    };
    let h;
    attempt(() => { h = new Headers(steps.init); return "made"; });
    if (h === undefined) return log;
    for (const [operation, name, value] of steps.operations) {
      if (operation === "append" || operation === "set") attempt(() => h[operation](name, value));
      else if (operation === "delete" || operation === "get" || operation === "has") attempt(() => h[operation](name));
      else if (operation === "getSetCookie") attempt(() => h.getSetCookie());
      else if (operation === "forEach") attempt(() => { const seen = []; h.forEach((v, k) => seen.push(k, v)); return seen; });
      else attempt(() => [...h[operation]()]);
    }
    log.push([...h]);
    return log;
  };
  for (let i = 0; i < 3000; i++) {
    const initKind = pick(["none", "object", "pairs", "bad"]);
    const pairs = Array.from({ length: Math.floor(random() * 4) }, () => [pick(names), pick(values)]);
    const init =
      initKind === "none" ? undefined
      : initKind === "object" ? Object.fromEntries(pairs)
      : initKind === "pairs" ? pairs
      : pick([5, "s", null, [["only"]], [[1, 2, 3]]]);
    const steps = {
      init,
      operations: Array.from({ length: 1 + Math.floor(random() * 8) }, () => [pick(operations), pick(names), pick(values)]),
    };
    const ours = outcome(() => run(load("internal/fetch/headers").Headers, steps));
    const node = outcome(() => run(globalThis.Headers, steps));
    if (ours !== node) {
      differ("Headers", JSON.stringify(steps), "\n  ours", ours, "\n  node", node);
      break;
    }
  }
}

// Export lists: the table's names are our module's keys, and Node's module has each of them.
const table = JSON.parse(process.argv[2] || "{}");
for (const [name, listed] of Object.entries(table)) {
  const ours = Object.keys(load(name)).sort();
  const wanted = [...listed].sort();
  if (JSON.stringify(ours) !== JSON.stringify(wanted)) differ(name, "exports", "\n  ours ", ours.join(","), "\n  table", wanted.join(","));
  const missing = wanted.filter((key) => !(key in require(name)));
  if (missing.length > 0) differ(name, "exports Node lacks:", missing.join(","));
}

console.log(`${differences} differences`);
