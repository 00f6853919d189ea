// Accessors reached through `Object.create(proto)` and `{ __proto__ }`: the getter runs with the
// object itself as `this`, the setter receives writes; a literal's own data property replaces
// an accessor of the same key; a method returned by a getter can be called.
// @request GET
"use strict";

const base = {
  _celsius: 0,
  get fahrenheit() {
    return this._celsius * 1.8 + 32;
  },
  set fahrenheit(value) {
    this._celsius = (value - 32) / 1.8;
  },
  get readOnly() {
    return "fixed";
  },
  get shout() {
    return (text) => `${text.toUpperCase()} (${this._celsius})`;
  },
};

module.exports = () => {
  const room = Object.create(base);
  room._celsius = 20;
  const read = room.fahrenheit;
  room.fahrenheit = 212;
  let error;
  try {
    room.readOnly = "changed";
  } catch (caught) {
    error = `${caught.name}: ${caught.message}`;
  }
  const literal = { __proto__: base, _celsius: 10 };
  const overridden = { get value() { return 1; }, value: 2 };
  const laterGetter = { value: 2, get value() { return 3; } };
  return {
    read,
    celsius: room._celsius,
    ownKeys: Object.keys(room),
    baseUnchanged: base._celsius,
    error,
    literal: literal.fahrenheit,
    shout: room.shout("hot"),
    overridden: [overridden.value, Object.keys(overridden), JSON.stringify(overridden)],
    laterGetter: [laterGetter.value, JSON.stringify(laterGetter)],
  };
};
