// Overview: the service's name, version and uptime, the headline numbers of the monitor's
// summary, and two live charts (requests per second over the last five minutes; latency
// percentiles since the page opened), refreshed at each poll.
import { h } from '../dom.js';
import * as format from '../format.js';
import { summaries } from '../source.js';
import { timeChart } from '../chart.js';

const HISTORY = 150; // latency samples kept (five minutes at one per two seconds)

function stat(label, id) {
  return h('div', { class: 'stat' }, h('dt', {}, label), h('dd', { id, 'data-stat': id }, '–'));
}

export function render(container, { service }) {
  const routes = service.routes.length;
  container.append(
    h('p', { class: 'lead' }, service.description ?? ''),
    h('dl', { class: 'stats' },
      stat('Service', 'stat-service'), stat('Uptime', 'stat-uptime'), stat('Endpoints', 'stat-endpoints'),
      stat('Requests', 'stat-requests'), stat('Requests/s (1 min)', 'stat-rps'), stat('Error rate (5xx)', 'stat-errors'),
      stat('Latency p50', 'stat-p50'), stat('Latency p95', 'stat-p95'), stat('Latency p99', 'stat-p99')),
  );
  const set = (id, text) => { container.querySelector(`#${id}`).textContent = text; };
  set('stat-service', `${service.name} ${service.version}`);
  set('stat-endpoints', String(routes));
  const charts = h('div', { class: 'charts' });
  const status = h('p', { class: 'muted', role: 'status' });
  container.append(charts, status);
  const rate = timeChart(charts, 'Requests per second', [{ label: 'requests/s' }, { label: '5xx/s' }], '/s');
  const latency = timeChart(charts, 'Latency', [{ label: 'p50' }, { label: 'p95' }, { label: 'p99' }], 'ms');
  const samples = [[], [], [], []];
  const stop = summaries((summary) => {
    status.textContent = `Updated ${new Date().toLocaleTimeString('en-GB')}`;
    set('stat-uptime', format.duration(summary.uptime_s));
    set('stat-requests', format.number(summary.requests, 0));
    set('stat-rps', format.number(summary.requests_per_s, 2));
    set('stat-errors', format.percent(summary.error_rate));
    set('stat-p50', format.ms(summary.latency_ms.p50));
    set('stat-p95', format.ms(summary.latency_ms.p95));
    set('stat-p99', format.ms(summary.latency_ms.p99));
    const seconds = summary.rate.requests.map((_, i) => summary.rate.start + i);
    // The running second is incomplete: leave it out.
    rate.update([seconds.slice(0, -1), summary.rate.requests.slice(0, -1), summary.rate.server_errors.slice(0, -1)]);
    const now = Date.now() / 1000;
    const values = [now, summary.latency_ms.p50, summary.latency_ms.p95, summary.latency_ms.p99];
    values.forEach((value, i) => { samples[i].push(value ?? null); if (samples[i].length > HISTORY) samples[i].shift(); });
    latency.update(samples.map((column) => column.slice()));
  }, (error) => { status.textContent = `Could not read the monitor: ${error.message}`; });
  return () => { stop(); rate.destroy(); latency.destroy(); };
}
