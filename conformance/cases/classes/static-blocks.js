// Class static blocks: run once where they stand among the static fields, `this` is the class,
// private statics, their own `var` scope, `super` to the parent's statics, nested classes, and a
// throwing block aborting the class definition.
const order = [];

class Base {
  static kind = "base";
  static describe() { return `kind=${this.kind}`; }
}

class Config extends Base {
  static first = (order.push("field first"), 1);
  static #secret;
  static registry = new Map();
  static {
    order.push("block one");
    var scoped = "inside";
    this.registry.set("retries", 3);
    Config.#secret = `s${this.first}`;
    this.fromSuper = super.describe();
    this.scopedSeen = typeof scoped;
  }
  static second = (order.push("field second"), this.registry.size);
  static {
    order.push("block two");
    try {
      JSON.parse("{");
    } catch (error) {
      this.parseError = error.name;
    }
    class Inner {
      static { this.tag = "inner"; }
    }
    this.inner = Inner.tag;
  }
  static secret() { return Config.#secret; }
}

function defineBroken() {
  try {
    class Broken {
      static { throw new RangeError("no config"); }
    }
    return Broken.name;
  } catch (error) {
    return `${error.name}: ${error.message}`;
  }
}

export default function handler() {
  let count = 0;
  const Counted = class {
    static { count += 1; }
  };
  new Counted();
  new Counted();
  return {
    order,
    second: Config.second,
    secret: Config.secret(),
    registry: [...Config.registry],
    fromSuper: Config.fromSuper,
    scopedSeen: Config.scopedSeen,
    globalScoped: typeof scoped,
    parseError: Config.parseError,
    inner: Config.inner,
    broken: defineBroken(),
    count,
    keys: Object.keys(Config),
  };
}
