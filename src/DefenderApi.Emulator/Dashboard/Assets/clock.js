// The virtual clock with advance buttons, scenarios with their timelines, and the rate-limit counters.
import { el, field, api, attempt, tenant } from './app.js';

let now;
let scenarioList;
let catalogue;
const inputs = {};

async function tick() {
  const clock = await api('/_emulator/clock');
  const text = `${clock.virtual ? 'Virtual clock' : 'Clock'}: ${clock.now}`;
  document.getElementById('clock-now').textContent = text;
  if (now) now.textContent = text;
  return clock;
}

async function advance(seconds) {
  await attempt(() => api('/_emulator/clock/advance', { method: 'POST', body: { seconds } }), `Advanced the clock by ${seconds} s.`);
  await attempt(refreshClock);
}

async function refreshClock() {
  await tick();
  if (catalogue.options.length === 0) {
    const scenarios = await api('/_emulator/scenarios');
    catalogue.replaceChildren(...scenarios.map((s) => el('option', { value: s.name, title: s.description }, s.name)));
  }
  const runs = await api(`/_emulator/tenants/${tenant()}/scenarios`);
  scenarioList.replaceChildren(...runs.map((run) => el('article', { 'aria-label': `Scenario ${run.id}` },
    el('h3', {}, `${run.name} (${run.id}): ${run.status}, ${run.stepsDone} of ${run.steps.length} steps`,
      run.status === 'Running' ? el('button', { type: 'button', 'aria-label': `Stop scenario ${run.id}`, onclick: () => stop(run.id) }, 'Stop') : ''),
    el('table', { 'aria-label': `Timeline of ${run.id}` },
      el('thead', {}, el('tr', {}, ['At', 'Step', 'Kind', 'Machine', 'Alert', 'What'].map((h) => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, run.timeline.map((e) => el('tr', {}, el('td', {}, e.at), el('td', {}, e.step), el('td', {}, e.kind),
        el('td', {}, e.machineId || ''), el('td', {}, e.alertId || ''), el('td', {}, e.text))))))));
}

async function stop(id) {
  await attempt(() => api(`/_emulator/tenants/${tenant()}/scenarios/${encodeURIComponent(id)}`, { method: 'DELETE' }), `Stopped ${id}.`);
  await attempt(refreshClock);
}

export const clockPanel = {
  mount(panel) {
    now = el('p', { id: 'clock-panel-now' });
    scenarioList = el('div');
    catalogue = el('select', { id: 'scenario-name' });
    inputs.seconds = el('input', { id: 'clock-seconds', type: 'number', min: 0, step: 'any', value: 60 });
    inputs.devices = el('input', { id: 'scenario-devices', type: 'number', min: 1, placeholder: 'default' });
    inputs.seed = el('input', { id: 'scenario-seed', type: 'number', placeholder: 'random' });
    panel.append(
      el('h2', {}, 'Clock'), now,
      el('div', { class: 'row' }, [[60, '+1 minute'], [300, '+5 minutes'], [3600, '+1 hour'], [86400, '+1 day']]
        .map(([s, label]) => el('button', { type: 'button', onclick: () => advance(s) }, label))),
      el('form', { class: 'row', 'aria-label': 'Advance the clock', onsubmit: (event) => { event.preventDefault(); advance(Number(inputs.seconds.value)); } },
        field('Seconds', inputs.seconds), el('button', { type: 'submit' }, 'Advance')),
      el('h2', {}, 'Scenarios in the selected tenant'),
      el('form', {
        class: 'row',
        'aria-label': 'Start a scenario',
        onsubmit: async (event) => {
          event.preventDefault();
          const body = { name: catalogue.value };
          if (inputs.devices.value) body.devices = Number(inputs.devices.value);
          if (inputs.seed.value) body.seed = Number(inputs.seed.value);
          const run = await attempt(() => api(`/_emulator/tenants/${tenant()}/scenarios`, { method: 'POST', body }));
          if (run) await attempt(refreshClock, `Started ${run.name} (${run.id}).`);
        },
      }, field('Scenario', catalogue), field('Devices', inputs.devices), field('Seed', inputs.seed), el('button', { type: 'submit' }, 'Start scenario')),
      scenarioList);
  },
  refresh: refreshClock,
  tick: () => attempt(tick),
};

let limitsBody;
const use = (w) => (w ? `${w.used} of ${w.limit}${w.resetsAt ? `, frees at ${w.resetsAt}` : ''}` : '');

export const limitsPanel = {
  mount(panel) {
    limitsBody = el('tbody');
    panel.append(
      el('h2', {}, 'Rate-limit counters'),
      el('button', { type: 'button', onclick: () => attempt(limitsPanel.refresh) }, 'Refresh'),
      el('table', { 'aria-label': 'Rate-limit counters' },
        el('thead', {}, el('tr', {}, ['Tenant', 'App', 'User', 'API', 'Last minute', 'Last hour'].map((h) => el('th', { scope: 'col' }, h)))),
        limitsBody));
  },
  async refresh() {
    const counters = await api('/_emulator/ratelimits');
    const rows = counters.map((c) => el('tr', {},
      el('td', {}, c.tenantId), el('td', {}, c.clientId), el('td', {}, c.userId || ''), el('td', {}, c.api),
      el('td', {}, use(c.windows.find((w) => w.seconds === 60))), el('td', {}, use(c.windows.find((w) => w.seconds === 3600)))));
    limitsBody.replaceChildren(...(rows.length ? rows : [el('tr', {}, el('td', { colspan: 6 }, 'No call counted in the last hour.'))]));
  },
};
