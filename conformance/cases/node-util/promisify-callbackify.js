// `util.promisify` of a callback-last function (its value, its error, `this`),
// `util.callbackify` (the value, a falsy rejection wrapped as ERR_FALSY_VALUE_REJECTION),
// `util.inherits`, `util.deprecate` (the wrapped function still answers), and the argument
// errors.
const util = require("util");

function attempt(run) {
  try {
    return run();
  } catch (error) {
    return [error.name, error.code, error.message];
  }
}

module.exports = async function handler() {
  const add = (a, b, callback) =>
    setTimeout(() => (a < 0 ? callback(new Error("negative")) : callback(null, a + b)), 1);
  const addAsync = util.promisify(add);
  const out = [await addAsync(1, 2)];
  try {
    await addAsync(-1, 2);
  } catch (error) {
    out.push(error.message);
  }
  const counter = {
    base: 10,
    plus(n, callback) {
      callback(null, this.base + n);
    },
  };
  counter.plusAsync = util.promisify(counter.plus);
  out.push(await counter.plusAsync(5));

  const doubled = util.callbackify(async (x) => {
    if (x === 0) {
      throw null;
    }
    return x * 2;
  });
  out.push(await new Promise((resolve) => doubled(4, (error, value) => resolve([error, value]))));
  out.push(
    await new Promise((resolve) =>
      doubled(0, (error) => resolve([error.code, error.message, error.reason])),
    ),
  );

  function Animal(name) {
    this.name = name;
  }
  Animal.prototype.speak = function () {
    return `${this.name} makes a sound`;
  };
  function Dog(name) {
    Animal.call(this, name);
  }
  util.inherits(Dog, Animal);
  const dog = new Dog("Rex");
  out.push([dog.speak(), dog instanceof Animal, Dog.super_ === Animal]);

  const old = util.deprecate((x) => x + 1, "old() is deprecated", "DEP_TEST");
  out.push([old(1), old(2)]);

  out.push(
    attempt(() => util.promisify(1)),
    attempt(() => util.callbackify("x")),
    attempt(() => doubled(1)),
    attempt(() => util.inherits(null, Animal)),
    attempt(() => util.inherits(Dog, {})),
  );
  return out;
};
