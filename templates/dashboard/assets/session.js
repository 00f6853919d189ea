// Who the dashboard speaks as: the signed-in account's tokens (from POST /auth/login,
// renewed through POST /auth/refresh) or a bearer token typed in (dashboard.auth, or another
// identity provider's token). Kept in sessionStorage: gone when the tab closes, never in a
// cookie, never sent anywhere but this origin (the account routes are the API's, `api.js`).
import { apiUrl } from './api.js';

const KEY = 'backworks.dashboard.session';

function load() {
  try { return JSON.parse(sessionStorage.getItem(KEY)) ?? {}; } catch { return {}; }
}

let current = load();

function save(next) {
  current = next;
  if (next.access) sessionStorage.setItem(KEY, JSON.stringify(next));
  else sessionStorage.removeItem(KEY);
}

export function signedIn() { return Boolean(current.access); }

export function headers() {
  return current.access ? { authorization: `Bearer ${current.access}` } : {};
}

// The bearer token itself, for what cannot send headers (the live-event WebSocket's `auth`).
export function token() { return current.access ?? null; }

export function useToken(token) { save({ access: token.trim() }); }

export function signOut() {
  const refresh = current.refresh;
  save({});
  if (refresh) {
    fetch(apiUrl('/auth/logout'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ refresh_token: refresh }),
    }).catch(() => {});
  }
}

// Email and password ─▶ tokens; the error message of the server when refused.
export async function logIn(email, password) {
  const response = await fetch(apiUrl('/auth/login'), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(body.message ?? `sign-in failed (${response.status})`);
  save({ access: body.access_token, refresh: body.refresh_token });
}

let refreshing = null;
async function refresh() {
  if (!current.refresh) return false;
  refreshing ??= fetch(apiUrl('/auth/refresh'), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ refresh_token: current.refresh }),
  }).then(async (response) => {
    if (!response.ok) { save({}); return false; }
    const body = await response.json();
    save({ access: body.access_token, refresh: body.refresh_token ?? current.refresh });
    return true;
  }).catch(() => false).finally(() => { refreshing = null; });
  return refreshing;
}

// fetch() with the session's credentials; an expired access token is renewed once.
export async function authorized(url, options = {}) {
  const send = () => fetch(url, { ...options, headers: { ...(options.headers ?? {}), ...headers() } });
  let response = await send();
  if (response.status === 401 && await refresh()) response = await send();
  return response;
}
