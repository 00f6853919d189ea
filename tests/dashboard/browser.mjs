// Drives the dashboard of a live server in Debian's chromium (playwright-core, no browser
// download), once for every check of tests/tests/dashboard_browser.rs:
//   node browser.mjs <base-url> <config.json>
// config: { email, password, markers: [secret values], screenshots: dir, probe: path }
// Prints one line per check; exits 1 with every failure listed.
import { readFileSync, mkdirSync } from 'node:fs';
import * as harness from './harness.mjs';

const [base, configPath] = process.argv.slice(2);
const config = JSON.parse(readFileSync(configPath, 'utf8'));
const origin = new URL(base).origin;
const { failures, check } = harness.checks();
const { browser, context } = await harness.launch();
const page = await context.newPage();
mkdirSync(config.screenshots, { recursive: true });

// Every request and response, every console message.
const responses = [];
const bodies = [];
let signedIn = false;
page.on('request', (request) => {
  const url = new URL(request.url());
  if (url.origin !== origin && url.protocol !== 'data:') failures.push(`a request left the server: ${request.url()}`);
});
page.on('response', async (response) => {
  const url = response.url();
  responses.push({ url, status: response.status(), signedIn });
  try { bodies.push({ url, text: await response.text() }); } catch { /* redirects have none */ }
});
page.on('requestfailed', (request) => failures.push(`request failed: ${request.url()} ${request.failure()?.errorText}`));
const consoleErrors = [];
page.on('console', (message) => {
  if (message.type() !== 'error' && message.type() !== 'warning') return;
  const where = message.location()?.url ?? '';
  // Before signing in, the page asks what it may show without credentials: that 401 is
  // how it learns it must ask who you are.
  if (!signedIn && /\/_backworks\/(service\.json|workflows)$/.test(where) && message.text().includes('401')) return;
  consoleErrors.push(`${message.type()}: ${message.text()} (${where})`);
});
page.on('pageerror', (error) => consoleErrors.push(`page error: ${error.message}`));

const axe = (name) => harness.axe(page, check, name);

async function domHasNoSecret(name) {
  const html = await page.evaluate(() => document.documentElement.outerHTML + document.body.innerText);
  const leaked = config.markers.filter((marker) => html.includes(marker));
  check(leaked.length === 0, `no secret in the DOM of ${name}`);
}

const shots = (name) => harness.shots(page, check, config.screenshots, name);
const visit = (hash) => harness.visit(page, hash);

try {
  // Sign in.
  await page.goto(`${base}/_backworks/`);
  await page.getByLabel('Email').fill(config.email);
  await page.getByLabel('Password').fill(config.password);
  await axe('sign-in');
  signedIn = true;
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForSelector('nav a[aria-current="page"]');
  const service = await (await fetch(`${base}/_backworks/service.json`, { headers: { authorization: `Bearer ${await page.evaluate(() => JSON.parse(sessionStorage.getItem('backworks.dashboard.session')).access)}` } })).json();
  check(service.name === 'dashboard-notes', 'signed in as the admin; service.json read');

  // An expired access token is renewed with the refresh token, without asking again.
  signedIn = false; // the 401 that starts the renewal is expected
  await page.evaluate(() => {
    const session = JSON.parse(sessionStorage.getItem('backworks.dashboard.session'));
    sessionStorage.setItem('backworks.dashboard.session', JSON.stringify({ ...session, access: 'expired' }));
  });
  await page.reload();
  await page.waitForSelector('nav a[aria-current="page"]');
  const renewed = await page.evaluate(() => JSON.parse(sessionStorage.getItem('backworks.dashboard.session')).access);
  check(renewed !== 'expired', 'an expired access token is renewed through /auth/refresh');
  signedIn = true;

  // Overview.
  await page.waitForFunction(() => document.querySelector('#stat-requests')?.textContent !== '–');
  const endpoints = await page.textContent('#stat-endpoints');
  check(endpoints === String(service.routes.length), `overview shows the endpoint count (${endpoints})`);
  const requests = Number((await page.textContent('#stat-requests')).replace(/,/g, ''));
  check(requests >= config.sent, `overview counts the requests sent (${requests} ≥ ${config.sent})`);
  check(await page.locator('.chart canvas').count() >= 2, 'overview draws two charts');
  await page.waitForTimeout(2200); // a second poll: the charts update in place
  await axe('overview'); await domHasNoSecret('overview'); await shots('overview');

  // Endpoints: the known requests' counts; the filters.
  await visit('endpoints');
  const statusCount = page.locator('[data-count="GET /status"]');
  await page.waitForFunction(() => Number(document.querySelector('[data-count="GET /status"]')?.textContent) > 0);
  check(Number(await statusCount.textContent()) === config.status_requests, `endpoints page counts GET /status (${await statusCount.textContent()} = ${config.status_requests})`);
  await page.getByLabel('Search').fill('greeting');
  check(await page.locator('#endpoints tbody tr:not([hidden])').count() === 1, 'search keeps only the matching route');
  await page.getByLabel('Search').fill('');
  await page.getByLabel('Method').selectOption('DELETE');
  const deletes = await page.locator('#endpoints tbody tr:not([hidden])').count();
  check(deletes === service.routes.filter((r) => r.method === 'DELETE').length && deletes > 0, `the method filter keeps the DELETE routes (${deletes})`);
  await page.getByLabel('Method').selectOption('');
  await axe('endpoints'); await domHasNoSecret('endpoints'); await shots('endpoints');
  // A route's "Try" link opens it in the explorer, ready to send.
  await page.getByRole('link', { name: 'Try GET /status in the API explorer' }).click();
  await page.waitForSelector('#explorer-send');
  check((await page.textContent('#explorer-send')) === 'Send GET /status', 'a route\'s Try link opens it in the explorer');
  await page.locator('#explorer-send').click();
  await page.waitForSelector('#explorer-status');
  check((await page.textContent('#explorer-status')).startsWith('200') && (await page.textContent('#explorer-body')).includes('"ok": true'), 'the explorer sends it and shows the answer');
  await visit('endpoints');
  await page.waitForFunction(() => Number(document.querySelector('[data-count="GET /status"]')?.textContent) === 4);
  check(true, 'the endpoints page counts the explorer\'s request too');

  // Live log: the known requests, then one made now appears within a poll.
  await visit('log');
  await page.waitForSelector('#log-rows tr');
  check(await page.locator('#log-rows tr', { hasText: '/status' }).count() >= 1, 'the live log lists the requests sent before');
  const probe = await fetch(`${base}${config.probe}`);
  const probeId = probe.headers.get('x-request-id');
  const appeared = Date.now();
  const row = page.locator('#log-rows tr', { hasText: config.probe });
  await row.first().waitFor({ timeout: 5000 });
  check(Date.now() - appeared < 2500, `a request made now shows in the live log (${Date.now() - appeared} ms)`);
  // It came through the WebSocket's request stream, not a poll.
  const source = await page.getAttribute('#log', 'data-source');
  check(source === 'socket', `the live log follows the WebSocket stream (data-source: ${source})`);
  await row.first().focus();
  await page.keyboard.press('Enter');
  check(await page.locator(`#log-details [data-request-id="${probeId}"]`).count() === 1, 'its details (opened with the keyboard) show its request id');
  check((await page.textContent('#log-details')).includes('user-agent'), 'its details show the recorded headers');
  await page.locator('#log-rows tr', { hasText: '/logger' }).first().click();
  check((await page.textContent('#log-details .logs')).includes('logged by the dashboard test'), 'a request\'s details show its handler\'s console lines');
  await page.getByLabel('Status').selectOption('4xx');
  await page.waitForFunction(() => { const rows = [...document.querySelectorAll('#log-rows tr')]; return rows.length > 0 && rows.every((r) => r.children[3].textContent.startsWith('4')); }, null, { timeout: 5000 });
  check(true, 'the status filter shows only 4xx');
  await page.getByRole('button', { name: 'Pause' }).click();
  const before = await page.locator('#log-rows tr').count();
  await fetch(`${base}/nothing-here-while-paused`);
  await page.waitForTimeout(1500);
  check(await page.locator('#log-rows tr').count() === before, 'paused, the log does not change');
  await page.getByRole('button', { name: 'Resume' }).click();
  await page.locator('#log-rows tr', { hasText: '/nothing-here-while-paused' }).waitFor({ timeout: 5000 });
  check(true, 'resumed, what arrived meanwhile shows');
  await page.getByLabel('Status').selectOption('');
  await axe('live log'); await domHasNoSecret('live log'); await shots('log');

  // API explorer: create a note through the generated form.
  await visit('explorer');
  await page.waitForSelector('#explorer-operation option', { state: 'attached' });
  await page.getByLabel('Operation').selectOption({ label: (await page.locator('#explorer-operation option', { hasText: 'POST /notes' }).first().textContent()) });
  await page.locator('#body-title').fill('written by the explorer');
  await page.locator('#explorer-send').click();
  await page.waitForSelector('#explorer-status');
  const created = await page.textContent('#explorer-status');
  check(created.startsWith('201'), `the explorer sends POST /notes as the admin and shows ${created}`);
  check((await page.textContent('#explorer-body')).includes('written by the explorer'), 'the explorer shows the response body');
  // A path parameter: read the note back by its id.
  const note = JSON.parse(await page.textContent('#explorer-body'));
  await page.getByLabel('Operation').selectOption({ label: (await page.locator('#explorer-operation option', { hasText: 'GET /notes/{id}' }).first().textContent()) });
  await page.locator('#param-path-id').fill(String(note.id));
  await page.locator('#explorer-send').click();
  await page.waitForFunction(() => document.querySelector('#explorer-status')?.textContent.startsWith('200'));
  check(JSON.parse(await page.textContent('#explorer-body')).id === note.id, 'the explorer fills a path parameter (GET /notes/{id})');
  // The form generator on every kind of field (the module as the page loads it).
  const generated = await page.evaluate(async () => {
    const { objectForm } = await import('./assets/schema_form.js');
    const form = objectForm({}, { type: 'object', required: ['name', 'count'], properties: {
      name: { type: 'string' }, count: { type: 'integer', minimum: 1 }, ratio: { type: 'number' },
      active: { type: 'boolean' }, colour: { enum: ['red', 'green'] }, tags: { type: 'array', items: { type: 'string' } },
      note: { type: ['string', 'null'] } } }, 'probe');
    const box = document.createElement('form');
    box.append(...form.elements);
    document.body.append(box);
    const labels = [...box.querySelectorAll('label')].map((label) => label.textContent);
    const set = (id, value) => { box.querySelector(`#${id}`).value = value; };
    set('probe-name', 'Ada'); set('probe-count', '3'); set('probe-ratio', '0.5'); set('probe-active', 'false');
    set('probe-colour', '"green"'); set('probe-tags', '["x"]');
    const kinds = ['name', 'count', 'ratio', 'active', 'colour', 'tags', 'note'].map((n) => box.querySelector(`#probe-${n}`).tagName + ':' + (box.querySelector(`#probe-${n}`).type ?? ''));
    const value = form.value();
    box.remove();
    return { labels, value, kinds };
  });
  check(JSON.stringify(generated.value) === JSON.stringify({ name: 'Ada', count: 3, ratio: 0.5, active: false, colour: 'green', tags: ['x'] }),
    `a schema form reads strings, integers, numbers, booleans, enums and JSON back (${JSON.stringify(generated.value)})`);
  check(generated.labels[0] === 'name (required)' && generated.labels[1] === 'count (required)' && generated.labels[2] === 'ratio',
    `required fields are marked (${generated.labels.slice(0, 3).join(', ')})`);
  check(generated.kinds.join() === 'INPUT:text,INPUT:number,INPUT:number,SELECT:select-one,SELECT:select-one,TEXTAREA:textarea,INPUT:text',
    `each kind of field gets its control (${generated.kinds.join()})`);
  await axe('API explorer'); await domHasNoSecret('API explorer'); await shots('explorer');

  // Configuration.
  await visit('configuration');
  const text = await page.textContent('main');
  check(text.includes('record.owner == user.id') && text.includes('handlers/me.js'), 'configuration shows rules and handler files');
  await page.locator('.handler summary').first().click();
  check(await page.locator('.handler[open] .ln').count() > 1, 'a handler opens with line numbers');
  await axe('configuration'); await domHasNoSecret('configuration'); await shots('configuration');

  // The admin's workflows (notes-auth's dashboard section), read through their routes.
  const workflowLinks = await page.locator('#nav-workflows ~ a').allTextContents();
  check(workflowLinks.join() === 'Notes,Report', `the admin sees both workflows (${workflowLinks.join(', ')})`);
  const adminToken = await page.evaluate(() => JSON.parse(sessionStorage.getItem('backworks.dashboard.session')).access);
  const allNotes = await (await fetch(`${base}/notes?count=exact&limit=1`, { headers: { authorization: `Bearer ${adminToken}` } })).json();
  await visit('w/notes');
  await page.waitForSelector('#wf-notes-table tbody tr[data-id]');
  check((await page.textContent('#wf-notes-table caption')).includes(`${allNotes.total} row`), `the notes crud_table lists the ${allNotes.total} notes the admin may read`);
  await axe('notes (crud_table)'); await domHasNoSecret('notes (crud_table)'); await shots('workflow-notes');
  // An optional boolean stored as null (`shared` has a default, but may be null) stays null
  // through the edit form: a tri-state control (unset / true / false), each state saved as
  // itself. The Rust side reads the row in the database afterwards.
  const asAdmin = { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' };
  const tri = await (await fetch(`${base}/notes`, { method: 'POST', headers: asAdmin, body: JSON.stringify({ title: 'Tri-state note', shared: null }) })).json();
  const sharedNow = async () => (await (await fetch(`${base}/notes/${tri.id}`, { headers: asAdmin })).json()).shared;
  check(await sharedNow() === null, `a note is stored with shared: null (${JSON.stringify(tri)})`);
  const editTri = async (title, choice) => {
    await page.getByRole('button', { name: `Edit ${title}` }).click();
    await page.waitForSelector('dialog[open] #wf-notes-form-shared');
    await page.waitForFunction(() => !document.querySelector('dialog[open] form').inert);
    const shown = await page.locator('#wf-notes-form-shared').inputValue();
    const kind = await page.locator('#wf-notes-form-shared').evaluate((el) => `${el.tagName}:${[...el.options].map((o) => o.textContent).join('/')}`);
    if (choice !== undefined) await page.locator('#wf-notes-form-shared').selectOption(choice);
    return { shown, kind };
  };
  await page.getByRole('button', { name: 'Edit Tri-state note' }).waitFor({ timeout: 8000 });
  const first = await editTri('Tri-state note');
  check(first.kind === 'SELECT:(unset)/true/false' && first.shown === '', `the edit form shows the stored null as unset (${first.kind}, "${first.shown}")`);
  await page.locator('#wf-notes-form-title').fill('Tri-state note, edited');
  await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
  await page.waitForSelector('dialog', { state: 'detached' });
  check(await sharedNow() === null, 'saving another field leaves shared null (not false)');
  await page.getByRole('button', { name: 'Edit Tri-state note, edited' }).waitFor({ timeout: 8000 });
  await editTri('Tri-state note, edited', 'false');
  await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
  await page.waitForSelector('dialog', { state: 'detached' });
  check(await sharedNow() === false, 'false is saved as false');
  const third = await editTri('Tri-state note, edited', '');
  check(third.shown === 'false', `the edit form shows a stored false as false ("${third.shown}")`);
  await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
  await page.waitForSelector('dialog', { state: 'detached' });
  check(await sharedNow() === null, 'unset is saved as null again');
  const notesNow = await (await fetch(`${base}/notes?count=exact&limit=1`, { headers: { authorization: `Bearer ${adminToken}` } })).json();
  await visit('w/report');
  await page.waitForSelector('#wf-report-table tbody tr');
  const reportCells = await page.locator('#wf-report-table tbody tr').first().locator('td').allTextContents();
  check(reportCells[0] === String(notesNow.total), `the report table shows the report's one row (${reportCells.join(', ')})`);
  await axe('report (table)'); await shots('workflow-report');

  // Hundreds of endpoints: the same page over a generated description of 300 routes.
  const many = { ...service, routes: Array.from({ length: 300 }, (_, i) => ({ method: ['GET', 'POST', 'DELETE'][i % 3], path: `/generated/r${i}`, endpoint: `endpoint${i}`, kind: 'endpoint', auth: i % 2 ? 'public' : 'required', roles: [], parameters: [], handler: 0 })) };
  await page.route('**/_backworks/service.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(many) }));
  await page.reload();
  await page.waitForSelector('nav a');
  await visit('endpoints');
  check(await page.locator('#endpoints tbody tr').count() === 300, '300 routes listed');
  await page.getByLabel('Search').fill('r29');
  check(await page.locator('#endpoints tbody tr:not([hidden])').count() === 11, 'search over 300 routes (r29, r290…r299)');
  await page.getByLabel('Search').fill('');
  await page.getByLabel('Access').selectOption('public');
  await page.getByLabel('Method').selectOption('GET');
  check(await page.locator('#endpoints tbody tr:not([hidden])').count() === 50, 'method and access filters together over 300 routes');
  await page.unroute('**/_backworks/service.json');
} catch (error) {
  failures.push(`stopped: ${error.stack ?? error}`);
}

// The other ways in, on a fresh tab: a service without accounts asks for a token (here the
// real dashboard.auth token, checked by the real server); one whose monitor answers only its
// own machine says so. Only the OpenAPI document (what the page decides by) is replaced.
try {
  const other = await context.newPage();
  other.on('pageerror', (error) => consoleErrors.push(`page error: ${error.message}`));
  await other.route('**/_backworks/openapi.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: '{"openapi":"3.1.0","paths":{}}' }));
  await other.goto(`${base}/_backworks/`);
  await other.getByLabel('Token').fill(config.token);
  await other.getByRole('button', { name: 'Sign in' }).click();
  await other.waitForSelector('nav a[aria-current="page"]');
  check(true, 'a token signs in where the service has no accounts');
  await other.evaluate(() => sessionStorage.clear());
  await other.route('**/_backworks/service.json', (route) => route.fulfill({ status: 403, contentType: 'application/json', body: '{"error":"forbidden"}' }));
  await other.route('**/_backworks/workflows', (route) => route.fulfill({ status: 403, contentType: 'application/json', body: '{"error":"forbidden"}' }));
  await other.reload();
  const text = await other.locator('[role=alert]').textContent();
  check(text.includes('only clients on the server'), 'a loopback-only monitor is explained');
  await other.close();
} catch (error) {
  failures.push(`stopped (other sign-ins): ${error.stack ?? error}`);
}

// A member (the default role, registered by the Rust side) signs in and sees neither the
// monitoring pages nor the admins' workflows, only a plain statement that none is theirs;
// the server refuses the member's direct calls to the workflows (403).
try {
  const member = await context.newPage();
  member.on('pageerror', (error) => consoleErrors.push(`page error: ${error.message}`));
  member.on('console', (message) => {
    if (message.type() !== 'error') return;
    if (/\/_backworks\/workflows$/.test(message.location()?.url ?? '') && message.text().includes('401')) return;
    consoleErrors.push(`member: ${message.text()}`);
  });
  const seen = [];
  member.on('response', (response) => seen.push(response.url()));
  await member.goto(`${base}/_backworks/`);
  await member.getByLabel('Email').fill(config.member.email);
  await member.getByLabel('Password').fill(config.member.password);
  await member.getByRole('button', { name: 'Sign in' }).click();
  await member.waitForSelector('#no-workflows');
  const memberNav = (await member.textContent('nav')).trim();
  check(await member.locator('nav a').count() === 0 && memberNav === '', `a member sees no monitoring page and no admin workflow (nav: "${memberNav}")`);
  check(!seen.some((url) => url.endsWith('/_backworks/service.json')), 'the member\'s dashboard does not even ask for service.json');
  const memberToken = await member.evaluate(() => JSON.parse(sessionStorage.getItem('backworks.dashboard.session')).access);
  for (const path of ['/_backworks/w/notes/notes', '/_backworks/w/report/report']) {
    const status = (await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${memberToken}` } })).status;
    check(status === 403, `the server refuses the member's GET ${path} (${status})`);
  }
  await harness.axe(member, check, 'the member\'s empty dashboard');
  await member.screenshot({ path: `${config.screenshots}/member-light-1280.png` });
  await member.close();
} catch (error) {
  failures.push(`stopped (member): ${error.stack ?? error}`);
}

// A reporter (given the reports role by the Rust side) sees the report workflow and only it.
try {
  const reporter = await context.newPage();
  reporter.on('pageerror', (error) => consoleErrors.push(`page error: ${error.message}`));
  reporter.on('console', (message) => {
    if (message.type() !== 'error') return;
    if (/\/_backworks\/workflows$/.test(message.location()?.url ?? '') && message.text().includes('401')) return;
    consoleErrors.push(`reporter: ${message.text()}`);
  });
  await reporter.goto(`${base}/_backworks/`);
  await reporter.getByLabel('Email').fill(config.reporter.email);
  await reporter.getByLabel('Password').fill(config.reporter.password);
  await reporter.getByRole('button', { name: 'Sign in' }).click();
  await reporter.waitForSelector('#wf-report-table tbody tr');
  const links = await reporter.locator('nav a').allTextContents();
  check(links.join() === 'Report' && await reporter.locator('#nav-monitoring').count() === 0,
    `a reporter sees only the report workflow (${links.join(', ')}), no monitoring page`);
  const cells = await reporter.locator('#wf-report-table tbody tr').first().locator('td').allTextContents();
  check(/^\d+$/.test(cells[0]), `the reporter's report table shows the count (${cells.join(', ')})`);
  await harness.axe(reporter, check, 'the reporter\'s dashboard');
  await reporter.screenshot({ path: `${config.screenshots}/reporter-light-1280.png` });
  await reporter.close();
} catch (error) {
  failures.push(`stopped (reporter): ${error.stack ?? error}`);
}

// What was loaded: every response from this server, none refused (but the one 401 above).
const refused = responses.filter((r) => r.status >= 400 && !(/\/_backworks\/(service\.json|workflows)$/.test(r.url) && r.status === 401 && !r.signedIn));
check(refused.length === 0, `every response was a success${refused.length ? ': ' + refused.map((r) => `${r.status} ${r.url}`).join(', ') : ''}`);
const assets = responses.filter((r) => r.url.includes('/_backworks/assets/'));
check(assets.length >= 10 && assets.every((r) => r.status === 200 || r.status === 304), `${assets.length} assets served`);
const leaked = bodies.filter((b) => config.markers.some((marker) => b.text.includes(marker))).map((b) => b.url);
check(leaked.length === 0, `no secret in any response${leaked.length ? ': ' + leaked.join(', ') : ''}`);
check(consoleErrors.length === 0, `no console errors${consoleErrors.length ? ': ' + consoleErrors.join(' | ') : ''}`);
await browser.close();
if (failures.length) {
  console.log(`\n${failures.length} failure(s):\n${failures.join('\n')}`);
  process.exit(1);
}
