// Errors at a glance: counts by code and by endpoint over the last minutes, as two small bar charts (SVG).
import { el } from './app.js';

const svgNs = 'http://www.w3.org/2000/svg';
const svg = (tag, attributes, text) => {
  const node = document.createElementNS(svgNs, tag);
  for (const [k, v] of Object.entries(attributes)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
};

/** A path with its ids (GUIDs, hashes, numbers, quoted keys) replaced by {id}, so calls to one endpoint count together. */
export function endpointOf(entry) {
  const path = entry.path
    .replace(/\('[^']*'\)/g, '({id})')
    .split('/')
    .map((segment) => (/^[0-9a-f-]{8,}$/i.test(segment) || /^\d+$/.test(segment) || (/\d/.test(segment) && segment.length >= 16) ? '{id}' : segment))
    .join('/');
  return `${entry.method} ${path}`;
}

function bars(title, counts) {
  const rows = [...counts.entries()].sort((a, b) => b[1] - a[1]).slice(0, 8);
  const max = Math.max(1, ...rows.map((r) => r[1]));
  const height = 20 * Math.max(rows.length, 1) + 4;
  const chart = svg('svg', { viewBox: `0 0 600 ${height}`, role: 'img', 'aria-label': `${title}: ${rows.map(([k, n]) => `${k} ${n}`).join(', ') || 'none'}` });
  if (rows.length === 0) chart.append(svg('text', { x: 0, y: 14 }, 'No errors'));
  rows.forEach(([name, count], i) => {
    const y = i * 20 + 2;
    chart.append(
      svg('text', { x: 0, y: y + 13 }, name.length > 48 ? `${name.slice(0, 47)}…` : name),
      svg('rect', { x: 330, y, height: 16, width: Math.max(2, (230 * count) / max) }),
      svg('text', { x: 335 + (230 * count) / max, y: y + 13 }, String(count)));
  });
  return el('figure', {}, el('figcaption', {}, title), chart);
}

/** The chart element and its update from the journal's entries (newest first). */
export function errorsChart() {
  const minutes = el('select', { id: 'errors-minutes' }, [5, 15, 60].map((m) => el('option', { value: m }, `${m} minutes`)));
  const holder = el('div', { class: 'grid2 chart' });
  let last = [];
  const update = (entries) => {
    last = entries;
    const newest = entries.length ? Date.parse(entries[0].timestamp) : 0;
    const since = newest - Number(minutes.value) * 60000;
    const byCode = new Map();
    const byEndpoint = new Map();
    for (const e of entries) {
      if (Date.parse(e.timestamp) < since) break;
      if (!e.error || e.path.startsWith('/_emulator')) continue;
      byCode.set(e.error.code, (byCode.get(e.error.code) || 0) + 1);
      const endpoint = endpointOf(e);
      byEndpoint.set(endpoint, (byEndpoint.get(endpoint) || 0) + 1);
    }
    holder.replaceChildren(bars('Errors by code', byCode), bars('Errors by endpoint', byEndpoint));
  };
  minutes.addEventListener('change', () => update(last));
  return {
    element: el('section', { 'aria-label': 'Errors at a glance' }, el('h2', {}, 'Errors at a glance'), el('div', { class: 'row' }, el('label', {}, 'Over the last', minutes)), holder),
    update,
  };
}
