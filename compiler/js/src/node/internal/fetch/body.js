// The bodies of `Request` and `Response`, as JavaScript of our own (Node 20's undici): what a
// body given to a constructor becomes (bytes and, for some, a content type), and reading it
// once with `text()`, `json()`, `arrayBuffer()` or `bytes()`.
//
//   new Response("hi")                       → bytes of "hi", "text/plain;charset=UTF-8"
//   new Response(new URLSearchParams("a=1")) → "a=1", "application/x-www-form-urlencoded;charset=UTF-8"
//   new Response(new Uint8Array([1]))        → a copy of the bytes, no content type
//   await res.text(); await res.text()       → TypeError: Body is unusable: Body has already been read
//
// A body is held whole, as bytes (`{ bytes, used }`, or `null` for none): a fetched response's
// arrives complete before `fetch` resolves. Streams are not modelled: the `body` property
// throws a TypeError saying so, and a `ReadableStream`, `Blob` or `FormData` body is refused.
"use strict";

const encoder = new TextEncoder();

// The body `init` describes, and the content type it implies (`null` for none).
function extractBody(value) {
  if (typeof value === "string") {
    return { body: { bytes: encoder.encode(value), used: false }, type: "text/plain;charset=UTF-8" };
  }
  if (value instanceof URLSearchParams) {
    return {
      body: { bytes: encoder.encode(value.toString()), used: false },
      type: "application/x-www-form-urlencoded;charset=UTF-8",
    };
  }
  if (value instanceof ArrayBuffer) {
    return { body: { bytes: new Uint8Array(value.slice(0)), used: false }, type: null };
  }
  if (ArrayBuffer.isView(value)) {
    const bytes = new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
    return { body: { bytes: bytes.slice(), used: false }, type: null };
  }
  // Anything else is converted to a string, as WebIDL's union does.
  return { body: { bytes: encoder.encode(String(value)), used: false }, type: "text/plain;charset=UTF-8" };
}

// Takes the bytes of `body` (`null`: empty), marking it read; a second read is refused.
function takeBytes(body) {
  if (body === null) {
    return new Uint8Array(0);
  }
  if (body.used) {
    throw new TypeError("Body is unusable: Body has already been read");
  }
  body.used = true;
  return body.bytes;
}

// The promise of reading `body` as `kind`; a refusal is a rejection, as in Node.
function consume(body, kind) {
  return new Promise((resolve) => {
    const bytes = takeBytes(body);
    if (kind === "text") {
      resolve(new TextDecoder().decode(bytes));
    } else if (kind === "json") {
      resolve(JSON.parse(new TextDecoder().decode(bytes)));
    } else if (kind === "arrayBuffer") {
      resolve(bytes.slice().buffer);
    } else {
      resolve(bytes.slice());
    }
  });
}

function copyBody(body) {
  return body === null ? null : { bytes: body.bytes, used: body.used };
}

function streamsUnsupported(owner) {
  throw new TypeError(
    `${owner}.body as a ReadableStream is not supported by Backworks: read it with text(), json(), arrayBuffer() or bytes()`,
  );
}

module.exports = { extractBody, consume, copyBody, streamsUnsupported };
