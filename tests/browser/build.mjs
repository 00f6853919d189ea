// Builds the React, Vue and Svelte apps of the browser test with Vite's JS API, once each, into
// `$DIST/<framework>/` (served under `/<framework>/`), consuming the generated packages the way
// a front-end developer does: the apps are copied into `$APPS/` (one project, so `session.js`
// beside them resolves the same packages), and `npm install --install-links` puts the build's
// `$CLIENTS/{client,react,vue,svelte}` into its node_modules as packages, next to the framework
// versions the repository pins. No alias: Vite resolves `@notes-auth/*` through each package's
// `exports`, and `@notes-auth/react` finds `@notes-auth/client` through its own dependency.
//
// Why `--install-links`: without it npm links a folder and installs nothing it depends on
// (neither `@notes-auth/client` nor the framework); the READMEs give the same command.
//
//   CLIENTS=…/out/clients APPS=…/apps DIST=…/dist node tests/browser/build.mjs
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
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
const started = Date.now();
execFileSync(
  "npm",
  [
    "install", "--install-links", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error",
    ...["client", "react", "vue", "svelte"].map((name) => path.join(clients, name)),
    ...["react", "react-dom", "vue", "svelte"].map(pinned),
  ],
  { cwd: apps, stdio: ["ignore", "inherit", "inherit"] },
);
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
