// The dashboard's colours: light, dark or the system's, as the reader chose (remembered in
// localStorage), else the blueprint's `dashboard.theme.mode`; and the blueprint's accent,
// adjusted per theme until it reads at 4.5:1 on that theme's panels (WCAG AA), so a brand
// colour can never make links, primary buttons or focus rings unreadable. The colours are set
// through the CSSOM (allowed by the page's policy, unlike style attributes) as --accent-*
// variables that style.css picks up per theme.
const KEY = 'backworks.dashboard.theme';
export const MODES = ['system', 'light', 'dark'];
// The backgrounds the accent sits on (style.css's --panel of each theme; the page background
// is further from the accent than the panel in both).
const PANEL = { light: '#f5f6f8', dark: '#1c2025' };
const TEXT = { light: '#ffffff', dark: '#0b1220' };

let blueprintMode = 'system';

function stored() {
  try { return localStorage.getItem(KEY); } catch { return null; }
}

// The mode in force: the reader's choice, else the blueprint's.
export function mode() {
  const saved = stored();
  return MODES.includes(saved) ? saved : blueprintMode;
}

// Remembers the reader's choice and shows it.
export function choose(next) {
  try { localStorage.setItem(KEY, next); } catch { /* private mode: this page only */ }
  show();
}

function show() {
  const current = mode();
  if (current === 'system') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = current;
}

// The blueprint's settings ({ mode, accent }), once the server has said them.
export function apply(settings = {}) {
  if (MODES.includes(settings?.mode)) blueprintMode = settings.mode;
  const root = document.documentElement.style;
  const rgb = parse(settings?.accent);
  for (const theme of ['light', 'dark']) {
    if (!rgb) { root.removeProperty(`--accent-${theme}`); root.removeProperty(`--accent-${theme}-text`); continue; }
    const accent = readable(rgb, theme);
    root.setProperty(`--accent-${theme}`, hex(accent));
    root.setProperty(`--accent-${theme}-text`, contrast(accent, parse(TEXT[theme])) >= contrast(accent, [255, 255, 255]) ? TEXT[theme] : '#ffffff');
  }
  show();
}

// A theme picker for the header: a labelled select.
export function picker(h) {
  const select = h('select', { id: 'theme-mode' },
    MODES.map((m) => h('option', { value: m, selected: m === mode() }, m[0].toUpperCase() + m.slice(1))));
  select.addEventListener('change', () => choose(select.value));
  return h('span', { class: 'theme' }, h('label', { for: 'theme-mode' }, 'Theme'), select);
}

// The accent mixed towards black (light theme) or white (dark) in small steps until it has
// 4.5:1 against the theme's panel — and its text colour against it.
function readable(rgb, theme) {
  const panel = parse(PANEL[theme]);
  const target = theme === 'light' ? [0, 0, 0] : [255, 255, 255];
  let colour = rgb;
  for (let step = 1; step <= 20 && contrast(colour, panel) < 4.5; step += 1) {
    colour = rgb.map((c, i) => Math.round(c + (target[i] - c) * step / 20));
  }
  return colour;
}

function parse(text) {
  const match = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(String(text ?? '').trim());
  if (!match) return null;
  const digits = match[1].length === 3 ? [...match[1]].map((d) => d + d).join('') : match[1];
  return [0, 2, 4].map((i) => parseInt(digits.slice(i, i + 2), 16));
}

function hex(rgb) { return `#${rgb.map((c) => c.toString(16).padStart(2, '0')).join('')}`; }

// WCAG 2 relative luminance and contrast ratio.
function luminance(rgb) {
  const [r, g, b] = rgb.map((c) => { const s = c / 255; return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4; });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrast(a, b) {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

show();
