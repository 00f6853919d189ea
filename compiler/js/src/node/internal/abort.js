// The `AbortController` and `AbortSignal` globals, as JavaScript of our own: the compiler
// binds those global names to this module's exports (`builtin_modules.rs`, `GLOBALS`).
//
//   const controller = new AbortController();
//   controller.signal.addEventListener("abort", () => …);
//   controller.abort()   → listeners run once; signal.reason is an AbortError DOMException
//
// A signal's state lives in a WeakMap so that the objects have no own keys, as in Node.
// Listeners get an event `{ type: "abort", target }` with the signal as `this`;
// `onabort` takes its place among the listeners when first set. Not provided:
// `AbortSignal.any`, `dispatchEvent` and listener objects with `handleEvent`.
"use strict";

const { NodeTypeError, invalidArgType } = require("node:internal/errors");

// The errors Node gives a signal's `reason`: DOMExceptions named AbortError and TimeoutError.
class DOMException extends Error {
  constructor(message, name, code) {
    super(message);
    Object.defineProperty(this, "name", { value: name, writable: true, configurable: true, enumerable: false });
    Object.defineProperty(this, "code", { value: code, writable: true, configurable: true, enumerable: false });
  }
  toString() {
    return `${this.name}: ${this.message}`;
  }
}

const states = new WeakMap();
// Only this module may make a signal (`new AbortSignal()` is an illegal constructor).
const token = {};

function stateOf(signal) {
  const state = states.get(signal);
  if (state === undefined) {
    throw new NodeTypeError("ERR_INVALID_THIS", 'Value of "this" must be of type AbortSignal');
  }
  return state;
}

function abortSignal(signal, reason) {
  const state = stateOf(signal);
  if (state.aborted) {
    return;
  }
  state.aborted = true;
  state.reason = reason;
  const event = { type: "abort", target: signal };
  for (const entry of state.listeners.slice()) {
    if (!state.listeners.includes(entry)) {
      continue;
    }
    if (entry.once) {
      state.listeners.splice(state.listeners.indexOf(entry), 1);
    }
    entry.listener.call(signal, event);
  }
}

class AbortSignal {
  constructor(key) {
    if (key !== token) {
      throw new NodeTypeError("ERR_ILLEGAL_CONSTRUCTOR", "Illegal constructor");
    }
    states.set(this, { aborted: false, reason: undefined, listeners: [], onabort: null, handlerEntry: null });
  }

  get aborted() {
    return stateOf(this).aborted;
  }

  get reason() {
    return stateOf(this).reason;
  }

  throwIfAborted() {
    const state = stateOf(this);
    if (state.aborted) {
      throw state.reason;
    }
  }

  get onabort() {
    return stateOf(this).onabort;
  }

  set onabort(handler) {
    const state = stateOf(this);
    state.onabort = typeof handler === "function" ? handler : null;
    if (state.handlerEntry === null) {
      const signal = this;
      state.handlerEntry = {
        listener(event) {
          if (state.onabort !== null) {
            state.onabort.call(signal, event);
          }
        },
        once: false,
        handler: true,
      };
      state.listeners.push(state.handlerEntry);
    }
  }

  addEventListener(type, listener, options) {
    const state = stateOf(this);
    if (type !== "abort" || typeof listener !== "function") {
      return;
    }
    if (state.listeners.some((entry) => entry.listener === listener && !entry.handler)) {
      return;
    }
    const once = options !== null && typeof options === "object" && options.once === true;
    state.listeners.push({ listener, once, handler: false });
  }

  removeEventListener(type, listener) {
    const state = stateOf(this);
    if (type !== "abort") {
      return;
    }
    const index = state.listeners.findIndex((entry) => entry.listener === listener && !entry.handler);
    if (index >= 0) {
      state.listeners.splice(index, 1);
    }
  }

  static abort(reason) {
    const signal = new AbortSignal(token);
    abortSignal(signal, reason === undefined ? new DOMException("This operation was aborted", "AbortError", 20) : reason);
    return signal;
  }

  static timeout(delay) {
    if (typeof delay !== "number") {
      throw invalidArgType("delay", "of type number", delay);
    }
    const signal = new AbortSignal(token);
    setTimeout(() => {
      abortSignal(signal, new DOMException("The operation was aborted due to timeout", "TimeoutError", 23));
    }, delay);
    return signal;
  }
}

class AbortController {
  #signal;

  constructor() {
    this.#signal = new AbortSignal(token);
  }

  get signal() {
    return this.#signal;
  }

  abort(reason) {
    abortSignal(this.#signal, reason === undefined ? new DOMException("This operation was aborted", "AbortError", 20) : reason);
  }
}

module.exports = { AbortController, AbortSignal };
