// `fetch` of JSON, text and bytes from the upstream: status, ok, statusText, url, redirected,
// type, the body read as json(), text() (UTF-8), arrayBuffer() and bytes(), and bodyUsed.
const base = process.env.CONFORMANCE_UPSTREAM;

module.exports = async function handler() {
  const out = {};
  const json = await fetch(`${base}/json`);
  out.json = {
    status: json.status,
    ok: json.ok,
    statusText: json.statusText,
    url: json.url === `${base}/json`,
    redirected: json.redirected,
    type: json.type,
    contentType: json.headers.get("content-type"),
    usedBefore: json.bodyUsed,
    body: await json.json(),
    usedAfter: json.bodyUsed,
  };
  out.classes = [json instanceof Response, json.headers instanceof Headers, typeof fetch, typeof Headers, typeof Request, typeof Response];
  const text = await fetch(`${base}/text`);
  out.text = [text.status, await text.text(), text.headers.get("Content-Type")];
  const bytes = await fetch(`${base}/bytes`);
  const buffer = await bytes.arrayBuffer();
  const view = new Uint8Array(buffer);
  out.bytes = [buffer instanceof ArrayBuffer, buffer.byteLength, view[0], view[127], view[255]];
  const again = await fetch(`${base}/bytes`);
  const array = await again.bytes();
  out.array = [array instanceof Uint8Array, array.length, array[200]];
  const original = await fetch(`${base}/json`);
  const copy = original.clone();
  out.clone = [await original.text(), await copy.json(), copy.url === original.url, copy.status, copy.type, copy.headers.get("content-type")];
  out.cloneHeaders = (() => {
    try {
      copy.headers.set("x", "1");
      return "mutable";
    } catch (error) {
      return [error.name, error.message];
    }
  })();
  const decoded = await (await fetch(`${base}/bytes`)).text();
  out.decoded = [decoded.length, decoded.charCodeAt(0), decoded.charCodeAt(200)];
  return out;
};
