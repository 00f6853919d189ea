// The sign-in page: email and password when the service has built-in accounts (its OpenAPI
// document lists POST /auth/login), else a bearer token (dashboard.auth's, or an admin's
// token from the service's identity provider). When the monitor answers only this machine
// (no auth, no dashboard.auth), it says so instead.
import { h, field } from '../dom.js';
import * as session from '../session.js';
import { apiUrl } from '../api.js';

async function hasAccounts() {
  try {
    const document = await (await fetch(apiUrl('/_backworks/openapi.json'))).json();
    return Boolean(document.paths?.['/auth/login']?.post);
  } catch { return false; }
}

export function render(main, answer, done) {
  const section = h('section', { class: 'page sign-in', 'aria-labelledby': 'page-title' },
    h('h1', { id: 'page-title' }, 'Sign in'));
  main.append(section);
  if (answer.status === 403 && !session.signedIn()) {
    section.append(h('p', { role: 'alert' },
      'This dashboard answers only clients on the server\'s own machine: the service declares no auth ',
      'and the blueprint sets no dashboard.auth token. Open it from that machine, or set dashboard.auth.'));
    return;
  }
  const error = h('p', { class: 'error', role: 'alert' },
    answer.status === 403 ? 'This account may not read the dashboard (it needs the admin role).' : '');
  hasAccounts().then((accounts) => {
    const email = h('input', { type: 'email', name: 'email', autocomplete: 'username', required: true });
    const password = h('input', { type: 'password', name: 'password', autocomplete: 'current-password', required: true });
    const token = h('input', { type: 'password', name: 'token', autocomplete: 'off', required: true });
    const form = h('form', { class: 'card' },
      accounts
        ? [h('p', {}, 'Sign in with your account: admins see the monitoring pages, everyone the workflows their roles allow.'), field('Email', email), field('Password', password)]
        : [h('p', {}, 'Paste the dashboard token (the value of the variable dashboard.auth names) or an admin\'s bearer token.'), field('Token', token)],
      h('button', { type: 'submit' }, 'Sign in'),
      error);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      error.textContent = '';
      try {
        if (accounts) await session.logIn(email.value, password.value);
        else session.useToken(token.value);
        main.replaceChildren();
        done();
      } catch (failure) {
        error.textContent = failure.message;
      }
    });
    section.append(form);
    (accounts ? email : token).focus();
  });
}
