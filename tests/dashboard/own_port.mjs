// The dashboard on its own port (`dashboard.port`), in Debian's chromium, driven by
// tests/tests/dashboard_browser.rs against the notes-auth server it built, run again with
// DASHBOARD_PORT set:
//   node own_port.mjs <dashboard-base-url> <config.json>
// config: { api: the service's own base URL, email, password, probe: a path to request,
//           screenshots: dir }
// The page learns from the server that the API is behind its port's /_backworks/api/ prefix:
// sign-in with an account, the explorer (status and body shown) and the live log's socket
// all work there, every request the page makes stays on the dashboard's origin, and a
// request sent to the service's own port shows in the live log through the socket within a
// second. Prints one line per check; exits 1 with every failure listed.
import { readFileSync } from 'node:fs';
import * as harness from './harness.mjs';

const [base, configPath] = process.argv.slice(2);
const config = JSON.parse(readFileSync(configPath, 'utf8'));
const origin = new URL(base).origin;
const { failures, check } = harness.checks();
const { browser, context } = await harness.launch();
const page = await context.newPage();

const requested = [];
const responses = [];
let signedIn = false;
page.on('request', (request) => {
  requested.push(request.url());
  if (new URL(request.url()).origin !== origin) failures.push(`a request left the dashboard's origin: ${request.url()}`);
});
page.on('response', (response) => responses.push({ url: response.url(), status: response.status(), signedIn }));
const sockets = [];
page.on('websocket', (socket) => {
  sockets.push(socket.url());
  if (new URL(socket.url()).host !== new URL(base).host) failures.push(`a socket left the dashboard's origin: ${socket.url()}`);
});
page.on('requestfailed', (request) => failures.push(`request failed: ${request.url()} ${request.failure()?.errorText}`));
const consoleErrors = [];
page.on('console', (message) => {
  if (message.type() !== 'error' && message.type() !== 'warning') return;
  const where = message.location()?.url ?? '';
  if (!signedIn && /\/_backworks\/workflows$/.test(where) && message.text().includes('401')) return;
  consoleErrors.push(`${message.type()}: ${message.text()} (${where})`);
});
page.on('pageerror', (error) => consoleErrors.push(`page error: ${error.message}`));
const visit = (hash) => harness.visit(page, hash);

try {
  await page.goto(`${base}/_backworks/`);
  const declared = await page.locator('meta[name="backworks-api"]').getAttribute('content');
  check(declared === 'api/', `the server tells the page its API is behind api/ (${declared})`);
  // Accounts are found in the API's OpenAPI document, read through the prefix.
  await page.getByLabel('Email').fill(config.email);
  await page.getByLabel('Password').fill(config.password);
  signedIn = true;
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForSelector('nav a[aria-current="page"]');
  check(requested.some((url) => url === `${base}/_backworks/api/auth/login`), 'the account signs in through /_backworks/api/auth/login');
  check(await page.locator('#nav-monitoring').count() === 1, 'the admin sees the monitoring pages on the dashboard\'s port');

  // The explorer: a public GET, then a POST with the signed-in admin's token.
  await visit('explorer');
  await page.waitForSelector('#explorer-operation option', { state: 'attached' });
  const option = async (text) => page.locator('#explorer-operation option', { hasText: text }).first().textContent();
  await page.getByLabel('Operation').selectOption({ label: await option('GET /status') });
  await page.locator('#explorer-send').click();
  await page.waitForSelector('#explorer-status');
  const status = await page.textContent('#explorer-status');
  check(status.startsWith('200') && (await page.textContent('#explorer-body')).includes('"ok": true'), `the explorer sends GET /status through the prefix and shows ${status} and its body`);
  check(requested.includes(`${base}/_backworks/api/status`), 'the explorer\'s request went to /_backworks/api/status');
  await page.getByLabel('Operation').selectOption({ label: await option('POST /notes') });
  await page.locator('#body-title').fill('written on the dashboard port');
  await page.locator('#explorer-send').click();
  await page.waitForFunction(() => document.querySelector('#explorer-body')?.textContent.includes('written on the dashboard port'), null, { timeout: 5000 });
  const created = await page.textContent('#explorer-status');
  check(created.startsWith('201'), `the explorer creates a note as the signed-in admin (${created})`);
  const note = JSON.parse(await page.textContent('#explorer-body'));
  const stored = await fetch(`${config.api}/notes/${note.id}`, { headers: { authorization: `Bearer ${await page.evaluate(() => JSON.parse(sessionStorage.getItem('backworks.dashboard.session')).access)}` } });
  check(stored.status === 200 && (await stored.json()).title === 'written on the dashboard port', 'the service\'s own port serves the note the explorer created');

  // The live log follows the request stream over the socket (through the prefix), not polls.
  await visit('log');
  await page.waitForFunction(() => document.querySelector('#log')?.dataset.source === 'socket', null, { timeout: 5000 });
  check(true, 'the live log follows the socket on the dashboard\'s port (data-source: socket)');
  check(sockets.includes(`${base.replace(/^http/, 'ws')}/_backworks/api/_backworks/ws`), `the socket opened through /_backworks/api/_backworks/ws (${sockets.join(', ')})`);
  await page.waitForSelector('#log-rows tr');
  const polled = responses.filter((r) => r.url.includes('/_backworks/monitor/requests')).length;
  const sent = Date.now();
  const probe = await fetch(`${config.api}${config.probe}`);
  check(probe.status === 404, `a request to the service's own port (${probe.status})`);
  await page.locator('#log-rows tr', { hasText: config.probe }).first().waitFor({ timeout: 5000 });
  const took = Date.now() - sent;
  check(took < 1000, `it shows in the live log within a second (${took} ms)`);
  check(responses.filter((r) => r.url.includes('/_backworks/monitor/requests')).length === polled, 'it came through the socket: no poll of monitor/requests meanwhile');
  await harness.axe(page, check, 'the live log on the dashboard\'s port');
  await page.screenshot({ path: `${config.screenshots}/own-port-log-light-1280.png` });
} catch (error) {
  failures.push(`stopped: ${error.stack ?? error}`);
}

const refused = responses.filter((r) => r.status >= 400 && !(r.url.endsWith('/_backworks/workflows') && r.status === 401 && !r.signedIn));
check(refused.length === 0, `every response was a success${refused.length ? ': ' + refused.map((r) => `${r.status} ${r.url}`).join(', ') : ''}`);
check(consoleErrors.length === 0, `no console errors${consoleErrors.length ? ': ' + consoleErrors.join(' | ') : ''}`);
await browser.close();
if (failures.length) {
  console.log(`\n${failures.length} failure(s):\n${failures.join('\n')}`);
  process.exit(1);
}
