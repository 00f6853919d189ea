// The monitor as a data source: every page reads /_backworks/monitor/* through here, so the
// WebSocket stream (/_backworks/ws) can replace polling in one place. A poll stops itself
// when its page goes away (the returned stop function) and pauses while the tab is hidden.
import { authorized } from './session.js';

export const SUMMARY = 'monitor/summary';
export const REQUESTS = 'monitor/requests';
export const INTERVAL_MS = 2000;
// The live log polls faster: `after=` makes an idle poll an empty answer.
export const LOG_INTERVAL_MS = 1000;

export async function getJson(url) {
  const response = await authorized(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return response.json();
}

// Calls onData with each answer of url, now and every `every` ms.
export function poll(url, onData, onError = () => {}, every = INTERVAL_MS) {
  let timer = null;
  let stopped = false;
  const tick = async () => {
    timer = null;
    if (stopped) return;
    if (!document.hidden) {
      try { onData(await getJson(typeof url === 'function' ? url() : url)); }
      catch (error) { onError(error); }
    }
    if (!stopped) timer = setTimeout(tick, every);
  };
  tick();
  return () => { stopped = true; if (timer) clearTimeout(timer); };
}

// The summary, every INTERVAL_MS.
export function summaries(onData, onError) { return poll(SUMMARY, onData, onError); }

// Requests newer than the last seen, oldest first, with the filters `filters()` names: the
// first poll reads the newest page, later ones only what arrived since (`after` = the
// answer's `latest`). A change of filters starts over.
export function requests(filters, onNew, onError) {
  let latest = null;
  let generation = JSON.stringify(filters());
  return poll(() => {
    const current = filters();
    if (JSON.stringify(current) !== generation) { generation = JSON.stringify(current); latest = null; }
    const query = new URLSearchParams({ limit: '100' });
    if (latest !== null) query.set('after', String(latest));
    for (const [name, value] of Object.entries(current)) if (value) query.set(name, value);
    return `${REQUESTS}?${query}`;
  }, (page) => {
    if (page.latest !== null && page.latest !== undefined) latest = page.latest;
    onNew(page.requests.slice().reverse());
  }, onError, LOG_INTERVAL_MS);
}
