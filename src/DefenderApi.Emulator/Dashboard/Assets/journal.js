// Live journal (server-sent events), its filters, an exchange opened by target, and the errors chart.
import { el, field, api, attempt, adminHeaders, say, serviceCalled } from './app.js';
import { errorsChart } from './errors.js';

const kept = 2000;
let entries = [];
let lastId = 0;
let body;
let detail;
let chart;
const filters = {};

const input = (name, label, attributes = {}) => {
  filters[name] = el('input', { id: `journal-${name}`, ...attributes, oninput: render });
  return field(label, filters[name]);
};

function matches(e) {
  const f = Object.fromEntries(Object.entries(filters).map(([k, v]) => [k, v.type === 'checkbox' ? v.checked : v.value.trim()]));
  return (f.admin || !e.path.startsWith('/_emulator'))
    && (!f.status || String(e.status) === f.status)
    && (!f.code || (e.error && e.error.code.toLowerCase() === f.code.toLowerCase()))
    && (!f.method || e.method.toLowerCase() === f.method.toLowerCase())
    && (!f.path || e.path.toLowerCase().includes(f.path.toLowerCase()))
    && (!f.tenant || (e.tenantId || '').toLowerCase() === f.tenant.toLowerCase())
    && (!f.app || (e.clientId || '') === f.app)
    && (!f.injected || String(e.injected) === f.injected);
}

function row(e) {
  const target = e.error ? e.error.target : '';
  return el('tr', { 'data-id': e.id },
    el('td', {}, new Date(e.timestamp).toISOString().slice(11, 23)),
    el('td', {}, e.method),
    el('td', {}, e.path + e.query),
    el('td', { class: e.status >= 400 ? 'bad' : 'ok' }, e.status),
    el('td', {}, e.error ? e.error.code : ''),
    el('td', {}, target ? el('button', { type: 'button', onclick: () => open(target), 'aria-label': `Open exchange ${target}` }, target) : ''),
    el('td', {}, e.tenantId || ''),
    el('td', {}, e.clientId || ''),
    el('td', {}, e.injected ? 'injected' : ''));
}

function render() {
  body.replaceChildren(...entries.filter(matches).slice(0, 200).map(row));
  chart.update(entries);
}

function add(entry) {
  if (entry.id <= lastId) return;
  lastId = entry.id;
  entries.unshift(entry);
  if (entries.length > kept) entries.length = kept;
}

const headerText = (headers) => Object.entries(headers || {}).map(([k, v]) => `${k}: ${v}`).join('\n');

async function open(target) {
  const e = await attempt(() => api(`/_emulator/journal?target=${encodeURIComponent(target)}`));
  if (!e) return;
  filters.target.value = target;
  const side = (title, message) => [
    el('h3', {}, title),
    el('pre', { 'aria-label': `${title} headers` }, headerText(message && message.headers)),
    el('pre', { 'aria-label': `${title} body` }, message ? message.body + (message.bodyTruncated ? '\n…' : '') : ''),
  ];
  detail.replaceChildren(
    el('h2', {}, `${e.method} ${e.path}${e.query} → ${e.status} ${e.error ? e.error.code : ''}`),
    el('p', {}, e.error ? e.error.message : ''),
    el('div', { class: 'grid2' }, el('div', {}, side('Request', e.request)), el('div', {}, side('Response', e.response))));
  detail.focus();
}

async function listen() {
  for (;;) {
    try {
      const response = await fetch(`/_emulator/journal/stream?since=${lastId}`, { headers: adminHeaders({ accept: 'text/event-stream' }) });
      if (!response.ok) throw new Error(`journal stream answered ${response.status}`);
      document.getElementById('journal-live').textContent = 'Live';
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = block.split('\n').filter((l) => l.startsWith('data:')).map((l) => l.slice(5).trimStart()).join('\n');
          if (!data) continue;
          const entry = JSON.parse(data);
          add(entry);
          if (!entry.path.startsWith('/_emulator')) serviceCalled();
        }
        render();
      }
    } catch (error) {
      say(error.message, true);
    }
    document.getElementById('journal-live').textContent = 'Reconnecting…';
    await new Promise((resolve) => { setTimeout(resolve, 2000); });
  }
}

let connected = false;

export const journalPanel = {
  mount(panel) {
    body = el('tbody');
    detail = el('section', { tabindex: '-1', 'aria-label': 'Exchange' });
    filters.injected = el('select', { id: 'journal-injected', onchange: render },
      el('option', { value: '' }, 'any'), el('option', { value: 'true' }, 'injected'), el('option', { value: 'false' }, 'real'));
    filters.admin = el('input', { id: 'journal-admin', type: 'checkbox', onchange: render });
    filters.target = el('input', { id: 'journal-target', placeholder: 'error target (GUID)', size: 38 });
    chart = errorsChart();
    panel.append(
      el('h2', {}, 'Journal ', el('span', { id: 'journal-live', class: 'muted' }, 'connecting…')),
      el('form', { class: 'row', 'aria-label': 'Filters', onsubmit: (event) => event.preventDefault() },
        input('status', 'Status', { inputmode: 'numeric', size: 4 }), input('code', 'Code', { size: 18 }),
        input('method', 'Method', { size: 7 }), input('path', 'Path contains', { size: 20 }),
        input('tenant', 'Tenant', { size: 36 }), input('app', 'App (client id)', { size: 18 }),
        field('Injected', filters.injected), field('Include admin calls', filters.admin)),
      el('form', { class: 'row', 'aria-label': 'Open an exchange', onsubmit: (event) => { event.preventDefault(); open(filters.target.value.trim()); } },
        field('Target', filters.target), el('button', { type: 'submit' }, 'Open exchange')),
      detail,
      chart.element,
      el('table', { 'aria-label': 'Exchanges, newest first' },
        el('thead', {}, el('tr', {}, ['Time', 'Method', 'Path', 'Status', 'Code', 'Target', 'Tenant', 'App', 'Injected'].map((h) => el('th', { scope: 'col' }, h)))),
        body));
  },
  async load() {
    const latest = await api(`/_emulator/journal?limit=${kept}`);
    for (const entry of latest.reverse()) add(entry);
    render();
  },
  async refresh() {
    render();
  },
  connect() {
    if (connected) return;
    connected = true;
    listen();
  },
};
