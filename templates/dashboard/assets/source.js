// The monitor as a data source: every page reads /_backworks/monitor/* through here. The live
// log follows the request stream of the WebSocket (/_backworks/ws, `"stream":"requests"`),
// and polls instead when the socket cannot open or is refused (an older server). On the
// dashboard's own port the socket is the API's, reached through that port's prefix
// (`api.js`), and offers the stream there. A poll stops itself when its page goes away (the
// returned stop function) and pauses while the tab is hidden.
import { authorized, token } from './session.js';
import { socketUrl } from './api.js';

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
// newest page first, then each request as the socket streams it (filtered here as the server
// filters a page), or — without a socket — polls for what arrived since (`after` = the
// answer's `latest`). A change of filters, or a `reset` (the stream dropped entries for a
// slow tab), reads the page again. `onSource('socket' | 'polling')` says which it uses.
export function requests(filters, onNew, onError, onSource = () => {}) {
  let stopped = false;
  let stopPolling = null;
  let socket = null;
  let watcher = null;
  // The newest seq this generation of filters has seen (shown or filtered out).
  let latest = null;
  let generation = JSON.stringify(filters());
  // Entries streamed while a page is being read wait here, so none is shown twice or out of order.
  let reading = false;
  let held = [];
  // Reads what arrived after `latest` (`fresh`: the newest page, for new filters).
  const read = async (fresh) => {
    if (reading) return;
    if (fresh) { latest = null; generation = JSON.stringify(filters()); }
    reading = true;
    try {
      const current = filters();
      const query = new URLSearchParams({ limit: '100' });
      if (latest !== null) query.set('after', String(latest));
      for (const [name, value] of Object.entries(current)) if (value) query.set(name, value);
      const answer = await getJson(`${REQUESTS}?${query}`);
      if (stopped) return;
      const rows = answer.requests.slice().reverse();
      if (answer.latest !== null && answer.latest !== undefined) latest = Math.max(latest ?? 0, answer.latest);
      const later = held.filter((entry) => entry.seq > (latest ?? 0));
      if (later.length) latest = later[later.length - 1].seq;
      onNew(rows.concat(later.filter((entry) => matches(entry, current))));
    } catch (error) { onError(error); }
    finally { reading = false; held = []; }
  };
  const fallBack = () => {
    if (stopped || stopPolling) return;
    if (socket) { socket.onclose = null; socket.close(); socket = null; }
    if (watcher) { clearInterval(watcher); watcher = null; }
    onSource('polling');
    stopPolling = pollRequests();
  };
  const pollRequests = () => poll(() => {
    const current = filters();
    if (JSON.stringify(current) !== generation) { generation = JSON.stringify(current); latest = null; }
    const query = new URLSearchParams({ limit: '100' });
    if (latest !== null) query.set('after', String(latest));
    for (const [name, value] of Object.entries(current)) if (value) query.set(name, value);
    return `${REQUESTS}?${query}`;
  }, (answer) => {
    if (answer.latest !== null && answer.latest !== undefined) latest = answer.latest;
    onNew(answer.requests.slice().reverse());
  }, onError, LOG_INTERVAL_MS);
  let subscribed = false;
  try {
    socket = new WebSocket(socketUrl());
  } catch {
    fallBack();
    return () => { stopped = true; if (stopPolling) stopPolling(); };
  }
  socket.onopen = () => {
    const bearer = token();
    if (bearer) socket.send(JSON.stringify({ type: 'auth', token: bearer }));
    socket.send(JSON.stringify({ type: 'subscribe', sub: 'log', stream: 'requests' }));
  };
  socket.onmessage = (event) => {
    let message;
    try { message = JSON.parse(event.data); } catch { return; }
    if (message.type === 'subscribed') {
      subscribed = true;
      onSource('socket');
      read(true);
      // New filters read a new page (checked once a second, not on every keystroke).
      watcher = setInterval(() => { if (JSON.stringify(filters()) !== generation) read(true); }, LOG_INTERVAL_MS);
    } else if (message.type === 'request' && subscribed) {
      const entry = message.entry;
      if (reading) { if (held.push(entry) > 1000) held.shift(); return; }
      if (latest !== null && entry.seq <= latest) return;
      latest = entry.seq;
      if (matches(entry, filters())) onNew([entry]);
    } else if (message.type === 'reset') {
      // The server dropped entries for this tab: read what it missed.
      read(false);
    } else if (message.type === 'error' && (!subscribed || message.sub === undefined)) {
      // Refused (or credentials the socket would not take): the HTTP routes say why, and
      // refresh an expired session.
      fallBack();
    }
  };
  socket.onerror = () => fallBack();
  socket.onclose = () => fallBack();
  return () => {
    stopped = true;
    if (watcher) clearInterval(watcher);
    if (socket) { socket.onclose = null; socket.onerror = null; socket.close(); }
    if (stopPolling) stopPolling();
  };
}

// Whether `entry` passes the log's filters, as GET /_backworks/monitor/requests decides it:
// the path contains `path`, `status` is a code or a class (`4xx`), `method` ignoring case.
export function matches(entry, { path, status, method }) {
  if (path && !entry.path.includes(path)) return false;
  if (method && entry.method.toUpperCase() !== method.toUpperCase()) return false;
  if (status) {
    const klass = /^([1-5])xx$/i.exec(status);
    if (klass ? Math.floor(entry.status / 100) !== Number(klass[1]) : String(entry.status) !== status) return false;
  }
  return true;
}
