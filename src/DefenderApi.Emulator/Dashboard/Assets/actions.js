// Machine actions: the selected tenant's pending and in-progress actions, completed or cancelled from here; the lifecycle mode.
import { el, field, api, attempt, tenant } from './app.js';

let body;
let mode;
let seconds;
// Set once the user changes the mode controls, so a refresh does not overwrite what is being edited.
let edited = false;

async function complete(id, status) {
  await attempt(() => api(`/_emulator/tenants/${tenant()}/machineactions/${encodeURIComponent(id)}/complete`, { method: 'POST', body: { status } }),
    `Action ${id}: ${status}.`);
  await attempt(refresh);
}

async function refresh() {
  const [settings, actions] = await Promise.all([api('/_emulator/settings'), api(`/_emulator/tenants/${tenant()}/machineactions`)]);
  if (!edited) {
    mode.value = settings.machineActions.mode;
    seconds.value = settings.machineActions.seconds;
  }
  const rows = actions.value.map((a) => el('tr', { 'data-id': a.id },
    el('td', {}, a.id), el('td', {}, a.type), el('td', {}, a.computerDnsName || a.machineId), el('td', {}, a.status),
    el('td', {}, a.requestor || ''), el('td', {}, a.creationDateTimeUtc),
    el('td', {}, ['Succeeded', 'Failed', 'TimeOut'].map((s) => el('button', { type: 'button', 'aria-label': `${s} ${a.id}`, onclick: () => complete(a.id, s) }, s)),
      el('button', { type: 'button', 'aria-label': `Cancel ${a.id}`, onclick: () => complete(a.id, 'Cancelled') }, 'Cancel'))));
  body.replaceChildren(...(rows.length ? rows : [el('tr', {}, el('td', { colspan: 7 }, 'No pending or in-progress action.'))]));
}

export const actionsPanel = {
  mount(panel) {
    body = el('tbody');
    const markEdited = () => { edited = true; };
    mode = el('select', { id: 'actions-mode', onchange: markEdited }, ['immediate', 'timed', 'manual'].map((m) => el('option', { value: m }, m)));
    seconds = el('input', { id: 'actions-seconds', type: 'number', oninput: markEdited });
    panel.append(
      el('h2', {}, 'Lifecycle'),
      el('form', {
        class: 'row',
        'aria-label': 'Lifecycle mode',
        onsubmit: async (event) => {
          event.preventDefault();
          const saved = await attempt(() => api('/_emulator/settings', { method: 'PUT', body: { machineActions: { mode: mode.value, seconds: Number(seconds.value) } } }), 'Saved the lifecycle mode.');
          if (saved) edited = false;
        },
      }, field('Mode', mode), field('Seconds (timed mode)', seconds), el('button', { type: 'submit' }, 'Save mode')),
      el('h2', {}, 'Pending and in progress'),
      el('button', { type: 'button', onclick: () => attempt(refresh) }, 'Refresh'),
      el('table', { 'aria-label': 'Open machine actions' },
        el('thead', {}, el('tr', {}, ['Id', 'Type', 'Machine', 'Status', 'Requestor', 'Created', 'Complete'].map((h) => el('th', { scope: 'col' }, h)))),
        body));
  },
  refresh,
};
