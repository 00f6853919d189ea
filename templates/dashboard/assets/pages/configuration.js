// Configuration: the service as compiled — routes and who may call them, resources with
// their fields and record rules, limits, and each handler's source with line numbers. It
// reads only service.json, which holds no secret and no environment value.
import { h, table } from '../dom.js';

function listing(handler, index) {
  const lines = handler.source.replace(/\n$/, '').split('\n');
  return h('details', { class: 'handler', id: `handler-${index}` },
    h('summary', {}, handler.file),
    h('pre', { class: 'source', tabindex: '0', 'aria-label': `Source of ${handler.file}` },
      h('code', {}, lines.map((line, i) => h('span', { class: 'line' }, h('span', { class: 'ln', 'aria-hidden': 'true' }, String(i + 1)), line, '\n')))));
}

export function render(container, { service }) {
  const access = (route) => route.auth === 'rule' ? `rule: ${route.rule}` : route.roles?.length ? `${route.auth} (${route.roles.join(', ')})` : route.auth;
  container.append(
    h('h2', {}, 'Limits'),
    h('dl', { class: 'pairs' }, Object.entries(service.limits).map(([name, value]) =>
      [h('dt', {}, name.replace(/_/g, ' ')), h('dd', {}, value === null ? '–' : String(value))])),
    h('h2', {}, 'Routes'),
    h('div', { class: 'scroll' }, table('Every route the server answers', ['Method', 'Path', 'Endpoint', 'Access', 'Rate limit', 'Handler'],
      service.routes.map((route) => [route.method, h('code', {}, route.path), route.endpoint, access(route), route.rate_limit ?? '–',
        route.handler === undefined ? 'generated' : h('a', { href: `#configuration`, 'data-handler': route.handler,
          onclick: (event) => { event.preventDefault(); const d = container.querySelector(`#handler-${route.handler}`); d.open = true; d.scrollIntoView(); } },
        service.handlers[route.handler]?.file ?? '')]))),
  );
  if (service.resources.length) {
    container.append(h('h2', {}, 'Resources'));
    for (const resource of service.resources) {
      container.append(h('div', { class: 'resource' }, h('h3', {}, resource.name), resource.description ? h('p', {}, resource.description) : null,
        h('div', { class: 'scroll' }, table(`Fields of ${resource.name}`, ['Field', 'Type', 'Required', 'Unique', 'Constraints'],
          resource.fields.map((f) => [f.name, f.type, f.required ? 'yes' : 'no', f.unique ? 'yes' : 'no',
            Object.entries(f.constraints ?? {}).map(([k, v]) => `${k}: ${v}`).join(', ') || '–']))),
        Object.keys(resource.rules).length
          ? h('div', { class: 'scroll' }, table(`Record rules of ${resource.name}`, ['Operation', 'Rule'], Object.entries(resource.rules).map(([op, text]) => [op, h('code', {}, text)])))
          : h('p', { class: 'muted' }, 'No record rules.')));
    }
  }
  container.append(h('h2', {}, 'Handlers'), ...service.handlers.map(listing));
}
