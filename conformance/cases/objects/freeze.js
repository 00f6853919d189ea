function handler() {
  "use strict";
  const config = Object.freeze({ port: 8080, nested: { mutable: true } });
  let error;
  try {
    config.port = 1;
  } catch (e) {
    error = `${e.name}: ${e.message}`;
  }
  config.nested.mutable = false;
  return { config, error, frozen: Object.isFrozen(config), nestedFrozen: Object.isFrozen(config.nested) };
}
