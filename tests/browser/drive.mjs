// Drives the React, Vue and Svelte apps of the browser test in Debian's chromium (playwright-core,
// one browser for all three), through a proxy that serves the built apps under /<framework>/ and
// forwards everything else, the WebSocket included, to notes-auth's live server: so the apps
// reach the service on their own origin, as an app served beside its API does.
//
// Each app must render the notes the service holds (fetched), fetch again when a search box
// changes its params, then, with LIVE=1, show a note
// created over HTTP by this script and drop one it deletes, without reloading (live events).
//
//   BASE_URL=http://127.0.0.1:PORT DIST=…/dist JWT_SECRET=… LIVE=1 node --test tests/browser/drive.mjs
import assert from "node:assert/strict";
import { createHmac } from "node:crypto";
import { after, before, test } from "node:test";
import { chromium } from "playwright-core";
import { proxy } from "./proxy.mjs";

const backend = new URL(process.env.BASE_URL);
const dist = process.env.DIST;
const live = process.env.LIVE === "1";
const FRAMEWORKS = ["react", "vue", "svelte"];

const base64url = (text) => Buffer.from(text).toString("base64url");
function mint(sub) {
  const now = Math.floor(Date.now() / 1000);
  const claims = { sub, roles: ["member"], iss: "https://id.example.com", aud: "notes-api", iat: now, exp: now + 600 };
  const input = `${base64url(JSON.stringify({ alg: "HS256", typ: "JWT" }))}.${base64url(JSON.stringify(claims))}`;
  return `${input}.${createHmac("sha256", process.env.JWT_SECRET).update(input).digest("base64url")}`;
}
const token = mint(`browser-${process.pid}`);

async function api(method, route, body) {
  const response = await fetch(new URL(route, backend), {
    method,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  assert.ok(response.ok, `${method} ${route}: ${response.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

let server;
let browser;
const pages = {};
const problems = [];

before(async () => {
  server = proxy(backend, dist);
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  await api("POST", "/notes", { title: "Fetched note" });
  await api("POST", "/notes", { title: "Other note" });
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium", args: ["--no-sandbox"] });
  for (const framework of FRAMEWORKS) {
    const page = await browser.newPage();
    // Counts the subscriptions the page's sockets ask for and the `subscribed` answers they get,
    // so that the live test writes only once every subscription is taken (the apps themselves
    // are left as they are).
    await page.addInitScript(() => {
      window.__asked = 0;
      window.__subscribed = 0;
      const Native = window.WebSocket;
      window.WebSocket = class extends Native {
        constructor(...args) {
          super(...args);
          this.addEventListener("message", (event) => {
            if (String(event.data).includes('"type":"subscribed"')) window.__subscribed += 1;
          });
        }
        send(data) {
          if (String(data).includes('"type":"subscribe"')) window.__asked += 1;
          super.send(data);
        }
      };
    });
    page.on("pageerror", (error) => problems.push(`${framework}: ${error.message}`));
    page.on("console", (message) => {
      // Without LIVE=1 the server may not serve /_backworks/ws yet: the client retrying is expected.
      if (message.type() === "error" && (live || !/WebSocket/.test(message.text()))) {
        problems.push(`${framework} console: ${message.text()}`);
      }
    });
    await page.goto(`${origin}/${framework}/#token=${token}`);
    pages[framework] = page;
  }
});

after(async () => {
  await browser?.close();
  server?.close();
  server?.closeAllConnections?.();
});

/** The titles an app shows once `predicate` holds of them (or the assertion's timeout). */
async function titles(page, predicate, what) {
  const deadline = Date.now() + 15000;
  let shown = [];
  while (Date.now() < deadline) {
    shown = await page.locator(".notes li").allTextContents();
    if (predicate(shown)) return shown;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const status = await page.locator(".status").allTextContents();
  assert.fail(`${what}: the app shows ${JSON.stringify(shown)} ${JSON.stringify(status)}; ${problems.join("; ")}`);
}

for (const framework of FRAMEWORKS) {
  test(`${framework} renders the notes the service holds`, async () => {
    await titles(pages[framework], (shown) => shown.join() === "Fetched note,Other note", framework);
  });
}

test("svelte's query is also a store: `$notes` follows it", async () => {
  await pages.svelte.locator("p.store", { hasText: "success" }).waitFor({ timeout: 15000 });
});

for (const framework of FRAMEWORKS) {
  test(`${framework} fetches again when its params change`, async () => {
    const search = pages[framework].locator("input.search");
    await search.fill("fetch");
    await titles(pages[framework], (shown) => shown.join() === "Fetched note", `${framework} searching`);
    await search.fill("");
    await titles(pages[framework], (shown) => shown.join() === "Fetched note,Other note", `${framework} cleared`);
  });
}

test("a note created and one deleted over HTTP reach every app live, without a reload", { skip: !live && "needs LIVE=1" }, async () => {
  const marks = {};
  for (const framework of FRAMEWORKS) {
    // A reload would lose this.
    marks[framework] = await pages[framework].evaluate(() => (window.__mark = Math.random()));
  }
  for (const framework of FRAMEWORKS) {
    await pages[framework].waitForFunction(() => window.__asked > 0 && window.__subscribed >= window.__asked, null, {
      timeout: 15000,
    });
  }
  const fetched = (await api("GET", "/notes?title=eq.Fetched%20note")).items[0];
  await api("POST", "/notes", { title: "Live note" });
  for (const framework of FRAMEWORKS) {
    await titles(pages[framework], (shown) => shown.join() === "Fetched note,Other note,Live note", `${framework} after a create`);
  }
  await api("DELETE", `/notes/${fetched.id}`);
  for (const framework of FRAMEWORKS) {
    await titles(pages[framework], (shown) => shown.join() === "Other note,Live note", `${framework} after a delete`);
    assert.equal(await pages[framework].evaluate(() => window.__mark), marks[framework], `${framework} was not reloaded`);
  }
});

test("no app logged an error", () => {
  assert.deepEqual(problems, []);
});
