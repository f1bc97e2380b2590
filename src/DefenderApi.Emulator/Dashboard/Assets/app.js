// The dashboard's core: admin API calls (with the admin key when one is needed), the tenant picker, the tabs.
import { journalPanel } from './journal.js';
import { faultsPanel } from './faults.js';
import { actionsPanel } from './actions.js';
import { tenantsPanel } from './tenants.js';
import { clockPanel, limitsPanel } from './clock.js';

const keyName = 'defenderapi-admin-key';
const status = document.getElementById('status');

/** Creates an element: el('td', {class: 'bad'}, 'text', child, ...). Text is always set as text, never as HTML. */
export function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  // The admin API validates every value by its own rules; the browser's checks would only hide its answers.
  if (tag === 'form') element.noValidate = true;
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) continue;
    if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else if (name === 'value') element.value = value;
    else element.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined) element.append(child instanceof Node ? child : String(child));
  }
  return element;
}

/** A labelled control: el('label', {}, 'Text', control). */
export const field = (text, control) => el('label', {}, text, control);

/** Says something in the status line (an error in red). */
export function say(text, isError = false) {
  status.textContent = text;
  status.classList.toggle('error', isError);
}

/** The headers of an admin call: the admin key, once one was given. */
export function adminHeaders(extra = {}) {
  const key = sessionStorage.getItem(keyName);
  return key ? { ...extra, 'x-emulator-admin-key': key } : extra;
}

/** Calls the admin API; a refusal throws an Error whose message is the API's own (code, message, target). */
export async function api(path, { method = 'GET', body } = {}) {
  const headers = adminHeaders(body === undefined ? {} : { 'content-type': 'application/json' });
  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  const json = text ? JSON.parse(text) : null;
  if (!response.ok) {
    const error = json && json.error ? json.error : { code: String(response.status), message: text, target: '' };
    if (response.status === 403 && error.code === 'Forbidden' && path.startsWith('/_emulator/')) askForKey();
    throw new Error(`${error.code}: ${error.message}${error.target ? ` (target ${error.target})` : ''}`);
  }
  return json;
}

/** Runs an action from a button or form; shows its failure in the status line. */
export async function attempt(work, done) {
  try {
    const result = await work();
    if (done) say(done);
    return result;
  } catch (error) {
    say(error.message, true);
    return undefined;
  }
}

function askForKey() {
  const form = document.getElementById('key-form');
  if (!form.hidden) return;
  form.hidden = false;
  document.getElementById('admin-key').focus();
}

document.getElementById('key-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const input = document.getElementById('admin-key');
  sessionStorage.setItem(keyName, input.value);
  input.value = '';
  event.target.hidden = true;
  start();
});

// The tenant every panel works on.
const tenantSelect = document.getElementById('tenant');
export const tenant = () => tenantSelect.value;
export async function loadTenants(select) {
  const tenants = await api('/_emulator/tenants');
  const previous = tenantSelect.value;
  tenantSelect.replaceChildren(...tenants.map((t) => el('option', { value: t.tenantId }, `${t.tenantId} (${t.seed})`)));
  if (select || tenants.some((t) => t.tenantId === previous)) tenantSelect.value = select || previous;
  return tenants;
}

const panels = {
  journal: journalPanel, faults: faultsPanel, actions: actionsPanel, tenants: tenantsPanel, clock: clockPanel, limits: limitsPanel,
};
const tabs = [...document.querySelectorAll('[role="tab"]')];
let current = 'journal';

/** The panel shown now. */
export const currentPanel = () => current;

function show(name, focus) {
  current = name;
  for (const tab of tabs) {
    const selected = tab.id === `tab-${name}`;
    tab.setAttribute('aria-selected', String(selected));
    tab.tabIndex = selected ? 0 : -1;
    document.getElementById(tab.getAttribute('aria-controls')).hidden = !selected;
    if (selected && focus) tab.focus();
  }
  attempt(() => panels[name].refresh());
}

for (const [index, tab] of tabs.entries()) {
  const name = tab.id.slice('tab-'.length);
  tab.addEventListener('click', () => show(name, false));
  tab.addEventListener('keydown', (event) => {
    const moves = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: tabs.length - 1 };
    if (!(event.key in moves)) return;
    event.preventDefault();
    const next = tabs[(moves[event.key] + tabs.length) % tabs.length];
    show(next.id.slice('tab-'.length), true);
  });
}

tenantSelect.addEventListener('change', () => attempt(() => panels[current].refresh()));

/** Refreshes the shown panel when the emulated service answered a call (the journal's live stream says so). */
let pending;
export function serviceCalled() {
  if (current === 'journal' || current === 'tenants') return;
  clearTimeout(pending);
  pending = setTimeout(() => attempt(() => panels[current].refresh()), 300);
}

let started = false;
for (const [name, panel] of Object.entries(panels)) panel.mount(document.getElementById(`panel-${name}`));
async function start() {
  const ok = await attempt(async () => {
    await loadTenants();
    if (!started) await journalPanel.load();
    return true;
  });
  if (!ok) return;
  started = true;
  show(current, false);
  journalPanel.connect();
  clockPanel.tick();
  say('Connected.');
}

start();
