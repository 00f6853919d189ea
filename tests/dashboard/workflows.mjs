// The admin workflows of examples/bookstore's dashboard in Debian's chromium, against the live
// server tests/tests/dashboard_browser.rs started:
//   node workflows.mjs <base-url> <config.json>      config: { screenshots: dir }
// The crud_table lists, sorts, filters and searches books; creates one (the browser's own
// checks first, then the server's 409 shown on its field, then fixed), edits it, deletes it
// after a confirmation, bulk-deletes two rows, and shows rows written elsewhere without a
// reload — each write checked against the server's own GET. The form posts a review, the
// table shows the report's rows, every chart draws one point or slice per row. axe in both
// themes, screenshots of every workflow page (both themes, both widths), no console error.
// Expected values come from the server's own routes, read here with fetch.
import { readFileSync } from 'node:fs';
import { checks, launch, axe, shots, visit } from './harness.mjs';

const [base, configPath] = process.argv.slice(2);
const config = JSON.parse(readFileSync(configPath, 'utf8'));
const origin = new URL(base).origin;
const { failures, check } = checks();
const api = async (method, path, body) => {
  const response = await fetch(`${base}${path}`, { method, headers: body ? { 'content-type': 'application/json' } : {}, body: body ? JSON.stringify(body) : undefined });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
};

const { browser, context } = await launch();
const page = await context.newPage();
const consoleErrors = [];
const responses = [];
page.on('request', (request) => { if (new URL(request.url()).origin !== origin) failures.push(`a request left the server: ${request.url()}`); });
page.on('response', (response) => responses.push({ url: response.url(), status: response.status(), method: response.request().method() }));
page.on('console', (message) => {
  if (message.type() !== 'error' && message.type() !== 'warning') return;
  // The answers the test provokes on purpose are logged by chromium as failed loads.
  if (/status of (409|422|400|404)/.test(message.text())) return;
  consoleErrors.push(`${message.type()}: ${message.text()} (${message.location()?.url ?? ''})`);
});
page.on('pageerror', (error) => consoleErrors.push(`page error: ${error.message}`));

const rowsShown = () => page.locator('#wf-books-table tbody tr[data-id]');
const cells = (column) => page.locator(`#wf-books-table tbody td[data-column="${column}"]`).allTextContents();
const waitRows = (n) => page.waitForFunction((count) => document.querySelectorAll('#wf-books-table tbody tr[data-id]').length === count, n, { timeout: 5000 });

try {
  await page.goto(`${base}/_backworks/`);
  await page.waitForSelector('nav a[aria-current="page"]');
  const description = await (await fetch(`${base}/_backworks/workflows`)).json();
  const names = await page.locator('#nav-workflows ~ a').allTextContents();
  check(names.length === description.workflows.length && names.length === 8, `the nav lists every workflow (${names.join(', ')})`);
  check(await page.locator('nav a[data-page="overview"]').count() === 1, 'this machine also sees the monitoring pages');

  // The theme: the blueprint's accent, made readable; the reader's choice remembered.
  await page.getByLabel('Theme').selectOption('dark');
  await page.reload();
  await page.waitForSelector('nav a[aria-current="page"]');
  check(await page.evaluate(() => document.documentElement.dataset.theme) === 'dark', 'the chosen theme (dark) is remembered across a reload');
  const accents = await page.evaluate(() => ['light', 'dark'].map((t) => getComputedStyle(document.documentElement).getPropertyValue(`--accent-${t}`).trim()));
  check(accents[0] === '#0f766e' && accents[1] !== '#0f766e' && accents[1] !== '', `the blueprint's accent is used (light ${accents[0]}, lightened for dark: ${accents[1]})`);
  await page.getByLabel('Theme').selectOption('light');

  // crud_table: the rows the server lists.
  await visit(page, 'w/books');
  const all = await api('GET', '/books?count=exact&limit=100');
  await waitRows(Math.min(all.body.total, 20));
  check((await page.textContent('#wf-books-table caption')).includes(`${all.body.total} rows`), `the crud_table lists the ${all.body.total} books`);
  const authorNames = new Map((await api('GET', '/authors?limit=100')).body.items.map((a) => [a.id, a.name]));
  check((await cells('author'))[0] === authorNames.get(all.body.items[0].author), 'a ref shows its label (the author\'s name)');
  // Sorting: click the header; the order is the server's order=price.
  await page.locator('button[data-sort="price"]').click();
  const byPrice = (await api('GET', '/books?order=price.asc,id&limit=20')).body.items.map((b) => String(b.price ?? ''));
  await page.waitForFunction(() => document.querySelector('th[aria-sort="ascending"] button[data-sort="price"]'));
  check(JSON.stringify(await cells('price')) === JSON.stringify(byPrice), `sorted by price ascending (${(await cells('price')).join(' ')})`);
  await page.locator('button[data-sort="price"]').click();
  await page.waitForFunction(() => document.querySelector('th[aria-sort="descending"] button[data-sort="price"]'));
  const byPriceDesc = (await api('GET', '/books?order=price.desc,id&limit=20')).body.items.map((b) => String(b.price ?? ''));
  check(JSON.stringify(await cells('price')) === JSON.stringify(byPriceDesc), 'sorted by price descending on a second click');
  // Filtering: status = draft, then a price range.
  await page.locator('summary', { hasText: 'Filters' }).click();
  await page.locator('#wf-books-filter-status').selectOption('"draft"');
  const drafts = (await api('GET', '/books?status=eq.draft')).body.items.length;
  await waitRows(drafts);
  check((await cells('status')).every((s) => s === 'draft') && drafts > 0, `the status filter lists the ${drafts} draft book(s)`);
  await page.locator('#wf-books-filter-status').selectOption('');
  await page.locator('#wf-books-filter-price_from').fill('9');
  await page.locator('#wf-books-filter-price_to').fill('11');
  const ranged = (await api('GET', '/books?price=gte.9&price=lte.11')).body.items.length;
  await waitRows(ranged);
  check((await cells('price')).every((p) => Number(p) >= 9 && Number(p) <= 11), `a price range lists the ${ranged} books from 9 to 11`);
  await page.locator('#wf-books-filter-price_from').fill('');
  await page.locator('#wf-books-filter-price_to').fill('');
  await waitRows(Math.min(all.body.total, 20));
  // Search (the resource's `search` fields).
  await page.getByLabel('Search', { exact: true }).fill('Earthsea');
  await waitRows((await api('GET', '/books?search=Earthsea')).body.items.length);
  check((await cells('title')).every((t) => t.includes('Earthsea')), 'the search box searches the titles');
  await page.getByLabel('Search', { exact: true }).fill('');
  await waitRows(Math.min(all.body.total, 20));

  // Create: the browser's checks first (no request is sent), then the server's.
  const posts = () => responses.filter((r) => r.method === 'POST' && r.url.endsWith('/_backworks/w/books/books')).length;
  await page.locator('#wf-books-new').click();
  await page.waitForSelector('dialog[open] #wf-books-form-title');
  check(await page.evaluate(() => document.activeElement?.id) === 'wf-books-form-title', 'the create dialog focuses its first field');
  check(await page.locator('#wf-books-form-status').inputValue() === '"draft"', 'a new record starts from the field defaults (status draft)');
  await page.locator('#wf-books-form-price').fill('-1');
  await page.getByRole('button', { name: 'Create', exact: true }).click();
  check((await page.textContent('#wf-books-form-title-error')) === 'is required', 'a missing title is shown next to the title');
  check((await page.textContent('#wf-books-form-price-error')) === 'must be at least 0', 'a negative price is shown next to the price');
  check(await page.getAttribute('#wf-books-form-price', 'aria-invalid') === 'true', 'the bad field is marked invalid for assistive technology');
  check(posts() === 0, 'nothing was sent while the form is invalid');
  await axe(page, check, 'the create dialog with errors');
  await page.screenshot({ path: `${config.screenshots}/books-create-errors-light-1280.png` });
  // An ISBN that exists: only the server can know (409, its violation on the isbn field).
  const taken = all.body.items.find((b) => b.isbn).isbn;
  await page.locator('#wf-books-form-title').fill('Written in the browser');
  await page.locator('#wf-books-form-price').fill('12.5');
  await page.locator('#wf-books-form-isbn').fill(taken);
  await page.locator('#wf-books-form-author-search').fill('Butler');
  await page.waitForFunction(() => [...document.querySelectorAll('#wf-books-form-author option')].some((o) => o.textContent === 'Octavia E. Butler') && document.querySelectorAll('#wf-books-form-author option').length === 2);
  const butler = [...authorNames].find(([, name]) => name === 'Octavia E. Butler')[0];
  await page.locator('#wf-books-form-author').selectOption({ label: 'Octavia E. Butler' });
  await page.locator('#wf-books-form-status').selectOption('"published"');
  await page.getByRole('button', { name: 'Create', exact: true }).click();
  await page.waitForFunction(() => document.querySelector('#wf-books-form-isbn-error')?.textContent);
  const conflict = responses.filter((r) => r.method === 'POST' && r.url.endsWith('/_backworks/w/books/books')).pop();
  check(conflict?.status === 409, `the server refused the taken ISBN (${conflict?.status}): "${await page.textContent('#wf-books-form-isbn-error')}" next to the isbn`);
  await page.locator('#wf-books-form-isbn').fill('978-0-00-000000-1');
  await page.getByRole('button', { name: 'Create', exact: true }).click();
  await page.waitForSelector('dialog', { state: 'detached' });
  check(await page.evaluate(() => document.activeElement?.id) === 'wf-books-new', 'closing the dialog gives the focus back to the New record button');
  const created = (await api('GET', '/books?title=eq.Written%20in%20the%20browser')).body.items;
  check(created.length === 1, 'the database holds the new book');
  const book = created[0];
  const stored = (await api('GET', `/books/${book.id}`)).body;
  check(stored.price === 12.5 && stored.author === butler && stored.status === 'published' && stored.isbn === '978-0-00-000000-1',
    `GET /books/${book.id} agrees (price ${stored.price}, author ${stored.author}, status ${stored.status})`);
  await page.locator(`#wf-books-table tr[data-id="${book.id}"]`).waitFor();
  check(true, 'the new row shows in the table');

  // Edit: the form holds the stored values; Enter saves.
  await page.getByRole('button', { name: 'Edit Written in the browser' }).click();
  await page.waitForFunction(() => document.querySelector('#wf-books-form-price')?.value === '12.5');
  const chosen = await page.waitForFunction(() => document.querySelector('#wf-books-form-author')?.selectedOptions[0]?.textContent === 'Octavia E. Butler', null, { timeout: 3000 }).then(() => true, () => false);
  check(chosen, 'the edit form shows the ref by its label');
  await page.locator('#wf-books-form-price').fill('14');
  await page.locator('#wf-books-form-price').press('Enter');
  await page.waitForSelector('dialog', { state: 'detached' });
  check((await api('GET', `/books/${book.id}`)).body.price === 14, 'the edit is stored (price 14)');
  await page.waitForFunction((id) => document.querySelector(`#wf-books-table tr[data-id="${id}"] td[data-column="price"]`)?.textContent === '14', book.id);
  // Escape closes a dialog without saving.
  await page.getByRole('button', { name: 'Edit Written in the browser' }).click();
  await page.waitForSelector('dialog[open]');
  await page.keyboard.press('Escape');
  await page.waitForSelector('dialog', { state: 'detached' });
  check(await page.evaluate(() => document.activeElement?.getAttribute('aria-label')) === 'Edit Written in the browser', 'Escape closes the dialog and the focus returns to its Edit button');

  // Delete: cancelled first, then confirmed.
  await page.getByRole('button', { name: 'Delete Written in the browser' }).click();
  await page.waitForSelector('dialog[open]');
  check(await page.evaluate(() => document.activeElement?.textContent) === 'Cancel', 'the delete confirmation focuses Cancel');
  await axe(page, check, 'the delete confirmation');
  await page.keyboard.press('Enter');
  await page.waitForSelector('dialog', { state: 'detached' });
  check((await api('GET', `/books/${book.id}`)).status === 200, 'cancelled, the book is still there');
  await page.getByRole('button', { name: 'Delete Written in the browser' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
  await page.locator(`#wf-books-table tr[data-id="${book.id}"]`).waitFor({ state: 'detached' });
  check((await api('GET', `/books/${book.id}`)).status === 404, 'confirmed, the book is deleted (GET answers 404)');

  // Live: rows written over HTTP elsewhere appear without a reload.
  await page.waitForFunction(() => document.querySelector('#wf-books-status')?.dataset.live === 'live');
  const before = Date.now();
  const first = await api('POST', '/books', { title: 'Live one', price: 1 });
  const second = await api('POST', '/books', { title: 'Live two', price: 2 });
  await page.locator(`#wf-books-table tr[data-id="${second.body.id}"]`).waitFor({ timeout: 5000 });
  await page.locator(`#wf-books-table tr[data-id="${first.body.id}"]`).waitFor({ timeout: 5000 });
  check(true, `rows created over HTTP appear live (${Date.now() - before} ms, over the WebSocket)`);
  // Bulk delete: the two checked rows.
  await page.getByRole('checkbox', { name: 'Select Live one' }).check();
  await page.getByRole('checkbox', { name: 'Select Live two' }).check();
  await page.getByRole('button', { name: 'Delete selected (2)' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
  await page.locator(`#wf-books-table tr[data-id="${first.body.id}"]`).waitFor({ state: 'detached' });
  check((await api('GET', `/books/${first.body.id}`)).status === 404 && (await api('GET', `/books/${second.body.id}`)).status === 404, 'bulk delete removed both checked rows');
  await axe(page, check, 'books (crud_table)');
  await shots(page, check, config.screenshots, 'workflow-books', 'picker');
  // Any accent stays readable: a pale and a dark one, each judged by axe in both themes.
  for (const accent of ['#facc15', '#1e3a8a']) {
    await page.evaluate(async (colour) => (await import('./assets/theme.js')).apply({ mode: 'system', accent: colour }), accent);
    for (const scheme of ['light', 'dark']) {
      await page.getByLabel('Theme').selectOption(scheme);
      await axe(page, check, `books with the accent ${accent} (${scheme})`);
    }
  }
  await page.evaluate(async (settings) => (await import('./assets/theme.js')).apply(settings), description.theme);
  await page.getByLabel('Theme').selectOption('light');

  // The browser's checks agree with the server's: each body is judged by the record form
  // (fields.js, as the page loads it) and by POST to the resource itself.
  const judged = [
    ['books', { title: 'Judged', price: 3 }], ['books', { price: 3 }], ['books', { title: 'x'.repeat(201) }],
    ['books', { title: '😀'.repeat(200) }], ['books', { title: '😀'.repeat(201) }], ['books', { title: 'a', isbn: '12' }], ['books', { title: 'a', isbn: '978-0-00-000000-9' }],
    ['books', { title: 'a', rating: 5.5 }], ['books', { title: 'a', review_count: 1.5 }], ['books', { title: 'a', price: -0.01 }],
    ['books', { title: 'a', tags: ['x', 'y'] }], ['authors', { name: 'A', email: 'a@b' }], ['authors', { name: 'A', email: 'a b@c.de' }],
    ['authors', { name: 'A', email: 'judged@example.org', born: '1929-10-21' }], ['authors', { name: 'n'.repeat(121) }],
  ];
  // Long texts named by their length: "title: 200 × 😀".
  const shortly = (body) => Object.entries(body).map(([k, v]) => `${k}: ${typeof v === 'string' && v.length > 20 ? `${[...v].length} × ${[...v][0]}` : JSON.stringify(v)}`).join(', ');
  for (const [resource, body] of judged) {
    const inBrowser = await page.evaluate(async ({ resource, body }) => {
      const { recordControls } = await import('./assets/fields.js');
      const described = await (await fetch('workflows')).json();
      const workflow = described.workflows.find((w) => w.type === 'crud_table' && w.resource.name === resource);
      const controls = recordControls(workflow.resource, async () => ({ ok: false }), 'judge');
      for (const c of controls) await c.write(body[c.name]);
      return controls.filter((c) => c.check()).map((c) => c.name).sort();
    }, { resource, body });
    const answer = await api('POST', `/${resource}`, body);
    const byServer = answer.status === 201 ? [] : (answer.body.violations ?? [{ pointer: `status ${answer.status}` }]).map((v) => v.pointer.split('/').pop()).sort();
    if (answer.status === 201) await api('DELETE', `/${resource}/${answer.body.id}`);
    check(JSON.stringify(inBrowser) === JSON.stringify(byServer),
      `browser and server agree on ${resource} ${shortly(body)}: ${byServer.length ? `refused (${byServer.join(', ')})` : 'accepted'}`);
  }

  // A resource that serves only list and get: no create, edit, delete or row checkboxes (the
  // page module itself, over the books description with those operations taken away).
  const readOnly = await page.evaluate(async () => {
    const { render } = await import('./assets/pages/workflows/crud_table.js');
    const described = await (await fetch('workflows')).json();
    const books = described.workflows.find((w) => w.id === 'books');
    const workflow = { ...books, id: 'readonly', resource: { ...books.resource, operations: ['list', 'get'] } };
    const box = document.createElement('section');
    document.body.append(box);
    const stop = render(box, { workflow });
    for (let i = 0; i < 50 && !box.querySelector('tbody tr[data-id]'); i += 1) await new Promise((r) => setTimeout(r, 50));
    const found = { rows: box.querySelectorAll('tbody tr[data-id]').length, buttons: [...box.querySelectorAll('button')].map((b) => b.textContent).filter((t) => /New|Edit|Delete/.test(t)), boxes: box.querySelectorAll('input[type=checkbox]').length };
    stop(); box.remove();
    return found;
  });
  check(readOnly.rows > 0 && readOnly.buttons.length === 0 && readOnly.boxes === 0, `a list-and-get resource gets no create, edit or delete controls (${JSON.stringify(readOnly)})`);

  // The second crud_table (authors: email and date fields).
  await visit(page, 'w/authors');
  await page.waitForSelector('#wf-authors-table tbody tr[data-id]');
  await page.locator('#wf-authors-new').click();
  check(await page.getAttribute('#wf-authors-form-email', 'type') === 'email' && await page.getAttribute('#wf-authors-form-born', 'type') === 'date', 'an email field gets an email input, a date field a date input');
  await page.locator('#wf-authors-form-name').fill('Someone');
  await page.locator('#wf-authors-form-email').fill('not-an-email');
  await page.getByRole('button', { name: 'Create', exact: true }).click();
  check((await page.textContent('#wf-authors-form-email-error')) === 'must be an email address', 'an invalid email is refused in the browser');
  await page.getByRole('button', { name: 'Cancel' }).click();
  await axe(page, check, 'authors (crud_table)');
  await shots(page, check, config.screenshots, 'workflow-authors', 'picker');

  // form: a review through POST /books/{id}/reviews.
  await visit(page, 'w/add_review');
  const target = all.body.items[0];
  await page.locator('#wf-add_review-path-id').fill(String(target.id));
  await page.locator('#wf-add_review-body-rating').fill('9');
  await page.locator('#wf-add_review-body-reviewer').fill('The browser test');
  await page.locator('#wf-add_review-send').click();
  check((await page.textContent('#wf-add_review-body-rating-error')) === 'must be at most 5', 'the form checks the rating as the schema says (at most 5)');
  await page.locator('#wf-add_review-body-rating').fill('4');
  await page.locator('#wf-add_review-send').click();
  await page.waitForSelector('#wf-add_review-status');
  const posted = await page.textContent('#wf-add_review-status');
  const reviews = (await api('GET', `/reviews?book=eq.${target.id}`)).body.items;
  check(posted.startsWith('2') && reviews.some((r) => r.reviewer === 'The browser test' && r.rating === 4), `the form posts the review (${posted}; the database has it)`);
  await axe(page, check, 'add_review (form)');
  await shots(page, check, config.screenshots, 'workflow-add_review', 'picker');

  // table: the report's rows.
  const report = (await api('GET', '/reports/authors')).body.authors;
  await visit(page, 'w/authors_report');
  await page.waitForSelector('#wf-authors_report-table tbody tr');
  const shown = await page.locator('#wf-authors_report-table tbody tr').evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => c.textContent)));
  check(JSON.stringify(shown) === JSON.stringify(report.map((r) => [r.name, String(r.books), r.average_price === null ? '' : String(r.average_price)])), `the table shows the report's ${report.length} rows`);
  await axe(page, check, 'authors_report (table)');
  await shots(page, check, config.screenshots, 'workflow-authors_report', 'picker');

  // charts: one point (or slice) per row of their source.
  const published = (await api('GET', '/books?status=eq.published&limit=100')).body.items.length;
  const ratings = (await api('GET', '/reviews?limit=100')).body.items.length;
  for (const [id, kind, points] of [['average_prices', 'bar', report.length], ['books_per_author', 'pie', report.length],
    ['price_and_rating', 'scatter', published], ['review_ratings', 'line', ratings]]) {
    await visit(page, `w/${id}`);
    const figure = page.locator(`#wf-${id}-chart figure`);
    await figure.waitFor();
    const drawn = Number(await figure.getAttribute('data-points'));
    const marks = kind === 'pie'
      ? await figure.locator('svg [data-slice]').count()
      : await figure.locator('canvas').count();
    check(drawn === points && (kind === 'pie' ? marks === report.filter((r) => r.books > 0).length : marks === 1),
      `the ${kind} chart ${id} draws ${drawn} of ${points} points${kind === 'pie' ? ` as ${marks} slices` : ' on a canvas'}`);
    await axe(page, check, `${id} (${kind} chart)`);
    await shots(page, check, config.screenshots, `workflow-${id}`, 'picker');
  }
  // A chart over a resource follows it: a new review is one more point, without a reload.
  await api('POST', `/books/${target.id}/reviews`, { rating: 2, reviewer: 'Another reader' });
  await page.waitForFunction((n) => Number(document.querySelector('#wf-review_ratings-chart figure')?.dataset.points) === n, ratings + 1, { timeout: 8000 });
  check(true, 'the line chart over reviews redraws when a review is added elsewhere');
  // A chart over an endpoint refreshes on its button (and every 10 s): a new author with a
  // book is one more slice.
  await visit(page, 'w/books_per_author');
  await page.locator('#wf-books_per_author-chart figure').waitFor();
  const newcomer = await api('POST', '/authors', { name: 'A new author' });
  await api('POST', '/books', { title: 'A first book', author: newcomer.body.id, status: 'published', price: 5 });
  const slices = (await api('GET', '/reports/authors')).body.authors.filter((r) => r.books > 0).length;
  await page.getByRole('button', { name: 'Refresh' }).click();
  await page.waitForFunction((n) => document.querySelectorAll('#wf-books_per_author-chart svg [data-slice]').length === n, slices, { timeout: 5000 });
  check(slices === report.filter((r) => r.books > 0).length + 1, `the pie over the report redraws on Refresh (${slices} slices)`);

  // …and by itself every 10 s. A tab of its own whose clock Playwright controls (page.clock,
  // installed and paused before the page loads), moved forward instead of waited for: at
  // 9.9 s after the chart started nothing is fetched again, at 10 s it redraws with the
  // author added meanwhile.
  const timed = await browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme: 'light' });
  await timed.clock.install({ time: new Date('2026-01-01T00:00:00Z') });
  await timed.clock.pauseAt(new Date('2026-01-01T00:00:01Z'));
  const tab = await timed.newPage();
  tab.on('pageerror', (error) => consoleErrors.push(`page error (timed tab): ${error.message}`));
  const reads = [];
  tab.on('request', (request) => { if (request.url().endsWith('/_backworks/w/books_per_author/reports/authors')) reads.push(request.url()); });
  await tab.goto(`${base}/_backworks/#w/books_per_author`);
  await tab.locator('#wf-books_per_author-chart figure').waitFor();
  const shownSlices = () => tab.locator('#wf-books_per_author-chart svg [data-slice]').count();
  const slicesBefore = await shownSlices();
  const later = await api('POST', '/authors', { name: 'A later author' });
  await api('POST', '/books', { title: 'A later book', author: later.body.id, status: 'published', price: 6 });
  await tab.clock.runFor(9900);
  check(reads.length === 1 && await shownSlices() === slicesBefore, `9.9 s after it loaded, the endpoint chart has not read its source again (${reads.length} read, ${slicesBefore} slices)`);
  await tab.clock.runFor(100);
  await tab.waitForFunction((n) => document.querySelectorAll('#wf-books_per_author-chart svg [data-slice]').length === n, slicesBefore + 1, { timeout: 5000 });
  check(reads.length === 2, `at 10 s it reads its source again and redraws: ${slicesBefore + 1} slices (${reads.length} reads)`);
  await timed.close();
} catch (error) {
  failures.push(`stopped: ${error.stack ?? error}`);
}

const refused = responses.filter((r) => r.status >= 400 && !(r.status === 409 && r.url.endsWith('/_backworks/w/books/books')));
check(refused.length === 0, `every other response was a success${refused.length ? ': ' + refused.map((r) => `${r.status} ${r.method} ${r.url}`).join(', ') : ''}`);
check(consoleErrors.length === 0, `no console errors${consoleErrors.length ? ': ' + consoleErrors.join(' | ') : ''}`);
await browser.close();
if (failures.length) {
  console.log(`\n${failures.length} failure(s):\n${failures.join('\n')}`);
  process.exit(1);
}
