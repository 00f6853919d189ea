// URLSearchParams: constructors, every method, form-urlencoded serialisation, and its live
// link to a URL's search.
const { URL: ModuleURL, URLSearchParams: ModuleParams } = require("url");
module.exports = () => {
  const params = new URLSearchParams("?a=1&b=x+y&a=2&c=%F0%9F%98%80&d");
  const seen = [];
  params.forEach((value, key) => seen.push(`${key}=${value}`));
  const built = new URLSearchParams({ q: "a b&c=d", n: 5, e: "é~*-._!'()" });
  const pairs = new URLSearchParams([["x", "1"], ["x", "2"], ["y", ""]]);
  pairs.append("z", "last");
  pairs.set("x", "only");
  pairs.delete("y");
  const sorted = new URLSearchParams("c=3&a=2&b=1&a=1");
  sorted.sort();
  const url = new ModuleURL("https://example.com/?keep=1");
  url.searchParams.append("added", "yes please");
  const afterAppend = url.href;
  url.search = "?replaced=1";
  const linked = url.searchParams.get("replaced");
  url.searchParams.delete("replaced");
  return {
    get: [params.get("a"), params.get("b"), params.get("c"), params.get("d"), params.get("missing")],
    getAll: params.getAll("a"),
    has: [params.has("a"), params.has("a", "2"), params.has("a", "3"), params.has("zzz")],
    size: params.size,
    seen,
    keys: [...params.keys()],
    values: [...params.values()],
    entries: [...params.entries()],
    spread: [...new URLSearchParams("k=v")],
    built: built.toString(),
    pairs: pairs.toString(),
    sorted: sorted.toString(),
    copy: new ModuleParams(params).toString(),
    deleteValue: (() => { const p = new URLSearchParams("a=1&a=2"); p.delete("a", "1"); return p.toString(); })(),
    afterAppend,
    linked,
    emptied: url.href,
    string: String(new URLSearchParams("a=1")),
    json: JSON.stringify(new URLSearchParams("a=1")),
    same: ModuleURL === URL,
  };
};
