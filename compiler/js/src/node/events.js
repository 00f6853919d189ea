// Node's `events` module: `EventEmitter` as a JavaScript class of our own, because handlers
// subclass it (`class Jobs extends EventEmitter`) and its listeners are JavaScript functions
// called with the emitter as `this`. The module is the class itself, with `EventEmitter`,
// `once`, `listenerCount` and `defaultMaxListeners` on it, as in Node.
//
//   const emitter = new EventEmitter();
//   emitter.on("tick", (n) => seen.push(n));
//   emitter.emit("tick", 1)             → true (a listener ran)
//   emitter.emit("error", new Error())  → throws it (no "error" listener)
//
// State is kept as Node keeps it, so `Object.keys` and `JSON.stringify` of an emitter agree:
// `_events` (a null-prototype object: one listener as the function, several as an array),
// `_eventsCount` and `_maxListeners`. Not provided: `errorMonitor`, `captureRejections` and
// `Symbol.for('nodejs.rejection')` (there is no `Symbol`), `on(emitter)` async iteration,
// `EventTarget`, `getEventListeners` and abort signals.
"use strict";

const {
  NodeError,
  NodeRangeError,
  invalidArgType,
  validateFunction,
} = require("node:internal/errors");

function checkListener(listener) {
  validateFunction(listener, "listener");
}

function unwrap(listener) {
  return listener.listener !== undefined ? listener.listener : listener;
}

function eventsOf(emitter) {
  if (emitter._events === undefined || emitter._events === null) {
    emitter._events = Object.create(null);
    emitter._eventsCount = 0;
  }
  return emitter._events;
}

function addListener(emitter, type, listener, prepend) {
  checkListener(listener);
  let events = eventsOf(emitter);
  if (events.newListener !== undefined) {
    emitter.emit("newListener", type, unwrap(listener));
    events = eventsOf(emitter);
  }
  const existing = events[type];
  if (existing === undefined) {
    events[type] = listener;
    emitter._eventsCount++;
  } else if (typeof existing === "function") {
    events[type] = prepend ? [listener, existing] : [existing, listener];
  } else if (prepend) {
    existing.unshift(listener);
  } else {
    existing.push(listener);
  }
  const list = events[type];
  const max = emitter.getMaxListeners();
  if (max > 0 && typeof list !== "function" && list.length > max && !list.warned) {
    list.warned = true;
    __node.warn(
      `MaxListenersExceededWarning: Possible EventEmitter memory leak detected. ${list.length} ${String(type)} listeners added to [${emitter.constructor.name}]. Use emitter.setMaxListeners() to increase limit`,
    );
  }
  return emitter;
}

function onceWrapper(emitter, type, listener) {
  const state = { fired: false };
  const wrapped = function (...args) {
    if (!state.fired) {
      state.fired = true;
      emitter.removeListener(type, wrapped);
      return listener.apply(emitter, args);
    }
    return undefined;
  };
  wrapped.listener = listener;
  return wrapped;
}

class EventEmitter {
  constructor() {
    this._events = Object.create(null);
    this._eventsCount = 0;
    this._maxListeners = undefined;
  }

  setMaxListeners(n) {
    if (typeof n !== "number") {
      throw invalidArgType("setMaxListeners", "of type number", n);
    }
    if (n < 0 || n !== n) {
      throw new NodeRangeError(
        "ERR_OUT_OF_RANGE",
        `The value of "setMaxListeners" is out of range. It must be >= 0. Received ${__node.inspect(n, 2)}`,
      );
    }
    this._maxListeners = n;
    return this;
  }

  getMaxListeners() {
    return this._maxListeners === undefined ? EventEmitter.defaultMaxListeners : this._maxListeners;
  }

  emit(type, ...args) {
    const events = this._events;
    const handler = events === undefined || events === null ? undefined : events[type];
    if (handler === undefined) {
      if (type === "error") {
        const error = args[0];
        if (error instanceof Error) {
          throw error;
        }
        const unhandled = new NodeError(
          "ERR_UNHANDLED_ERROR",
          `Unhandled error. (${__node.inspect(error, 2)})`,
        );
        unhandled.context = error;
        throw unhandled;
      }
      return false;
    }
    if (typeof handler === "function") {
      handler.apply(this, args);
    } else {
      for (const listener of handler.slice()) {
        listener.apply(this, args);
      }
    }
    return true;
  }

  addListener(type, listener) {
    return addListener(this, type, listener, false);
  }

  on(type, listener) {
    return addListener(this, type, listener, false);
  }

  prependListener(type, listener) {
    return addListener(this, type, listener, true);
  }

  once(type, listener) {
    checkListener(listener);
    return addListener(this, type, onceWrapper(this, type, listener), false);
  }

  prependOnceListener(type, listener) {
    checkListener(listener);
    return addListener(this, type, onceWrapper(this, type, listener), true);
  }

  removeListener(type, listener) {
    checkListener(listener);
    const events = this._events;
    if (events === undefined || events === null) {
      return this;
    }
    const list = events[type];
    if (list === undefined) {
      return this;
    }
    if (list === listener || list.listener === listener) {
      this._eventsCount--;
      if (this._eventsCount === 0) {
        this._events = Object.create(null);
      } else {
        delete events[type];
      }
      if (events.removeListener !== undefined) {
        this.emit("removeListener", type, unwrap(list));
      }
      return this;
    }
    if (typeof list === "function") {
      return this;
    }
    let position = -1;
    for (let i = list.length - 1; i >= 0; i--) {
      if (list[i] === listener || list[i].listener === listener) {
        position = i;
        break;
      }
    }
    if (position < 0) {
      return this;
    }
    list.splice(position, 1);
    if (list.length === 1) {
      events[type] = list[0];
    }
    // Node reports the function it was given here (a `once` wrapper removing itself is
    // reported as the wrapper), and the original listener when it removes the last one.
    if (events.removeListener !== undefined) {
      this.emit("removeListener", type, listener);
    }
    return this;
  }

  off(type, listener) {
    return this.removeListener(type, listener);
  }

  removeAllListeners(type) {
    const events = this._events;
    if (events === undefined || events === null) {
      return this;
    }
    if (events.removeListener === undefined) {
      if (type === undefined) {
        this._events = Object.create(null);
        this._eventsCount = 0;
      } else if (events[type] !== undefined) {
        this._eventsCount--;
        if (this._eventsCount === 0) {
          this._events = Object.create(null);
        } else {
          delete events[type];
        }
      }
      return this;
    }
    if (type === undefined) {
      for (const key of Object.keys(events)) {
        if (key !== "removeListener") {
          this.removeAllListeners(key);
        }
      }
      this.removeAllListeners("removeListener");
      this._events = Object.create(null);
      this._eventsCount = 0;
      return this;
    }
    const listeners = events[type];
    if (typeof listeners === "function") {
      this.removeListener(type, listeners);
    } else if (listeners !== undefined) {
      for (let i = listeners.length - 1; i >= 0; i--) {
        this.removeListener(type, listeners[i]);
      }
    }
    return this;
  }

  listeners(type) {
    return this.rawListeners(type).map(unwrap);
  }

  rawListeners(type) {
    const events = this._events;
    const list = events === undefined || events === null ? undefined : events[type];
    if (list === undefined) {
      return [];
    }
    return typeof list === "function" ? [list] : list.slice();
  }

  listenerCount(type, listener) {
    const list = this.rawListeners(type);
    if (listener === undefined || listener === null) {
      return list.length;
    }
    return list.filter((item) => item === listener || item.listener === listener).length;
  }

  eventNames() {
    return Object.keys(this._events);
  }
}

EventEmitter.defaultMaxListeners = 10;

// `events.once(emitter, name)`: a promise of the arguments of the next `name` event, rejected
// by an `error` event that comes first.
function once(emitter, name) {
  return new Promise((resolve, reject) => {
    const onError = (error) => {
      emitter.removeListener(name, resolver);
      reject(error);
    };
    const resolver = (...args) => {
      if (name !== "error") {
        emitter.removeListener("error", onError);
      }
      resolve(args);
    };
    emitter.once(name, resolver);
    if (name !== "error") {
      emitter.once("error", onError);
    }
  });
}

function listenerCount(emitter, type) {
  return emitter.listenerCount(type);
}


module.exports = EventEmitter;
module.exports.EventEmitter = EventEmitter;
module.exports.once = once;
module.exports.listenerCount = listenerCount;
