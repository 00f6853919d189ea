// Builds the React, Vue and Svelte apps of the browser test with Vite's JS API, once each, into
// `$DIST/<framework>/` (served under `/<framework>/`), consuming the generated packages the way
// a front-end developer does: the apps are copied into `$APPS/` (one project, so `session.js`
// beside them resolves the same packages), the build's `$CLIENTS` go to `$APPS/out/clients/`
// (where `backworks build <service> --out ./out` run in the app puts them), and a plain
// `npm install ./out/clients/{react,vue,svelte}` links them into its node_modules, next to the
// framework versions the repository pins. No alias: Vite resolves `@notes-auth/*` through each
// package's `exports`, and `@notes-auth/react` finds `@notes-auth/client` through its own
// dependency, which npm links too.
//
// Why inside the app: npm installs the dependencies of a linked folder only when the folder is
// inside the project (npm/cli#3318, #4165: intended), and Node and Vite resolve a linked
// package's own imports (`react`, `vue`, `svelte`) from its real path, whose parent folders
// must hold the app's node_modules. A folder elsewhere needs `--install-links` (the READMEs
// say so).
//
//   CLIENTS=…/out/clients APPS=…/apps DIST=…/dist node tests/browser/build.mjs
import { execFileSync } from "node:child_process";
import { cpSync, lstatSync, mkdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import path from "node:path";
import { build } from "vite";
import react from "@vitejs/plugin-react";
import vue from "@vitejs/plugin-vue";
import { svelte } from "@sveltejs/vite-plugin-svelte";

const here = path.dirname(fileURLToPath(import.meta.url));
const { CLIENTS: clients, APPS: apps, DIST: dist } = process.env;
if (!clients || !apps || !dist) throw new Error("CLIENTS, APPS and DIST must be set");

const plugins = { react: () => react(), vue: () => vue(), svelte: () => svelte() };

// The framework versions the repository's lockfile pins (so npm finds them in its cache).
const require = createRequire(import.meta.url);
const pinned = (name) => `${name}@${require(`${name}/package.json`).version}`;

rmSync(apps, { recursive: true, force: true });
mkdirSync(apps, { recursive: true });
cpSync(path.join(here, "session.js"), path.join(apps, "session.js"));
for (const framework of Object.keys(plugins)) {
  cpSync(path.join(here, framework), path.join(apps, framework), { recursive: true });
}
writeFileSync(path.join(apps, "package.json"), JSON.stringify({ name: "browser-apps", private: true, type: "module" }));
cpSync(clients, path.join(apps, "out/clients"), { recursive: true });
const started = Date.now();
execFileSync(
  "npm",
  [
    "install", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error",
    ...["react", "vue", "svelte"].map((name) => `./out/clients/${name}`),
    ...["react", "react-dom", "vue", "svelte"].map(pinned),
  ],
  { cwd: apps, stdio: ["ignore", "inherit", "inherit"] },
);
// Linked, not copied, and the client, which no command named, linked as their dependency.
for (const name of ["client", "react", "vue", "svelte"]) {
  const link = path.join(apps, "node_modules/@notes-auth", name);
  if (!lstatSync(link).isSymbolicLink() || realpathSync(link) !== realpathSync(path.join(apps, "out/clients", name))) {
    throw new Error(`${link} is not a link to out/clients/${name}`);
  }
}
const installed = JSON.parse(readFileSync(path.join(apps, "node_modules/@notes-auth/react/package.json"), "utf8"));
console.log(`installed ${installed.name}@${installed.version} and its siblings in ${Date.now() - started} ms`);

for (const framework of Object.keys(plugins)) {
  const started = Date.now();
  await build({
    root: path.join(apps, framework),
    base: `/${framework}/`,
    configFile: false,
    logLevel: "warn",
    plugins: [plugins[framework]()],
    build: { outDir: path.join(dist, framework), emptyOutDir: true, minify: false },
  });
  console.log(`built ${framework} in ${Date.now() - started} ms`);
}
