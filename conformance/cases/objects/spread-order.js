function handler() {
  const defaults = { host: "localhost", port: 80, tls: false };
  const overrides = { port: 443, tls: true };
  return {
    merged: { ...defaults, ...overrides },
    reversed: { ...overrides, ...defaults },
    withExtra: { id: 1, ...defaults, id2: 2 },
    spreadNull: { ...null, ...undefined, a: 1 },
    spreadArray: { ...["x", "y"] },
    spreadString: { ..."hi" },
    keyOrder: Object.keys({ z: 1, ...{ 2: 1, a: 1 }, 1: 1 }),
  };
}
