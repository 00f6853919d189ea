// An ES module has no `__dirname`; it builds paths from `import.meta.url` (through
// `fileURLToPath` or `new URL(relative, import.meta.url)`, which `fs` takes as is) and from
// `import.meta.dirname`/`filename`, and imports `fs` by name, by default and from
// `node:fs/promises`.
// @request GET
import { readFileSync, existsSync } from "node:fs";
import fs from "fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const TEMPLATE = readFileSync(new URL("./_files/templates/welcome.html", import.meta.url), "utf8");

export async function GET() {
  return {
    template: TEMPLATE.split("\n")[0],
    sql: readFileSync(path.join(import.meta.dirname, "_files", "query.sql"), "utf8").length,
    config: JSON.parse(await readFile(path.join(here, "_files/config.json"), "utf8")).service,
    same: here === import.meta.dirname,
    url: import.meta.url.startsWith("file:///") && import.meta.url.endsWith("/node-fs/esm-import-meta.js"),
    filename: path.basename(import.meta.filename),
    typeofDirname: typeof __dirname,
    bytes: fs.readFileSync(new URL("_files/logo.bin", import.meta.url)).length,
    missing: existsSync(new URL("./_files/none.txt", import.meta.url)),
  };
}
