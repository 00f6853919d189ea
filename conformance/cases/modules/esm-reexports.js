// Re-exports through a barrel module: `export *`, renamed and default re-exports, a re-exported
// namespace, and names of a CommonJS module; re-exported bindings are live.
// @request GET
import { Shape, makeOne, shapes, mathUtils, round, own, PI, area } from "../_helpers/esm-barrel.js";
import * as barrel from "../_helpers/esm-barrel.js";

export function GET() {
  const before = barrel.created;
  const renamedBefore = barrel.renamedCount;
  makeOne();
  return {
    liveThroughStar: barrel.created - before,
    liveThroughRename: barrel.renamedCount - renamedBefore,
    keys: Object.keys(barrel),
    hasDefault: "default" in barrel,
    shapeIsDefault: Shape === shapes.default,
    made: typeof makeOne,
    nestedKeys: Object.keys(shapes),
    commonjs: [round(2.345), mathUtils.sum([1, 2, 3]), mathUtils.PRECISION],
    own,
    pi: PI,
    area: area(1),
  };
}
