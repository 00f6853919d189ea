// An ES module importing another one every way: default, named, renamed, namespace; the
// exported `let` is a live binding (importers see the exporter's later assignments); the
// namespace is sealed and its exports read-only to importers.
// @request GET
// @request GET
import Shape, { Square, PI, area as circle, bump, created } from "../_helpers/esm-shapes.js";
import * as shapes from "../_helpers/esm-shapes.js";

export default function handler() {
  const before = created;
  const square = new Square(3);
  const plain = new Shape("blob");
  const viaNamespace = new shapes.Square(2);
  bump();
  const writes = [];
  const attempts = [
    () => {
      shapes.PI = 4;
    },
    () => {
      shapes.extra = 1;
    },
    () => {
      delete shapes.PI;
    },
    () => Object.defineProperty(shapes, "PI", { value: 9 }),
  ];
  for (const attempt of attempts) {
    try {
      attempt();
      writes.push("allowed");
    } catch (error) {
      writes.push(`${error.name}: ${error.message}`);
    }
  }
  return {
    writes,
    descriptor: Object.getOwnPropertyDescriptor(shapes, "PI"),
    sealed: Object.isSealed(shapes),
    before,
    after: created,
    sameThroughNamespace: shapes.created === created,
    pi: PI,
    circle: circle(2),
    alias: shapes.circleArea === shapes.area,
    described: square.describe(),
    plainName: plain.name,
    inherits: square instanceof Shape && viaNamespace instanceof shapes.default,
    classNames: [Shape.name, Square.name, typeof shapes.default],
    keys: Object.keys(shapes),
    json: JSON.parse(JSON.stringify(shapes)),
    prototype: Object.getPrototypeOf(shapes),
    hasToString: typeof shapes.toString,
    frozen: Object.isFrozen(shapes),
    extensible: Object.isExtensible(shapes),
  };
}
