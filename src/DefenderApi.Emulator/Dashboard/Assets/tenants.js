// Tenants, apps and features: create a tenant, register an app with roles, switch features, mint a token to copy.
import { el, field, api, attempt, tenant, loadTenants, say } from './app.js';

let list;
const inputs = {};
const input = (name, attributes = {}) => { inputs[name] = el('input', { id: `tenants-${name}`, ...attributes }); return inputs[name]; };
const scopes = { 'Defender for Endpoint API': 'https://api.securitycenter.microsoft.com/.default', 'Defender XDR API': 'https://api.security.microsoft.com/.default' };

async function setFeature(tenantId, name, on) {
  await attempt(() => api(`/_emulator/tenants/${tenantId}/features`, { method: 'PUT', body: { [name]: on } }), `${name} is ${on ? 'on' : 'off'} for ${tenantId}.`);
  await attempt(refresh);
}

async function refresh() {
  const tenants = await loadTenants();
  list.replaceChildren(...tenants.map((t) => el('article', { 'aria-label': `Tenant ${t.tenantId}` },
    el('h3', {}, `${t.tenantId} (seed ${t.seed})`),
    el('fieldset', {}, el('legend', {}, 'Features'),
      Object.entries(t.features).map(([name, on]) => field(name, el('input', {
        type: 'checkbox', checked: on, 'data-feature': name, onchange: (event) => setFeature(t.tenantId, name, event.target.checked),
      })))),
    el('p', {}, 'Apps: ', t.apps.map((a) => `${a.clientId} [${a.roles.join(', ') || 'no roles'}]`).join('; ') || 'none'))));
}

async function mint(event) {
  event.preventDefault();
  const form = new URLSearchParams({
    grant_type: 'client_credentials', client_id: inputs.tokenClient.value, client_secret: inputs.tokenSecret.value, scope: inputs.tokenScope.value,
  });
  inputs.tokenSecret.value = '';
  const response = await fetch(`/${tenant()}/oauth2/v2.0/token`, { method: 'POST', body: form });
  const answer = await response.json();
  if (!response.ok) {
    say(`${answer.error}: ${answer.error_description || ''}`, true);
    return;
  }
  inputs.token.value = answer.access_token;
  say(`Minted a token for ${inputs.tokenClient.value}; it expires in ${answer.expires_in} s.`);
}

export const tenantsPanel = {
  mount(panel) {
    list = el('div');
    inputs.seed = el('select', { id: 'tenants-seed' }, el('option', { value: 'none' }, 'none'), el('option', { value: 'demo' }, 'demo'));
    inputs.tokenScope = el('select', { id: 'tenants-token-scope' }, Object.entries(scopes).map(([n, s]) => el('option', { value: s }, n)));
    inputs.token = el('input', { id: 'tenants-token', type: 'password', readonly: true, autocomplete: 'off', size: 40 });
    panel.append(
      el('h2', {}, 'Create a tenant'),
      el('form', {
        class: 'row',
        'aria-label': 'Create a tenant',
        onsubmit: async (event) => {
          event.preventDefault();
          const created = await attempt(() => api('/_emulator/tenants', { method: 'POST', body: { tenantId: inputs.newTenant.value.trim(), seed: inputs.seed.value } }));
          if (created) {
            await loadTenants(created.tenantId);
            await attempt(refresh, `Created tenant ${created.tenantId}.`);
            inputs.newTenant.value = crypto.randomUUID();
          }
        },
      }, field('Tenant id', input('newTenant', { size: 38, value: crypto.randomUUID() })), field('Seed', inputs.seed), el('button', { type: 'submit' }, 'Create tenant')),
      el('h2', {}, 'Register an app in the selected tenant'),
      el('form', {
        class: 'row',
        'aria-label': 'Register an app',
        onsubmit: async (event) => {
          event.preventDefault();
          const roles = inputs.roles.value.split(/[\s,]+/).filter(Boolean);
          const body = { clientId: inputs.appClient.value.trim(), clientSecret: inputs.appSecret.value, roles };
          inputs.appSecret.value = '';
          const app = await attempt(() => api(`/_emulator/tenants/${tenant()}/apps`, { method: 'POST', body }));
          if (app) await attempt(refresh, `Registered ${app.clientId} with ${app.roles.length} roles.`);
        },
      },
      field('Client id', input('appClient', { size: 20 })),
      field('Client secret', input('appSecret', { type: 'password', autocomplete: 'new-password' })),
      field('Roles (comma-separated)', input('roles', { size: 40, placeholder: 'Machine.Read.All, Alert.Read.All' })),
      el('button', { type: 'submit' }, 'Register app')),
      el('h2', {}, 'Mint a token'),
      el('form', { class: 'row', 'aria-label': 'Mint a token', onsubmit: mint },
        field('Client id', input('tokenClient', { size: 20 })),
        field('Client secret', input('tokenSecret', { type: 'password', autocomplete: 'off' })),
        field('API', inputs.tokenScope),
        el('button', { type: 'submit' }, 'Mint token'),
        field('Token (hidden)', inputs.token),
        el('button', {
          type: 'button',
          onclick: async () => {
            await attempt(() => navigator.clipboard.writeText(inputs.token.value), 'Copied the token.');
          },
        }, 'Copy token')),
      el('h2', {}, 'Tenants'), list);
  },
  refresh,
};
