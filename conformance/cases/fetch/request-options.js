// What `fetch` sends: methods (normalised or kept as written), query strings, headers given as
// an object, pairs or a `Headers`, and bodies — a string, JSON text, `URLSearchParams`, a
// `Uint8Array`, an `ArrayBuffer` — with the content type each implies unless one is given.
// The upstream echoes the method, path, query, body and the chosen request headers.
const base = process.env.CONFORMANCE_UPSTREAM;

async function echo(path, init) {
  const response = await fetch(`${base}${path}`, init);
  return response.json();
}

export async function GET() {
  return [
    await echo("/echo?a=1&b=two%20words"),
    await echo("/echo/nested/path", { method: "delete", headers: { "X-Trace": "abc", Accept: "application/json" } }),
    await echo("/echo", { method: "POST", body: "plain text" }),
    await echo("/echo", {
      method: "POST",
      body: JSON.stringify({ title: "hi", n: 1 }),
      headers: [["content-type", "application/json"], ["x-one", "1"], ["x-one", "2"]],
    }),
    await echo("/echo", { method: "PUT", body: new URLSearchParams({ q: "a b", r: "&" }) }),
    await echo("/echo", { method: "PATCH", body: new Uint8Array([104, 105]), headers: new Headers({ "x-bytes": "yes" }) }),
    await echo("/echo", { method: "post", body: new TextEncoder().encode("buffer").buffer }),
    await echo("/echo", { method: "POST", body: "", headers: { authorization: "Bearer t0k3n" } }),
    await echo("/echo", { method: "OPTIONS", headers: { "x-padded": "  spaced  ", "x-latin": "café" } }),
    await echo("/echo", { method: "POST" }),
    await (await fetch(new Request(`${base}/echo?from=request`, { method: "POST", body: "from a Request", headers: { "x-req": "1" } }))).json(),
    await (await fetch(new Request(`${base}/echo`, { method: "POST", body: "overridden" }), { method: "PUT", headers: { "x-init": "2" } })).json(),
    await (await fetch(new URL("/echo?from=url", base))).json(),
    await echo("/echo", { method: "PUT", body: null }),
  ];
}
