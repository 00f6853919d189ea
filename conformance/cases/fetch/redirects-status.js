// Redirects (followed, chained, 303 and 301 turning a POST into a GET without its body, 307
// keeping it, `redirect: "manual"`), and statuses: 404 and 500 are responses (not rejections),
// 204 has no body, a custom reason phrase, `set-cookie` and repeated headers.
const base = process.env.CONFORMANCE_UPSTREAM;

async function summary(response) {
  return {
    status: response.status,
    ok: response.ok,
    statusText: response.statusText,
    redirected: response.redirected,
    url: response.url.replace(base, "<upstream>"),
    location: response.headers.get("location"),
    body: await response.text(),
  };
}

module.exports = async () => {
  const cookies = await fetch(`${base}/cookies`);
  const headers = [...cookies.headers].filter(([name]) => name !== "date" && name !== "keep-alive" && name !== "connection");
  return {
    chain: await summary(await fetch(`${base}/redirect/3`)),
    fragment: await summary(await fetch(`${base}/text#section`)),
    twenty: await summary(await fetch(`${base}/redirect/20`)),
    see: await summary(await fetch(`${base}/redirect-code/303`, { method: "POST", body: "gone", headers: { "x-kept": "1" } })),
    moved: await summary(await fetch(`${base}/redirect-code/301`, { method: "POST", body: "gone" })),
    found: await summary(await fetch(`${base}/redirect-code/302`, { method: "PUT", body: "kept" })),
    temporary: await summary(await fetch(`${base}/redirect-code/307`, { method: "POST", body: "kept" })),
    permanent: await summary(await fetch(`${base}/redirect-code/308`, { method: "DELETE" })),
    manual: await summary(await fetch(`${base}/redirect/2`, { redirect: "manual" })),
    notFound: await summary(await fetch(`${base}/status/404`)),
    failed: await summary(await fetch(`${base}/status/500`)),
    noContent: await summary(await fetch(`${base}/status/204`)),
    reason: await summary(await fetch(`${base}/reason`)),
    cookies: {
      headers,
      joined: cookies.headers.get("set-cookie"),
      list: cookies.headers.getSetCookie(),
      multi: cookies.headers.get("X-MULTI"),
      mixed: cookies.headers.get("x-mixed-case"),
    },
  };
};
