// Package resolution by `require`, over the hand-written packages in ./node_modules: the
// "require" condition of "exports", a nested `node` condition, conditions taken in the map's
// order (a `default` listed before `require` wins), `*` patterns (the longer
// prefix wins), "main" as a folder, a subpath as a file, a folder with its own "main", a
// JSON file without its extension, a scoped name, and a dependency nested in a package's own
// node_modules shadowing the top-level one.
// @request GET
const dual = require("probe-dual");
const feature = require("probe-dual/feature");
const order = require("probe-dual/order");
const fr = require("probe-dual/locale/fr");
const gb = require("probe-dual/locale/en/gb");
const manifest = require("probe-dual/package.json");
const legacy = require("probe-legacy");
const fp = require("probe-legacy/fp");
const sub = require("probe-legacy/sub");
const data = require("probe-legacy/data");
const scoped = require("@probe/scoped");
const dep = require("probe-dep");

module.exports = function handler() {
  return {
    dual,
    feature: feature.from,
    order: order.from,
    locales: [fr.default, gb.default],
    manifest: manifest.name,
    legacy,
    fp,
    sub,
    data,
    scoped,
    dep,
  };
};
