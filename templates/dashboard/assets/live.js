// Live updates for workflow pages: one WebSocket (/_backworks/ws, the protocol in
// ARCHITECTURE.md "Live events") subscribed to a resource; `onChange()` runs after each
// change (debounced: a burst of writes refetches once) and after a `reset`. When the socket
// cannot open or the subscription is refused (a reader who may use the workflow but not read
// the resource directly, the dashboard token), it polls instead: `onChange()` every
// FALLBACK_MS. Returns stop().
import { token } from './session.js';
import { socketUrl } from './api.js';

export const FALLBACK_MS = 5000;

export function follow(resource, onChange, onState = () => {}) {
  let socket = null;
  let poll = null;
  let stopped = false;
  let pending = null;
  const changed = () => { clearTimeout(pending); pending = setTimeout(() => { if (!stopped) onChange(); }, 150); };
  const fallBack = () => {
    if (stopped || poll) return;
    if (socket) { socket.onclose = null; socket.close(); socket = null; }
    onState('polling');
    poll = setInterval(() => { if (!document.hidden) onChange(); }, FALLBACK_MS);
  };
  try {
    socket = new WebSocket(socketUrl());
  } catch { fallBack(); }
  if (socket) {
    socket.onopen = () => {
      const bearer = token();
      if (bearer) socket.send(JSON.stringify({ type: 'auth', token: bearer }));
      socket.send(JSON.stringify({ type: 'subscribe', sub: 'rows', resource }));
    };
    socket.onmessage = (event) => {
      let message;
      try { message = JSON.parse(event.data); } catch { return; }
      if (message.type === 'subscribed') onState('live');
      else if (message.type === 'change' || message.type === 'reset') changed();
      else if (message.type === 'error') fallBack();
    };
    socket.onerror = () => fallBack();
    socket.onclose = () => fallBack();
  }
  return () => {
    stopped = true;
    clearTimeout(pending);
    if (poll) clearInterval(poll);
    if (socket) { socket.onclose = null; socket.onerror = null; socket.close(); }
  };
}
