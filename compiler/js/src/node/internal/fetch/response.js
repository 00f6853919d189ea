// The `Response` global, as JavaScript of our own (Node 20's undici): a status, its text,
// headers and a body read once; `Response.json`, `Response.error`, `Response.redirect`, and
// the responses `fetch` resolves with (`received`: immutable headers, the final `url`,
// `redirected`, type "basic").
//
//   new Response("hi", { status: 201 })   → status 201, ok, headers content-type text/plain;charset=UTF-8
//   Response.json({ a: 1 })               → body '{"a":1}', content-type application/json
//   new Response("x", { status: 99 })     → RangeError: init["status"] must be in the range of 200 to 599, inclusive.
"use strict";

const { Headers, headerList, fillHeaders, freezeHeaders } = require("node:internal/fetch/headers");
const { extractBody, consume, copyBody, streamsUnsupported } = require("node:internal/fetch/body");
const { parseUrl } = require("node:internal/fetch/request");

const states = new WeakMap();
// Only this module may build a response from parts (`Response.error`, `received`).
const token = {};

const NULL_BODY_STATUSES = [101, 103, 204, 205, 304];
const REDIRECT_STATUSES = [301, 302, 303, 307, 308];
const REASON_PHRASE = /^[\t\x20-\x7e\x80-\xff]*$/;

function stateOf(response) {
  const state = states.get(response);
  if (state === undefined) {
    throw new TypeError("Illegal invocation");
  }
  return state;
}

// WebIDL's `unsigned short` conversion of a status (modulo 2^16, truncated).
function toUnsignedShort(value) {
  const number = Number(value);
  if (!Number.isFinite(number)) {
    return 0;
  }
  const truncated = Math.trunc(number) % 65536;
  return truncated < 0 ? truncated + 65536 : truncated;
}

// Applies a `ResponseInit` and a body to `state`, with Node's checks and messages.
function initialize(state, init, body) {
  const status = init.status === undefined ? 200 : toUnsignedShort(init.status);
  if (status < 200 || status > 599) {
    throw new RangeError('init["status"] must be in the range of 200 to 599, inclusive.');
  }
  const statusText = init.statusText === undefined ? "" : String(init.statusText);
  if (!REASON_PHRASE.test(statusText)) {
    throw new TypeError("Invalid statusText");
  }
  state.status = status;
  state.statusText = statusText;
  if (init.headers !== undefined) {
    const given = new Headers(init.headers);
    for (const [name, value] of headerList(given)) {
      state.headers.append(name, value);
    }
  }
  if (body !== null) {
    if (NULL_BODY_STATUSES.includes(status)) {
      throw new TypeError(`Response constructor: Invalid response status code ${status}`);
    }
    state.body = body.body;
    if (body.type !== null && !state.headers.has("content-type")) {
      state.headers.append("content-type", body.type);
    }
  }
}

function blankState() {
  return { type: "default", status: 200, statusText: "", url: "", redirected: false, headers: new Headers(), body: null };
}

class Response {
  constructor(body, init) {
    if (init === undefined || init === null) {
      init = {};
    } else if (typeof init !== "object" && typeof init !== "function") {
      // undici names no context here, hence Node's leading "undefined".
      throw new TypeError(`undefined: Expected ${String(init)} to be one of: Null, Undefined, Object.`);
    }
    const state = blankState();
    states.set(this, state);
    if (body === token) {
      return;
    }
    initialize(state, init, body === undefined || body === null ? null : extractBody(body));
  }

  static error() {
    const response = new Response(token);
    const state = stateOf(response);
    state.type = "error";
    state.status = 0;
    freezeHeaders(state.headers);
    return response;
  }

  static json(data, init) {
    const text = JSON.stringify(data);
    if (text === undefined) {
      throw new TypeError("Value is not JSON serializable");
    }
    const response = new Response(token);
    const state = stateOf(response);
    const body = extractBody(text);
    initialize(state, init === undefined || init === null ? {} : init, { body: body.body, type: "application/json" });
    return response;
  }

  static redirect(url, status) {
    const parsed = parseUrl(String(url));
    const code = status === undefined ? 302 : toUnsignedShort(status);
    if (!REDIRECT_STATUSES.includes(code)) {
      throw new RangeError(`Invalid status code ${code}`);
    }
    const response = new Response(token);
    const state = stateOf(response);
    state.status = code;
    state.headers.append("location", parsed.href);
    freezeHeaders(state.headers);
    return response;
  }

  get type() {
    return stateOf(this).type;
  }

  get url() {
    return stateOf(this).url;
  }

  get redirected() {
    return stateOf(this).redirected;
  }

  get status() {
    return stateOf(this).status;
  }

  get ok() {
    const status = stateOf(this).status;
    return status >= 200 && status <= 299;
  }

  get statusText() {
    return stateOf(this).statusText;
  }

  get headers() {
    return stateOf(this).headers;
  }

  get body() {
    const state = stateOf(this);
    return state.body === null ? null : streamsUnsupported("Response");
  }

  get bodyUsed() {
    const body = stateOf(this).body;
    return body !== null && body.used;
  }

  clone() {
    const state = stateOf(this);
    if (state.body !== null && state.body.used) {
      throw new TypeError("Response.clone: Body has already been consumed.");
    }
    const copy = new Response(token);
    const copied = stateOf(copy);
    copied.type = state.type;
    copied.status = state.status;
    copied.statusText = state.statusText;
    copied.url = state.url;
    copied.redirected = state.redirected;
    fillHeaders(copied.headers, headerList(state.headers).flat());
    if (lockedHeaders(state)) {
      freezeHeaders(copied.headers);
    }
    copied.body = copyBody(state.body);
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
    return "Response";
  }
}

function lockedHeaders(state) {
  return state.type !== "default";
}

// The response `fetch` resolves with, from what the runtime received.
function received(incoming) {
  const response = new Response(token);
  const state = stateOf(response);
  state.type = "basic";
  state.status = incoming.status;
  state.statusText = incoming.statusText;
  state.url = incoming.url;
  state.redirected = incoming.redirected;
  fillHeaders(state.headers, incoming.headers);
  freezeHeaders(state.headers);
  state.body = NULL_BODY_STATUSES.includes(incoming.status) ? null : { bytes: incoming.body, used: false };
  return response;
}

module.exports = { Response, received };
