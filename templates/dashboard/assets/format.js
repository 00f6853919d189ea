// How numbers, durations and times read on every page.
export function number(value, digits = 1) {
  if (value === null || value === undefined || Number.isNaN(value)) return '–';
  return Number(value).toLocaleString('en', { maximumFractionDigits: digits });
}

export function ms(value) {
  if (value === null || value === undefined) return '–';
  return value < 10 ? `${number(value, 2)} ms` : `${number(value, 0)} ms`;
}

export function percent(ratio) {
  return `${number((ratio ?? 0) * 100, 2)} %`;
}

export function duration(seconds) {
  const s = Math.floor(seconds);
  const parts = [[Math.floor(s / 86400), 'd'], [Math.floor(s / 3600) % 24, 'h'], [Math.floor(s / 60) % 60, 'm'], [s % 60, 's']];
  const first = parts.findIndex(([n]) => n > 0);
  return parts.slice(first < 0 ? 3 : first).slice(0, 2).map(([n, u]) => `${n}${u}`).join(' ');
}

export function time(iso) {
  const date = new Date(iso);
  return date.toLocaleTimeString('en-GB', { hour12: false }) + '.' + String(date.getMilliseconds()).padStart(3, '0');
}

export function statusClass(status) {
  return `status s${String(status)[0]}xx`;
}
