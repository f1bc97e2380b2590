// Fault rules: list, add, remove, clear, through the admin API (which validates them).
import { el, field, api, attempt, tenant } from './app.js';

let body;
const inputs = {};
const number = (name, attributes = {}) => { inputs[name] = el('input', { id: `fault-${name}`, type: 'number', ...attributes }); return inputs[name]; };
const text = (name, attributes = {}) => { inputs[name] = el('input', { id: `fault-${name}`, ...attributes }); return inputs[name]; };

function rule() {
  const value = (name) => inputs[name].value.trim();
  const numeric = (name) => (value(name) === '' ? undefined : Number(value(name)));
  return {
    method: value('method') || undefined,
    path: value('path') || undefined,
    tenantId: inputs.thisTenant.checked ? tenant() : undefined,
    error: value('error') || undefined,
    probability: numeric('probability'),
    count: numeric('count'),
    afterCalls: numeric('afterCalls'),
    latencyMs: numeric('latencyMs'),
    transport: value('transport') || undefined,
    seed: numeric('seed'),
  };
}

async function refresh() {
  const rules = await api('/_emulator/faults');
  body.replaceChildren(...rules.map((r) => el('tr', {},
    el('td', {}, r.id), el('td', {}, r.method || '*'), el('td', {}, r.path || '*'), el('td', {}, r.tenantId || 'any'),
    el('td', {}, r.error || ''), el('td', {}, r.transport || ''), el('td', {}, r.latencyMs ? `${r.latencyMs} ms` : ''),
    el('td', {}, r.probability), el('td', {}, r.count ?? '∞'), el('td', {}, r.afterCalls), el('td', {}, r.seed),
    el('td', {}, `${r.injectedCalls} of ${r.matchedCalls}`),
    el('td', {}, el('button', { type: 'button', 'aria-label': `Remove rule ${r.id}`, onclick: () => remove(r.id) }, 'Remove')))));
}

async function remove(id) {
  await attempt(() => api(`/_emulator/faults/${encodeURIComponent(id)}`, { method: 'DELETE' }), `Removed rule ${id}.`);
  await attempt(refresh);
}

export const faultsPanel = {
  mount(panel) {
    body = el('tbody');
    inputs.thisTenant = el('input', { id: 'fault-this-tenant', type: 'checkbox' });
    inputs.transport = el('select', { id: 'fault-transport' }, ['', 'reset', 'empty', 'timeout'].map((t) => el('option', { value: t }, t || 'none')));
    const form = el('form', {
      class: 'row',
      'aria-label': 'Add a fault rule',
      onsubmit: async (event) => {
        event.preventDefault();
        const created = await attempt(() => api('/_emulator/faults', { method: 'POST', body: rule() }));
        if (created) {
          await attempt(refresh, `Added rule ${created.id}.`);
        }
      },
    },
    field('Method', text('method', { size: 7, placeholder: 'any' })),
    field('Path (* wildcards)', text('path', { size: 28, placeholder: '/api/machines/*/isolate' })),
    field('Only the selected tenant', inputs.thisTenant),
    field('Error code', text('error', { size: 20, placeholder: 'TooManyRequests', list: 'fault-codes' })),
    field('Probability', number('probability', { step: 'any', placeholder: '1' })),
    field('Count', number('count', { placeholder: 'unlimited' })),
    field('After N calls', number('afterCalls', { placeholder: '0' })),
    field('Latency (ms)', number('latencyMs', { placeholder: '0' })),
    field('Transport fault', inputs.transport),
    field('Seed', number('seed', { placeholder: 'random' })),
    el('button', { type: 'submit' }, 'Add rule'));
    const codes = el('datalist', { id: 'fault-codes' }, ['BadRequest', 'InvalidInput', 'Unauthorized', 'Forbidden', 'NotFound', 'ResourceNotFound',
      'TooManyRequests', 'InternalServerError', 'ServiceUnavailable', 'ActiveRequestAlreadyExists', 'OsPlatformNotSupported'].map((c) => el('option', { value: c })));
    panel.append(
      el('h2', {}, 'Add a fault rule'), form, codes,
      el('h2', {}, 'Rules'),
      el('div', { class: 'row' },
        el('button', { type: 'button', onclick: () => attempt(refresh) }, 'Refresh'),
        el('button', { type: 'button', onclick: async () => { await attempt(() => api('/_emulator/faults', { method: 'DELETE' }), 'Cleared every rule.'); await attempt(refresh); } }, 'Clear all rules')),
      el('table', { 'aria-label': 'Fault rules' },
        el('thead', {}, el('tr', {}, ['Id', 'Method', 'Path', 'Tenant', 'Error', 'Transport', 'Latency', 'Probability', 'Count', 'After', 'Seed', 'Injected', ''].map((h) => el('th', { scope: 'col' }, h)))),
        body));
  },
  refresh,
};
