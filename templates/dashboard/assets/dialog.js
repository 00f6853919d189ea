// Modal dialogs on the native <dialog> (showModal: focus moves in and stays in, Escape
// closes, the page behind is inert), with the focus given back to what opened it — the
// browser's own restoring is not guaranteed everywhere, and a live table may have redrawn
// the opener meanwhile: then the element with the opener's data-key takes the focus.
import { h } from './dom.js';

// Opens a dialog titled `title` around `body` (nodes); returns { dialog, close() }.
// `onClose` runs however it closes (a button, Escape).
export function open(title, body, onClose = () => {}) {
  const opener = document.activeElement;
  const key = opener?.dataset?.key;
  const heading = h('h2', { id: `dialog-title-${Date.now()}` }, title);
  const dialog = h('dialog', { 'aria-labelledby': heading.id }, heading, body);
  document.body.append(dialog);
  dialog.addEventListener('close', () => {
    dialog.remove();
    onClose();
    const target = opener?.isConnected ? opener : key ? document.querySelector(`[data-key="${CSS.escape(key)}"]`) : null;
    target?.focus();
  });
  dialog.showModal();
  return { dialog, close: () => dialog.close() };
}

// Asks before something that cannot be undone; resolves true when confirmed.
export function confirm(title, message, action) {
  return new Promise((resolve) => {
    let answer = false;
    const yes = h('button', { type: 'button', class: 'danger' }, action);
    const no = h('button', { type: 'button', class: 'secondary' }, 'Cancel');
    const { close } = open(title, [h('p', {}, message), h('div', { class: 'actions' }, yes, no)], () => resolve(answer));
    yes.addEventListener('click', () => { answer = true; close(); });
    no.addEventListener('click', () => close());
    // The safe choice has the focus: Enter on an unread dialog cancels.
    no.focus();
  });
}
