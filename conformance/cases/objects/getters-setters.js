// Getters and setters in object literals and classes: `this`, enumerability (a literal's are
// own and enumerable, a class's live on its prototype), JSON and spread, inheritance, statics,
// getter-only writes in strict code, and the accessors' names.
// @request GET
// @request POST {"celsius": 25}
export function GET() {
  const key = "dynamic";
  const box = {
    width: 2,
    height: 3,
    get area() {
      return this.width * this.height;
    },
    set size(value) {
      this.width = value;
      this.height = value;
    },
    get [key]() {
      return `computed ${key}`;
    },
  };
  const before = box.area;
  box.size = 4;
  const literal = {
    before,
    after: box.area,
    keys: Object.keys(box),
    json: JSON.stringify(box),
    spread: { ...box },
    dynamic: box.dynamic,
    sizeRead: box.size,
    names: [Object.getOwnPropertyDescriptor(box, "area").get.name, Object.getOwnPropertyDescriptor(box, "size").set.name],
  };

  class Temperature {
    static #created = 0;
    #celsius = 0;
    constructor(celsius) {
      this.#celsius = celsius;
      Temperature.#created += 1;
    }
    get fahrenheit() {
      return this.#celsius * 1.8 + 32;
    }
    set fahrenheit(value) {
      this.#celsius = (value - 32) / 1.8;
    }
    get celsius() {
      return this.#celsius;
    }
    static get created() {
      return Temperature.#created;
    }
  }
  class Labelled extends Temperature {
    get label() {
      return `${this.celsius.toFixed(1)}°C / ${this.fahrenheit.toFixed(1)}°F`;
    }
  }
  class Registry {
    static #count = 0;
    static get count() {
      return Registry.#count;
    }
    static set add(amount) {
      Registry.#count += amount;
    }
  }
  class Local extends Registry {}
  Local.add = 2;
  Registry.add = 3;
  const statics = { count: Local.count, ownKeys: Object.keys(Local), names: Object.keys(Registry) };
  const t = new Labelled(100);
  const start = t.label;
  t.fahrenheit = 32;
  let readOnly;
  try {
    t.celsius = 5;
  } catch (error) {
    readOnly = `${error.name}: ${error.message}`;
  }
  return {
    literal,
    statics,
    classes: {
      start,
      after: t.label,
      keys: Object.keys(t),
      json: JSON.stringify(t),
      own: t.hasOwnProperty("fahrenheit"),
      inOperator: "fahrenheit" in t,
      created: Temperature.created,
      readOnly,
    },
  };
}

export function POST(req) {
  const reading = {
    celsius: req.body.celsius,
    get fahrenheit() {
      return this.celsius * 1.8 + 32;
    },
  };
  return { ...reading, entries: Object.entries(reading), clone: structuredClone(reading) };
}
