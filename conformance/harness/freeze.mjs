// Freezes the clock the way the compiled server does when BACKWORKS_FROZEN_TIME_MS is set:
// `Date.now()` and `new Date()` both answer that instant.
const frozen = process.env.BACKWORKS_FROZEN_TIME_MS;
if (frozen !== undefined) {
  const instant = Number(frozen);
  const RealDate = Date;
  class FrozenDate extends RealDate {
    constructor(...args) {
      if (args.length === 0) super(instant);
      else super(...args);
    }
    static now() {
      return instant;
    }
  }
  globalThis.Date = FrozenDate;
}

import nodeCrypto from "node:crypto";
import { syncBuiltinESMExports } from "node:module";

// Freezes randomness the way the compiled server does when BACKWORKS_FROZEN_RANDOM_SEED is set
// (runtime-lib/src/js/math.rs, node/crypto.rs): `Math.random()`, `crypto.randomUUID()`,
// `getRandomValues`, and the `crypto` module's `randomBytes`, `randomFillSync`, `randomInt` and
// `randomUUID` draw from one mulberry32 generator seeded with `seed >>> 0`. A `Math.random()`
// takes two draws, a UUID four, n random bytes ⌈n/4⌉ (big-endian), a `randomInt` one
// `Math.random()`.
const seed = process.env.BACKWORKS_FROZEN_RANDOM_SEED;
if (seed !== undefined) {
  let state = Number(seed) >>> 0;
  const next32 = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t = (t + Math.imul(t ^ (t >>> 7), t | 61)) ^ t;
    return (t ^ (t >>> 14)) >>> 0;
  };
  Math.random = () => ((next32() >>> 5) * 67108864 + (next32() >>> 6)) / 9007199254740992;
  const randomBytes = (count) => {
    const bytes = [];
    while (bytes.length < count) {
      const word = next32();
      bytes.push(word >>> 24, (word >>> 16) & 0xff, (word >>> 8) & 0xff, word & 0xff);
    }
    return bytes.slice(0, count);
  };
  const realRandomBytes = nodeCrypto.randomBytes;
  nodeCrypto.randomBytes = (size, callback) => {
    // Node's own checks and errors (a bad callback throws before any work).
    if (callback !== undefined && typeof callback !== "function") realRandomBytes(size, callback);
    realRandomBytes(size);
    const buffer = Buffer.from(randomBytes(size));
    // The compiled server delivers from a timer; Node's thread pool has no fixed order
    // against timers, so the harness picks the same one.
    if (callback) return void setTimeout(callback, 0, null, buffer);
    return buffer;
  };
  const fill = (view) => {
    const bytes = randomBytes(view.byteLength);
    new Uint8Array(view.buffer, view.byteOffset, view.byteLength).set(bytes);
    return view;
  };
  const realGetRandomValues = globalThis.crypto.getRandomValues.bind(globalThis.crypto);
  globalThis.crypto.getRandomValues = (view) => fill(realGetRandomValues(view));
  // The module's `getRandomValues` (a read-only accessor) calls the global's.
  const realFill = nodeCrypto.randomFillSync;
  nodeCrypto.randomFillSync = (view) => fill(realFill(view));
  const realRandomInt = nodeCrypto.randomInt;
  nodeCrypto.randomInt = (min, max) => {
    if (max === undefined) [min, max] = [0, min];
    realRandomInt(min, max); // Node's own checks and errors
    return min + Math.floor(Math.random() * (max - min));
  };
  globalThis.crypto.randomUUID = () => {
    const bytes = [];
    for (let i = 0; i < 4; i++) {
      const word = next32();
      bytes.push(word >>> 24, (word >>> 16) & 0xff, (word >>> 8) & 0xff, word & 0xff);
    }
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    const hex = bytes.map((byte) => byte.toString(16).padStart(2, "0")).join("");
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  };
  nodeCrypto.randomUUID = globalThis.crypto.randomUUID;
  syncBuiltinESMExports();
}
