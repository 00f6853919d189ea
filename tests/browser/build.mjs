// Builds the React, Vue and Svelte apps of the browser test with Vite's JS API, once each, into
// `$DIST/<framework>/` (served under `/<framework>/`). The generated packages are not installed:
// `@notes-auth/*` resolve to the build's `$CLIENTS/<package>/index.js` (a Vite alias), and
// everything they import (react, vue, svelte) to the repository's node_modules.
//
//   CLIENTS=…/out/clients DIST=…/dist node tests/browser/build.mjs
import { fileURLToPath } from "node:url";
import path from "node:path";
import { build } from "vite";
import react from "@vitejs/plugin-react";
import vue from "@vitejs/plugin-vue";
import { svelte } from "@sveltejs/vite-plugin-svelte";

const here = path.dirname(fileURLToPath(import.meta.url));
const clients = process.env.CLIENTS;
const dist = process.env.DIST;
if (!clients || !dist) throw new Error("CLIENTS and DIST must be set");

const plugins = { react: () => react(), vue: () => vue(), svelte: () => svelte() };

for (const framework of Object.keys(plugins)) {
  const started = Date.now();
  await build({
    root: path.join(here, framework),
    base: `/${framework}/`,
    configFile: false,
    logLevel: "warn",
    plugins: [plugins[framework]()],
    resolve: {
      alias: [{ find: /^@notes-auth\/(client|react|vue|svelte)$/, replacement: `${clients}/$1/index.js` }],
    },
    build: { outDir: path.join(dist, framework), emptyOutDir: true, minify: false },
  });
  console.log(`built ${framework} in ${Date.now() - started} ms`);
}
