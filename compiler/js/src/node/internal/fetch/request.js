// The `Request` global, as JavaScript of our own (Node 20's undici): a method, a URL, headers,
// a body read once, a redirect mode and a signal, checked as Node checks them.
//
//   new Request("https://api.example/x", { method: "post", body: "hi" })
//     → method "POST", headers content-type "text/plain;charset=UTF-8"
//   new Request("/relative")   → TypeError: Failed to parse URL from /relative
//
// `fetch` takes its arguments through `new Request`, so its checks are these. The fixed
// members a server has no use for (`cache`, `mode`, `credentials`, …) answer Node's defaults.
"use strict";

const { AbortController, AbortSignal } = require("node:internal/abort");
const { Headers, headerList, byteString } = require("node:internal/fetch/headers");
const { extractBody, consume, copyBody, streamsUnsupported } = require("node:internal/fetch/body");

const states = new WeakMap();

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const NORMALIZED = ["DELETE", "GET", "HEAD", "OPTIONS", "POST", "PUT"];
const REDIRECTS = ["follow", "manual", "error"];

function stateOf(request) {
  const state = states.get(request);
  if (state === undefined) {
    throw new TypeError("Illegal invocation");
  }
  return state;
}

// `new URL(input)` as undici words its failure.
function parseUrl(input) {
  try {
    return new URL(input);
  } catch (error) {
    throw new TypeError(`Failed to parse URL from ${input}`, { cause: error });
  }
}

function normalizeMethod(method) {
  if (!TOKEN.test(method)) {
    throw new TypeError(`'${method}' is not a valid HTTP method.`);
  }
  const upper = method.toUpperCase();
  if (upper === "CONNECT" || upper === "TRACE" || upper === "TRACK") {
    throw new TypeError(`'${method}' HTTP method is unsupported.`);
  }
  return NORMALIZED.includes(upper) ? upper : method;
}

function isSignal(value) {
  return value instanceof AbortSignal;
}

class Request {
  constructor(input, init) {
    if (init === undefined || init === null) {
      init = {};
    } else if (typeof init !== "object" && typeof init !== "function") {
      throw new TypeError(`Request constructor: Expected ${String(init)} to be one of: Null, Undefined, Object.`);
    }
    let source = null;
    let url;
    if (input instanceof Request) {
      source = stateOf(input);
      url = source.url;
    } else {
      const parsed = parseUrl(String(input));
      if (parsed.username !== "" || parsed.password !== "") {
        throw new TypeError(`Request cannot be constructed from a URL that includes credentials: ${input}`);
      }
      url = parsed.href;
    }
    let method = source === null ? "GET" : source.method;
    if (init.method !== undefined) {
      method = normalizeMethod(byteString(init.method));
    }
    let redirect = source === null ? "follow" : source.redirect;
    if (init.redirect !== undefined) {
      const mode = String(init.redirect);
      if (!REDIRECTS.includes(mode)) {
        throw new TypeError(`Request constructor: ${mode} is not an accepted type. Expected one of follow, manual, error.`);
      }
      redirect = mode;
    }
    let signal = source === null ? null : source.signal;
    if (init.signal !== undefined) {
      if (init.signal !== null && !isSignal(init.signal)) {
        throw new TypeError("Failed to construct 'Request': member signal is not of type AbortSignal.");
      }
      signal = init.signal;
    }
    const headers = new Headers(init.headers !== undefined ? init.headers : source === null ? undefined : headerList(source.headers));
    const initBody = init.body === undefined ? null : init.body;
    if ((initBody !== null || (source !== null && source.body !== null)) && (method === "GET" || method === "HEAD")) {
      throw new TypeError("Request with GET/HEAD method cannot have body.");
    }
    let body = null;
    if (initBody !== null) {
      const extracted = extractBody(initBody);
      body = extracted.body;
      if (extracted.type !== null && !headers.has("content-type")) {
        headers.append("content-type", extracted.type);
      }
    } else if (source !== null && source.body !== null) {
      if (source.body.used) {
        throw new TypeError("Cannot construct a Request with a Request object that has already been used.");
      }
      body = { bytes: source.body.bytes, used: false };
      // The source's body now belongs to this request, as the stream would.
      source.body.used = true;
    }
    if (signal === null) {
      signal = new AbortController().signal;
    }
    states.set(this, { method, url, headers, body, redirect, signal });
  }

  get method() {
    return stateOf(this).method;
  }

  get url() {
    return stateOf(this).url;
  }

  get headers() {
    return stateOf(this).headers;
  }

  get redirect() {
    return stateOf(this).redirect;
  }

  get signal() {
    return stateOf(this).signal;
  }

  get body() {
    const state = stateOf(this);
    return state.body === null ? null : streamsUnsupported("Request");
  }

  get bodyUsed() {
    const body = stateOf(this).body;
    return body !== null && body.used;
  }

  get cache() {
    return "default";
  }

  get credentials() {
    return "same-origin";
  }

  get mode() {
    return "cors";
  }

  get destination() {
    return "";
  }

  get referrer() {
    return "about:client";
  }

  get referrerPolicy() {
    return "";
  }

  get integrity() {
    return "";
  }

  get keepalive() {
    return false;
  }

  get isReloadNavigation() {
    return false;
  }

  get isHistoryNavigation() {
    return false;
  }

  get duplex() {
    return "half";
  }

  clone() {
    const state = stateOf(this);
    if (state.body !== null && state.body.used) {
      throw new TypeError("unusable");
    }
    const copy = new Request(state.url, {
      method: state.method,
      headers: headerList(state.headers),
      redirect: state.redirect,
      signal: state.signal,
    });
    stateOf(copy).body = copyBody(state.body);
    return copy;
  }

  text() {
    return consume(stateOf(this).body, "text");
  }

  json() {
    return consume(stateOf(this).body, "json");
  }

  arrayBuffer() {
    return consume(stateOf(this).body, "arrayBuffer");
  }

  bytes() {
    return consume(stateOf(this).body, "bytes");
  }

  get [Symbol.toStringTag]() {
    return "Request";
  }
}

// What `fetch` sends for `request`: plain values the runtime's intrinsic takes.
function outgoing(request) {
  const state = stateOf(request);
  const headers = [];
  for (const [name, value] of headerList(state.headers)) {
    headers.push(name, value);
  }
  let bytes;
  if (state.body !== null) {
    if (state.body.used) {
      throw new TypeError("Cannot construct a Request with a Request object that has already been used.");
    }
    state.body.used = true;
    bytes = state.body.bytes;
  }
  return { method: state.method, url: state.url, headers, bytes, redirect: state.redirect, signal: state.signal };
}

module.exports = { Request, outgoing, parseUrl };
