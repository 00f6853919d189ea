// Everyday handler idioms together: verifying an HMAC webhook signature with timingSafeEqual,
// a base64url token, an ETag from a hash, and reading the request URL with URL/searchParams.
import crypto from "node:crypto";
import { URL } from "node:url";

// @request POST {"event": "paid", "amount": 42}
// @request GET ?page=2&tag=a&tag=b

const secret = "whsec_test";

function sign(payload) {
  return "sha256=" + crypto.createHmac("sha256", secret).update(payload).digest("hex");
}

function verify(payload, header) {
  const expected = Buffer.from(sign(payload));
  const given = Buffer.from(header);
  return expected.length === given.length && crypto.timingSafeEqual(expected, given);
}

export default function handler(req) {
  if (req.method === "POST") {
    const payload = JSON.stringify(req.body);
    const signature = sign(payload);
    const token = Buffer.from(JSON.stringify({ sub: "u1", event: req.body.event })).toString("base64url");
    const decoded = JSON.parse(Buffer.from(token, "base64url").toString("utf8"));
    return {
      status: 201,
      headers: { etag: `"${crypto.createHash("sha1").update(payload).digest("base64")}"` },
      body: { signature, valid: verify(payload, signature), tampered: verify(payload + " ", signature), token, decoded },
    };
  }
  const url = new URL(req.path + "?" + new URLSearchParams(req.query_params), "http://localhost");
  url.searchParams.set("page", String(Number(url.searchParams.get("page")) + 1));
  const keys = [];
  for (const key in new Uint8Array(2)) keys.push(key);
  return { next: url.pathname + url.search, host: url.host, keys };
}
