// The `Headers` global, as JavaScript of our own (Node 20's undici, byte for byte): names are
// case-insensitive and checked against the HTTP token grammar, values are ByteStrings with
// their surrounding whitespace removed, iteration is sorted by name with each `set-cookie`
// apart, and repeated values join with ", ".
//
//   const h = new Headers({ "X-A": "1" });  h.append("x-a", "2");  h.get("X-A")  → "1, 2"
//   [...new Headers([["b", "2"], ["a", "1"]])]                   → [["a", "1"], ["b", "2"]]
//
// A list's state lives in a WeakMap so that the objects have no own keys, as in Node; the
// other fetch sources read and fill it through `headerList`/`fillHeaders`/`freezeHeaders`.
"use strict";

const lists = new WeakMap();

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

function stateOf(headers) {
  const state = lists.get(headers);
  if (state === undefined) {
    throw new TypeError("Illegal invocation");
  }
  return state;
}

// WebIDL's ByteString: ToString, then every unit at most 0xFF.
function byteString(value) {
  const text = String(value);
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit > 255) {
      throw new TypeError(
        `Cannot convert argument to a ByteString because the character at index ${i} has a value of ${unit} which is greater than 255.`,
      );
    }
  }
  return text;
}

// Leading and trailing HTTP whitespace (tab, LF, CR, space) removed.
function normalizeValue(value) {
  return value.replace(/^[\t\n\r ]+|[\t\n\r ]+$/g, "");
}

function checkName(method, name) {
  if (!TOKEN.test(name)) {
    throw new TypeError(`Headers.${method}: "${name}" is an invalid header name.`);
  }
}

function checkValue(method, value) {
  if (/[\0\n\r]/.test(value)) {
    throw new TypeError(`Headers.${method}: "${value}" is an invalid header value.`);
  }
}

function checkMutable(state) {
  if (state.immutable) {
    throw new TypeError("immutable");
  }
}

function appendTo(state, name, value) {
  const key = name.toLowerCase();
  if (key === "set-cookie") {
    state.cookies.push(value);
  }
  const entry = state.entries.get(key);
  if (entry === undefined) {
    state.entries.set(key, { name, value });
  } else {
    entry.value = `${entry.value}, ${value}`;
  }
}

// The list as iteration sees it: sorted by lower-case name, `set-cookie` once per value.
function sortedPairs(state) {
  const names = [...state.entries.keys()].sort();
  const pairs = [];
  for (const name of names) {
    if (name === "set-cookie") {
      for (const cookie of state.cookies) {
        pairs.push([name, cookie]);
      }
    } else {
      pairs.push([name, state.entries.get(name).value]);
    }
  }
  return pairs;
}

const INIT_ERROR =
  "Headers constructor: Argument 1 could not be converted to one of: sequence<sequence<ByteString>>, record<ByteString, ByteString>.";

function fill(headers, init) {
  if (init === null || (typeof init !== "object" && typeof init !== "function")) {
    throw new TypeError(INIT_ERROR);
  }
  if (typeof init[Symbol.iterator] === "function") {
    const pairs = [];
    for (const pair of init) {
      if (pair === null || typeof pair !== "object" || typeof pair[Symbol.iterator] !== "function") {
        throw new TypeError(INIT_ERROR);
      }
      const items = [...pair];
      if (items.length !== 2) {
        throw new TypeError(`Headers constructor: expected name/value pair to be length 2, found ${items.length}.`);
      }
      pairs.push([byteString(items[0]), byteString(items[1])]);
    }
    for (const [name, value] of pairs) {
      headers.append(name, value);
    }
    return;
  }
  const pairs = Object.keys(init).map((key) => [byteString(key), byteString(init[key])]);
  for (const [name, value] of pairs) {
    headers.append(name, value);
  }
}

class HeadersIterator {
  #headers;
  #kind;
  #index = 0;

  constructor(headers, kind) {
    this.#headers = headers;
    this.#kind = kind;
  }

  next() {
    const pairs = sortedPairs(stateOf(this.#headers));
    if (this.#index >= pairs.length) {
      return { value: undefined, done: true };
    }
    const [name, value] = pairs[this.#index];
    this.#index += 1;
    const result = this.#kind === "key" ? name : this.#kind === "value" ? value : [name, value];
    return { value: result, done: false };
  }

  [Symbol.iterator]() {
    return this;
  }

  get [Symbol.toStringTag]() {
    return "Headers Iterator";
  }
}

class Headers {
  constructor(init) {
    lists.set(this, { entries: new Map(), cookies: [], immutable: false });
    if (init !== undefined) {
      fill(this, init);
    }
  }

  append(name, value) {
    name = byteString(name);
    value = normalizeValue(byteString(value));
    checkName("append", name);
    checkValue("append", value);
    const state = stateOf(this);
    checkMutable(state);
    appendTo(state, name, value);
  }

  delete(name) {
    name = byteString(name);
    checkName("delete", name);
    const state = stateOf(this);
    checkMutable(state);
    const key = name.toLowerCase();
    if (key === "set-cookie") {
      state.cookies = [];
    }
    state.entries.delete(key);
  }

  get(name) {
    name = byteString(name);
    checkName("get", name);
    const entry = stateOf(this).entries.get(name.toLowerCase());
    return entry === undefined ? null : entry.value;
  }

  getSetCookie() {
    return stateOf(this).cookies.slice();
  }

  has(name) {
    name = byteString(name);
    checkName("has", name);
    return stateOf(this).entries.has(name.toLowerCase());
  }

  set(name, value) {
    name = byteString(name);
    value = normalizeValue(byteString(value));
    checkName("set", name);
    checkValue("set", value);
    const state = stateOf(this);
    checkMutable(state);
    const key = name.toLowerCase();
    if (key === "set-cookie") {
      state.cookies = [value];
    }
    const entry = state.entries.get(key);
    if (entry === undefined) {
      state.entries.set(key, { name, value });
    } else {
      entry.value = value;
    }
  }

  forEach(callback, thisArg) {
    if (typeof callback !== "function") {
      throw new TypeError("Failed to execute 'forEach' on 'Headers': parameter 1 is not of type 'Function'.");
    }
    for (const [name, value] of sortedPairs(stateOf(this))) {
      callback.call(thisArg, value, name, this);
    }
  }

  keys() {
    stateOf(this);
    return new HeadersIterator(this, "key");
  }

  values() {
    stateOf(this);
    return new HeadersIterator(this, "value");
  }

  entries() {
    stateOf(this);
    return new HeadersIterator(this, "key+value");
  }

  [Symbol.iterator]() {
    return this.entries();
  }

  get [Symbol.toStringTag]() {
    return "Headers";
  }
}

// The name/value pairs of `headers`, in the order they were added (what goes on the wire).
function headerList(headers) {
  const state = stateOf(headers);
  const pairs = [];
  for (const [key, entry] of state.entries) {
    if (key === "set-cookie") {
      for (const cookie of state.cookies) {
        pairs.push([key, cookie]);
      }
    } else {
      pairs.push([key, entry.value]);
    }
  }
  return pairs;
}

// Adds received pairs without the checks a handler's own calls get (they come from the wire).
function fillHeaders(headers, pairs) {
  const state = stateOf(headers);
  for (let i = 0; i + 1 < pairs.length; i += 2) {
    appendTo(state, pairs[i], pairs[i + 1]);
  }
}

// Makes `headers` refuse changes (`TypeError: immutable`), as a fetched response's are.
function freezeHeaders(headers) {
  stateOf(headers).immutable = true;
  return headers;
}

module.exports = { Headers, headerList, fillHeaders, freezeHeaders, byteString };
