// Proxy idioms: defaults, validation, negative array indexes, read-only views, observers.
const withDefaults = (object, fallback) =>
  new Proxy(object, { get: (t, key) => t[key] ?? fallback });

const validated = (object) =>
  new Proxy(object, {
    set(t, key, value) {
      if (key === "age" && (!Number.isInteger(value) || value < 0)) {
        throw new TypeError(`invalid age: ${value}`);
      }
      t[key] = value;
      return true;
    },
  });

const negativeIndexes = (array) =>
  new Proxy(array, {
    get(t, key, receiver) {
      if (typeof key === "string" && /^-\d+$/.test(key)) key = String(t.length + Number(key));
      return Reflect.get(t, key, receiver);
    },
  });

const readOnly = (object) =>
  new Proxy(object, {
    set(_, key) { throw new Error(`cannot set ${String(key)}: read-only`); },
    deleteProperty(_, key) { throw new Error(`cannot delete ${String(key)}: read-only`); },
    defineProperty() { return false; },
  });

const observed = (object, changes) =>
  new Proxy(object, {
    set(t, key, value, receiver) {
      changes.push([key, t[key], value]);
      return Reflect.set(t, key, value, receiver);
    },
  });

module.exports = async (req) => {
  const attempt = (f) => { try { return f(); } catch (e) { return `${e.name}: ${e.message}`; } };
  const config = withDefaults({ port: 8080, host: null }, "n/a");
  const person = validated({ name: "Ada" });
  person.age = 36;
  const letters = negativeIndexes(["a", "b", "c", "d"]);
  const settings = readOnly({ mode: "dark" });
  const changes = [];
  const state = observed({ count: 0 }, changes);
  state.count += 1;
  state.count++;
  state.label = "clicks";
  return {
    defaults: [config.port, config.host, config.anything],
    validation: [person.age, attempt(() => { person.age = -1; }), attempt(() => { person.age = "x"; }), person.age],
    negative: [letters[-1], letters[-4], letters[0], letters.length, letters[-5]],
    readOnly: [settings.mode, attempt(() => { settings.mode = "light"; }), attempt(() => delete settings.mode), attempt(() => Object.defineProperty(settings, "x", { value: 1 })), settings.mode],
    observed: [changes, JSON.stringify(state)],
    query: withDefaults(req.query_params, "none").page,
  };
};
