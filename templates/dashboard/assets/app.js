// The dashboard's entry: signs the reader in, loads the service description, and shows the
// page the URL's hash names. A page is a module under pages/ exporting
// `render(container, context) → stop?` and listed in PAGES; adding a page (the admin
// workflows, say) is one import and one line here.
import { h } from './dom.js';
import * as session from './session.js';
import * as overview from './pages/overview.js';
import * as endpoints from './pages/endpoints.js';
import * as log from './pages/log.js';
import * as explorer from './pages/explorer.js';
import * as configuration from './pages/configuration.js';
import * as signIn from './pages/sign_in.js';

export const PAGES = [
  { hash: 'overview', title: 'Overview', page: overview },
  { hash: 'endpoints', title: 'Endpoints', page: endpoints },
  { hash: 'log', title: 'Live log', page: log },
  { hash: 'explorer', title: 'API explorer', page: explorer },
  { hash: 'configuration', title: 'Configuration', page: configuration },
];

const main = document.getElementById('main');
const nav = document.getElementById('nav');
const signOut = document.getElementById('sign-out');
let stop = null;
let context = null;

// The description, or why it cannot be read (401: sign in; 403: not allowed from here).
async function describe() {
  const response = await session.authorized('service.json');
  if (response.ok) return { service: await response.json() };
  const body = await response.json().catch(() => ({}));
  return { status: response.status, message: body.message };
}

function show() {
  if (stop) { stop(); stop = null; }
  const hash = location.hash.replace(/^#\/?/, '').split('?')[0] || 'overview';
  const entry = PAGES.find((page) => page.hash === hash) ?? PAGES[0];
  for (const link of nav.querySelectorAll('a')) {
    if (link.dataset.page === entry.hash) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  document.title = `${entry.title} · ${context.service.name} · Backworks`;
  const container = h('section', { class: 'page', 'aria-labelledby': 'page-title' },
    h('h1', { id: 'page-title' }, entry.title));
  main.replaceChildren(container);
  stop = entry.page.render(container, context) ?? null;
}

async function start() {
  const answer = await describe();
  if (!answer.service) {
    nav.hidden = true;
    signOut.hidden = !session.signedIn();
    main.replaceChildren();
    signIn.render(main, answer, start);
    return;
  }
  context = { service: answer.service };
  document.getElementById('service-name').textContent = `${answer.service.name} ${answer.service.version}`;
  nav.replaceChildren(...PAGES.map((page) =>
    h('a', { href: `#${page.hash}`, 'data-page': page.hash }, page.title)));
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
