// `Request` and `Response` built by hand (no network): their members and defaults, bodies of
// every kind with the content types they imply, reading a body once, clone(), Response.json,
// Response.error, Response.redirect, and Node's errors for bad statuses, methods and URLs.
function attempt(run) {
  try {
    return run();
  } catch (error) {
    return [error.name, error.message, error.cause ? [error.cause.name, error.cause.message, error.cause.code] : null];
  }
}

async function rejection(promise) {
  try {
    return ["resolved", await promise];
  } catch (error) {
    return [error.name, error.message];
  }
}

module.exports = async function handler() {
  const request = new Request("http://api.example/items?x=1#frag", {
    method: "post",
    body: JSON.stringify({ a: 1 }),
    headers: { "Content-Type": "application/json", "X-Id": "7" },
  });
  const copied = request.clone();
  const members = {
    method: request.method,
    url: request.url,
    headers: [...request.headers],
    redirect: request.redirect,
    bodyUsed: request.bodyUsed,
    signal: [typeof request.signal, request.signal.aborted],
    fixed: [request.cache, request.credentials, request.mode, request.destination, request.referrer, request.referrerPolicy, request.integrity, request.keepalive],
    json: await request.json(),
    usedAfter: request.bodyUsed,
    again: await rejection(request.text()),
    clone: await copied.text(),
    cloneUsed: attempt(() => request.clone()),
    tag: Object.prototype.toString.call(request),
    keys: Object.keys(request),
  };
  const methods = ["get", "Post", "delete", "patch", "options", "head", "put", "CUSTOM"].map((method) => new Request("http://x/", { method }).method);
  const types = [
    new Request("http://x/", { method: "POST", body: "s" }),
    new Request("http://x/", { method: "POST", body: new URLSearchParams("a=1&b=2") }),
    new Request("http://x/", { method: "POST", body: new Uint8Array([1, 2]) }),
    new Request("http://x/", { method: "POST", body: { toString: () => "object" } }),
    new Request("http://x/", { method: "POST", body: "s", headers: { "content-type": "custom/type" } }),
  ].map((r) => r.headers.get("content-type"));
  const fromRequest = new Request(new Request("http://x/base", { method: "PUT", body: "moved", headers: { a: "1" } }), { redirect: "manual" });

  const response = new Response("hello ✓", { status: 201, statusText: "Made", headers: { "X-R": "r" } });
  const responseMembers = [response.status, response.statusText, response.ok, response.type, response.url, response.redirected, [...response.headers], response.bodyUsed];
  const text = await response.text();
  const json = Response.json({ list: [1, 2] }, { status: 202, headers: { "x-j": "j" } });
  const error = Response.error();
  const redirect = Response.redirect("http://x/target?y", 307);
  const bom = new Response(new Uint8Array([0xef, 0xbb, 0xbf, 0x68, 0x69, 0xff]));
  const clone = new Response("twice");
  const second = clone.clone();
  return {
    members,
    methods,
    types,
    fromRequest: [fromRequest.method, fromRequest.url, fromRequest.redirect, [...fromRequest.headers], await fromRequest.text()],
    response: responseMembers,
    text,
    defaults: [new Response().status, new Response().statusText, new Response().ok, [...new Response(null).headers], await new Response(null).text(), new Response(null).bodyUsed],
    json: [json.status, [...json.headers], await json.json()],
    error: [error.status, error.type, error.ok, error.statusText, error.url, [...error.headers], attempt(() => error.headers.set("x", "1"))],
    redirect: [redirect.status, redirect.headers.get("location"), attempt(() => redirect.headers.append("x", "1"))],
    bom: await bom.text(),
    bytes: [...(await new Response("ab").bytes())],
    buffer: (await new Response(new Uint8Array([5, 6]).buffer).arrayBuffer()).byteLength,
    clones: [await clone.text(), await second.text(), attempt(() => clone.clone())],
    badJson: await rejection(new Response("{oops").json()),
    statuses: [new Response("x", { status: 299.9 }).status, new Response("x", { status: "404" }).status],
    errors: [
      attempt(() => new Response("x", { status: 99 })),
      attempt(() => new Response("x", { status: 600 })),
      attempt(() => new Response("x", { status: 204 })),
      attempt(() => new Response("x", { statusText: "bad\n" })),
      attempt(() => Response.json(undefined)),
      attempt(() => Response.redirect("/relative")),
      attempt(() => Response.redirect("http://x/", 200)),
      attempt(() => new Request("/relative")),
      attempt(() => new Request("http://x/", { method: "GET", body: "no" })),
      attempt(() => new Request("http://x/", { method: "TRACE" })),
      attempt(() => new Request("http://x/", { method: "two words" })),
      attempt(() => new Request("http://x/", { redirect: "nope" })),
      attempt(() => new Request("http://x/", { signal: {} })),
      attempt(() => new Request("http://u:p@x/")),
      attempt(() => new Request("http://x/", 5)),
      attempt(() => new Response("x", "init")),
    ],
  };
};
