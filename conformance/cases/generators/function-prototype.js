// Generator functions have a `prototype` object that the generator objects they return inherit
// from (so `instanceof` the generator function holds and members added there are shared), but
// are no constructors; generator methods and async generators alike.
function* count(limit) {
  for (let i = 0; i < limit; i++) yield i;
}
count.prototype.describe = function () {
  return `a counter at ${JSON.stringify(this.next())}`;
};

async function* ticks() {
  yield "tick";
}

const shelf = {
  *items() {
    yield "book";
  },
};

class Library {
  *titles() {
    yield "Dune";
  }
}

function plain() {}

exports.handler = async () => {
  const it = count(2);
  const other = count(1);
  let constructed;
  try {
    new count(1);
    constructed = "constructed";
  } catch (error) {
    constructed = `${error.name}: ${error.message}`;
  }
  let constructedAsync;
  try {
    new ticks();
    constructedAsync = "constructed";
  } catch (error) {
    constructedAsync = `${error.name}: ${error.message}`;
  }
  const a = ticks();
  return {
    types: [typeof count.prototype, typeof ticks.prototype, typeof shelf.items.prototype],
    instance: [it instanceof count, other instanceof count, a instanceof ticks, it instanceof ticks],
    prototypes: [
      Object.getPrototypeOf(it) === count.prototype,
      Object.getPrototypeOf(a) === ticks.prototype,
      count.prototype !== ticks.prototype,
      Object.keys(count.prototype),
      Object.keys(ticks.prototype),
    ],
    shared: [it.describe(), other.describe(), it.next(), [...count(3)]],
    methods: [
      shelf.items() instanceof shelf.items,
      new Library().titles() instanceof Library.prototype.titles,
      [...shelf.items(), ...new Library().titles()],
    ],
    constructed,
    constructedAsync,
    asyncStill: await a.next(),
    tags: [Object.prototype.toString.call(it), Object.prototype.toString.call(a)],
    plain: [typeof plain.prototype, plain.prototype === count.prototype],
  };
};
