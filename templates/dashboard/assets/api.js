// Where the service's API is, as the server says in index.html's `backworks-api` meta
// element (relative to the dashboard's own address): `../` (the origin's root) when the
// dashboard is served beside the API, `api/` on the dashboard's own port (`dashboard.port`),
// whose `/_backworks/api/…` prefix hands each request to the service unchanged. Every call
// the page makes to the API — sign-in, the explorer, its OpenAPI document, the live socket —
// is built here; the monitor's and the workflows' routes stay relative to the dashboard.
const declared = document.querySelector('meta[name="backworks-api"]')?.getAttribute('content');
export const BASE = new URL(declared || '../', location.href);
BASE.hash = '';
BASE.search = '';

// The URL of the API's `path` (`/auth/login`, `/notes/3?x=1`).
export function apiUrl(path) {
  return new URL(String(path).replace(/^\/+/, ''), BASE);
}

// The live-event socket's URL (`/_backworks/ws` of the API).
export function socketUrl() {
  const url = apiUrl('/_backworks/ws');
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url;
}
