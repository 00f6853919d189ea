// Package resolution by `import`: the "import" condition, the nested `node` → `import`
// condition, a pattern, a CommonJS package's default (its module.exports) through its
// "main" folder, and a subpath written with its extension.
// @request GET
import * as dual from "probe-dual";
import { from as feature } from "probe-dual/feature";
import fr from "probe-dual/locale/fr";
import legacy from "probe-legacy";
import fp from "probe-legacy/fp.js";
import scoped from "@probe/scoped";

export default function handler() {
  return { dual: dual.from, feature, fr, legacy, fp, scoped };
}
