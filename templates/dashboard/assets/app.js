// The dashboard's entry: signs the reader in, asks the server what this reader may use
// (`workflows`: the blueprint's theme, whether the monitoring pages are theirs, and the admin
// workflows their roles allow), loads the service description when the monitoring pages are,
// and shows the page the URL's hash names. A monitoring page is a module under pages/
// exporting `render(container, context) → stop?` and listed in PAGES; a workflow's page is
// the module of its type under pages/workflows/ (hash `#w/<id>`).
import { h } from './dom.js';
import * as session from './session.js';
import * as theme from './theme.js';
import * as overview from './pages/overview.js';
import * as endpoints from './pages/endpoints.js';
import * as log from './pages/log.js';
import * as explorer from './pages/explorer.js';
import * as configuration from './pages/configuration.js';
import * as signIn from './pages/sign_in.js';
import * as crudTable from './pages/workflows/crud_table.js';
import * as form from './pages/workflows/form.js';
import * as table from './pages/workflows/table.js';
import * as chart from './pages/workflows/chart.js';

export const PAGES = [
  { hash: 'overview', title: 'Overview', page: overview },
  { hash: 'endpoints', title: 'Endpoints', page: endpoints },
  { hash: 'log', title: 'Live log', page: log },
  { hash: 'explorer', title: 'API explorer', page: explorer },
  { hash: 'configuration', title: 'Configuration', page: configuration },
];

export const WORKFLOW_PAGES = { crud_table: crudTable, form, table, chart };

const main = document.getElementById('main');
const nav = document.getElementById('nav');
const signOut = document.getElementById('sign-out');
document.getElementById('theme-slot').replaceChildren(theme.picker(h));
let stop = null;
let context = null;

async function answerOf(response) {
  const body = await response.json().catch(() => ({}));
  return { status: response.status, message: body.message };
}

// What this reader may see, or why nothing (401: sign in; 403: not allowed from here).
// A server without the workflows route (404: an older one) is read as monitor-only.
async function describe() {
  const response = await session.authorized('workflows');
  let access = { monitor: true, workflows: [], theme: {} };
  if (response.ok) access = await response.json();
  else if (response.status !== 404) return answerOf(response);
  theme.apply(access.theme);
  if (!access.monitor) return { access, service: null };
  const described = await session.authorized('service.json');
  if (!described.ok) return answerOf(described);
  return { access, service: await described.json() };
}

// Every page this reader has: the monitoring pages (admins), then one per workflow.
function pages() {
  const monitoring = context.service ? PAGES : [];
  const workflows = context.access.workflows
    .filter((w) => WORKFLOW_PAGES[w.type])
    .map((w) => ({ hash: `w/${w.id}`, title: w.title ?? w.id, page: WORKFLOW_PAGES[w.type], workflow: w }));
  return { monitoring, workflows, all: [...monitoring, ...workflows] };
}

function show() {
  if (stop) { stop(); stop = null; }
  const { all } = pages();
  const hash = location.hash.replace(/^#\/?/, '').split('?')[0];
  const entry = all.find((page) => page.hash === hash) ?? all[0];
  for (const link of nav.querySelectorAll('a')) {
    if (entry && link.dataset.page === entry.hash) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  const name = context.service?.name ?? 'Dashboard';
  if (!entry) {
    // A reader with no monitoring access and no workflow of their roles.
    document.title = `${name} · Backworks`;
    main.replaceChildren(h('section', { class: 'page', 'aria-labelledby': 'page-title' },
      h('h1', { id: 'page-title' }, 'Nothing to show'),
      h('p', { id: 'no-workflows' }, 'No workflow is available to your account. Ask an administrator for a role that has one.')));
    return;
  }
  document.title = `${entry.title} · ${name} · Backworks`;
  const container = h('section', { class: 'page', 'aria-labelledby': 'page-title' },
    h('h1', { id: 'page-title' }, entry.title));
  main.replaceChildren(container);
  stop = entry.page.render(container, { ...context, workflow: entry.workflow }) ?? null;
}

function link(page) {
  return h('a', { href: `#${page.hash}`, 'data-page': page.hash }, page.title);
}

async function start() {
  const answer = await describe();
  if (!answer.access) {
    nav.hidden = true;
    signOut.hidden = !session.signedIn();
    main.replaceChildren();
    signIn.render(main, answer, start);
    return;
  }
  context = { service: answer.service, access: answer.access };
  document.getElementById('service-name').textContent = answer.service ? `${answer.service.name} ${answer.service.version}` : 'Backworks';
  const { monitoring, workflows } = pages();
  const group = (id, heading, entries) => h('div', { class: 'nav-group', role: 'group', 'aria-labelledby': id },
    h('span', { class: 'nav-heading', id }, heading), entries.map(link));
  nav.replaceChildren(...[
    monitoring.length ? group('nav-monitoring', 'Monitoring', monitoring) : null,
    workflows.length ? group('nav-workflows', 'Workflows', workflows) : null,
  ].filter(Boolean));
  nav.hidden = false;
  signOut.hidden = !session.signedIn();
  show();
}

window.addEventListener('hashchange', () => { if (context) show(); });
signOut.addEventListener('click', () => {
  session.signOut();
  context = null;
  if (stop) { stop(); stop = null; }
  start();
});
start();
