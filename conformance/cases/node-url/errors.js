// Invalid URLs and URLSearchParams tuples: Node's TypeErrors and codes.
module.exports = () => {
  const attempt = (f) => {
    try {
      return f();
    } catch (e) {
      return `${e.name}: ${e.message} (${e.code})`;
    }
  };
  return [
    attempt(() => new URL("nope")),
    attempt(() => new URL("/relative")),
    attempt(() => new URL("/p", "not a base")),
    attempt(() => new URL("http://exa mple.com")),
    attempt(() => new URLSearchParams([["a"]])),
    attempt(() => new URLSearchParams().get()),
    attempt(() => new URLSearchParams().append("a")),
    (() => { try { new URL("bad"); } catch (e) { return e.input; } })(),
  ];
};
