// Every way to name a built-in module from an ES module gives one module object: default,
// named and namespace imports, with and without `node:` (the namespace has `default` and the
// module's properties), and `import()`, which gives the same namespace each time.
import pathDefault, { join, sep } from "node:path";
import pathPrefixed from "node:path";
import querystring from "querystring";
import * as pathNamespace from "path";
import EventEmitter, { once, EventEmitter as Named } from "events";
import util from "util";

export default async function handler() {
  const dynamic = await import("node:querystring");
  const again = await import("querystring");
  const pathAgain = await import("node:path");
  return {
    same: [
      pathPrefixed === pathDefault,
      pathNamespace.default === pathDefault,
      pathNamespace.join === join,
      Named === EventEmitter,
      typeof once,
      dynamic.default === querystring,
      typeof dynamic.parse,
      typeof util.format,
      dynamic === again,
      pathAgain === pathNamespace,
    ],
    values: [join("a", "b"), sep, pathNamespace.sep],
    namespaceKeys: Object.keys(pathNamespace).includes("default"),
  };
}
