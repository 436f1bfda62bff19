// Pipelines (kedro-viz's job): the graph of a pipeline with data layers as bands, namespaces
// collapsed into one box until opened, filters by tag, and a side panel with the detail of the
// selected node or dataset (inputs, outputs, source, last run; type, file, schema, preview).
import { api } from '../api.js';
import { bytes, duration, h, kv, num, page, query, table, time } from '../dom.js';
import { layout } from '../layout.js';

const ROW = 84;
const BOX_H = 38;

export async function render() {
  const t0 = performance.now();
  const list = await api('/ui/api/pipelines');
  const q = query();
  const name = q.get('pipeline') || (list.pipelines.includes('__default__') ? '__default__' : list.pipelines[0]);
  const graph = await api(`/ui/api/pipelines/${encodeURIComponent(name)}`);
  const state = {
    tags: new Set(), params: false, selected: null,
    collapsed: new Set(q.get('expand') === 'all' ? [] : topNamespaces(graph.namespaces)), zoom: null,
  };
  const side = h('aside', { class: 'side', 'aria-label': 'Details', id: 'detail' },
    h('p', { class: 'muted' }, 'Select a node or dataset to see its details. Tab moves between boxes; Enter opens one.'));
  const wrap = h('div', { class: 'graph-wrap', id: 'graph-wrap' });
  const tagBoxes = graph.tags.map(t => h('label', { style: 'font-weight:400' },
    h('input', { type: 'checkbox', value: t, onchange: e => { e.target.checked ? state.tags.add(t) : state.tags.delete(t); draw(); } }), ` ${t}`));
  const search = h('input', { type: 'search', id: 'node-search', placeholder: 'node or dataset', list: 'node-names',
    onchange: e => find(e.target.value) });
  const names = h('datalist', { id: 'node-names' }, [...graph.nodes.map(n => n.name), ...graph.datasets.map(d => d.name)].map(n => h('option', { value: n })));
  page(
    h('h1', {}, 'Pipelines'),
    h('div', { class: 'filters' },
      h('label', { for: 'pipeline-select' }, 'Pipeline'),
      h('select', { id: 'pipeline-select', onchange: e => { location.hash = `#/pipelines?pipeline=${encodeURIComponent(e.target.value)}`; } },
        list.pipelines.map(p => h('option', { value: p, selected: p === name }, p))),
      graph.tags.length ? h('fieldset', {}, h('legend', {}, 'Only nodes tagged'), tagBoxes) : null,
      h('label', { style: 'font-weight:400' }, h('input', { type: 'checkbox', id: 'show-params', onchange: e => { state.params = e.target.checked; draw(); } }), ' Show parameters'),
      graph.namespaces.length ? h('button', { type: 'button', class: 'ghost', id: 'expand-all', onclick: () => { state.collapsed.clear(); draw(); } }, 'Expand all namespaces') : null,
      graph.namespaces.length ? h('button', { type: 'button', class: 'ghost', onclick: () => { state.collapsed = new Set(topNamespaces(graph.namespaces)); draw(); } }, 'Collapse all') : null,
      h('label', { for: 'node-search' }, 'Find'), search, names),
    h('p', { class: 'muted', id: 'graph-summary' }),
    h('div', { class: 'split' }, h('div', {}, wrap, legend(graph.layers)), side));

  function draw() {
    const started = performance.now();
    const view = visible(graph, state);
    const laid = layout(view.vertices, view.edges, { rowHeight: ROW });
    wrap.replaceChildren(svg(view, laid, state, select, toggle));
    document.getElementById('graph-summary').textContent =
      `${graph.nodes.length} nodes and ${graph.datasets.length} datasets; showing ${view.vertices.length} boxes in ${laid.ranks} rows` +
      (graph.namespaces.length ? ` · ${graph.namespaces.length} namespaces (click one to open it)` : '');
    document.body.dataset.graphMs = String(Math.round(performance.now() - started));
    document.body.dataset.graphBoxes = String(view.vertices.length);
  }

  function toggle(prefix) {
    if (state.collapsed.has(prefix)) {
      state.collapsed.delete(prefix);
      for (const ns of graph.namespaces) {
        if (ns.startsWith(`${prefix}.`) && ns.split('.').length === prefix.split('.').length + 1) state.collapsed.add(ns);
      }
    } else {
      for (const c of [...state.collapsed]) if (c.startsWith(`${prefix}.`)) state.collapsed.delete(c);
      state.collapsed.add(prefix);
    }
    draw();
  }

  function select(id) {
    state.selected = id;
    wrap.querySelectorAll('.n.sel').forEach(n => n.classList.remove('sel'));
    wrap.querySelectorAll('.edge.hl').forEach(n => n.classList.remove('hl'));
    const el = wrap.querySelector(`[data-id="${CSS.escape(id)}"]`);
    if (el) el.classList.add('sel');
    wrap.querySelectorAll(`[data-from="${CSS.escape(id)}"], [data-to="${CSS.escape(id)}"]`).forEach(e => e.classList.add('hl'));
    detail(graph, id, side, toggle);
  }

  function find(text) {
    const node = graph.nodes.find(n => n.name === text);
    const data = graph.datasets.find(d => d.name === text);
    if (node && node.namespace) for (const c of [...state.collapsed]) if (node.namespace === c || node.namespace.startsWith(`${c}.`)) state.collapsed.delete(c);
    if (data && data.parameter) { state.params = true; document.getElementById('show-params').checked = true; }
    draw();
    const id = node ? `n:${node.name}` : data ? `d:${data.name}` : null;
    if (id && wrap.querySelector(`[data-id="${CSS.escape(id)}"]`)) {
      select(id);
      wrap.querySelector(`[data-id="${CSS.escape(id)}"]`).focus();
    }
  }

  draw();
  document.body.dataset.pipelineMs = String(Math.round(performance.now() - t0));
}

function topNamespaces(namespaces) {
  return [...new Set(namespaces.map(ns => ns.split('.')[0]))];
}

/** The boxes and edges shown: filtered by tag, namespaces folded, parameters optional. */
function visible(graph, state) {
  const groupOf = ns => {
    if (!ns) return null;
    const parts = ns.split('.');
    for (let i = 1; i <= parts.length; i++) {
      const prefix = parts.slice(0, i).join('.');
      if (state.collapsed.has(prefix)) return prefix;
    }
    return null;
  };
  const nodes = graph.nodes.filter(n => !state.tags.size || n.tags.some(t => state.tags.has(t)));
  const vertexOf = new Map();
  const vertices = [];
  const groups = new Map();
  for (const n of nodes) {
    const g = groupOf(n.namespace);
    if (g) {
      if (!groups.has(g)) {
        groups.set(g, []);
        vertices.push({ id: `g:${g}`, kind: 'ns', label: g, width: width(g) + 20, layer: null, count: 0 });
      }
      groups.get(g).push(n);
      vertexOf.set(n.name, `g:${g}`);
    } else {
      vertices.push({ id: `n:${n.name}`, kind: 'task', label: n.name, node: n, width: width(short(n.name, n.namespace)), layer: null });
      vertexOf.set(n.name, `n:${n.name}`);
    }
  }
  for (const v of vertices) if (v.kind === 'ns') v.count = groups.get(v.label).length;
  const datasets = new Map(graph.datasets.map(d => [d.name, d]));
  const layerIndex = new Map(graph.layers.map((l, i) => [l, i]));
  const touching = new Map();
  for (const n of nodes) {
    for (const d of n.inputs) (touching.get(d) || touching.set(d, { from: new Set(), to: new Set() }).get(d)).to.add(vertexOf.get(n.name));
    for (const d of n.outputs) (touching.get(d) || touching.set(d, { from: new Set(), to: new Set() }).get(d)).from.add(vertexOf.get(n.name));
  }
  const edges = [];
  for (const [name, t] of touching) {
    const d = datasets.get(name) || { name, parameter: name.startsWith('params:'), type: 'memory' };
    if (d.parameter && !state.params) continue;
    const all = new Set([...t.from, ...t.to]);
    if (all.size === 1 && [...all][0].startsWith('g:') && t.from.size) continue;
    const id = `d:${name}`;
    const sub = d.layer ? `${d.type} · ${d.layer}` : d.type || '';
    vertices.push({ id, kind: d.parameter ? 'param' : 'data', label: name, data: d, width: Math.max(width(name), Math.min(230, sub.length * 6 + 18)),
      layer: d.layer ? layerIndex.get(d.layer) : null });
    for (const f of t.from) edges.push([f, id]);
    for (const to of t.to) edges.push([id, to]);
  }
  return { vertices, edges, layers: graph.layers };
}

function short(name, ns) {
  return ns && name.startsWith(`${ns}.`) ? name.slice(ns.length + 1) : name;
}

function width(label) {
  return Math.max(96, Math.min(230, label.length * 7 + 26));
}

function esc(s) {
  return String(s).replace(/[&<>"]/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]));
}

/** Draws the laid-out graph as one SVG (built as text: thousands of boxes in one parse). */
function svg(view, laid, state, select, toggle) {
  const xs = [...laid.pos.values()].map(p => p.x);
  const minX = Math.min(...xs, 0) - 140; const maxX = Math.max(...xs, 0) + 140;
  const maxY = (laid.ranks - 1) * ROW + 60;
  const byId = new Map(view.vertices.map(v => [v.id, v]));
  const parts = [];
  for (const b of laid.bands) {
    parts.push(`<rect class="band" x="${minX}" y="${b.y0}" width="${maxX - minX}" height="${b.y1 - b.y0}"/>`,
      `<text class="band-label" x="${minX + 8}" y="${b.y0 + 16}">${esc(view.layers[b.layer])}</text>`);
  }
  for (const [a, b] of view.edges) {
    const p = laid.pos.get(a); const q = laid.pos.get(b);
    const y1 = p.y + BOX_H / 2; const y2 = q.y - BOX_H / 2; const my = (y1 + y2) / 2;
    parts.push(`<path class="edge" data-from="${esc(a)}" data-to="${esc(b)}" d="M${p.x},${y1} C${p.x},${my} ${q.x},${my} ${q.x},${y2}"/>`);
  }
  for (const v of view.vertices) {
    const p = laid.pos.get(v.id);
    const status = v.node && v.node.last_run ? v.node.last_run.status : null;
    const label = v.kind === 'task' ? short(v.label, v.node.namespace) : v.label;
    const max = Math.floor((v.width - 14) / 7);
    const text = label.length > max ? `${label.slice(0, max - 1)}…` : label;
    const sub = v.kind === 'ns' ? `namespace · ${v.count} nodes` : v.kind === 'task' ? (status ? `${status.toLowerCase()} · ${v.node.last_run.duration_ms} ms` : 'node')
      : v.data.layer ? `${v.data.type} · ${v.data.layer}` : v.data.type;
    const aria = `${v.kind === 'ns' ? 'Namespace' : v.kind === 'task' ? 'Node' : 'Dataset'} ${v.label}${v.kind === 'ns' ? ', collapsed' : ''}`;
    parts.push(`<g class="n ${v.kind}${status === 'FAILED' ? ' failed' : ''}${state.selected === v.id ? ' sel' : ''}" data-id="${esc(v.id)}" tabindex="0" role="button" aria-label="${esc(aria)}" transform="translate(${p.x - v.width / 2},${p.y - BOX_H / 2})">`,
      `<rect width="${v.width}" height="${BOX_H}" rx="${v.kind === 'task' || v.kind === 'ns' ? 4 : 14}"/>`,
      `<text x="${v.width / 2}" y="16" text-anchor="middle">${esc(text)}</text>`,
      `<text class="sub" x="${v.width / 2}" y="30" text-anchor="middle">${esc(sub)}</text><title>${esc(v.label)}</title></g>`);
  }
  const el = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  el.setAttribute('class', 'graph');
  el.setAttribute('role', 'group');
  el.setAttribute('aria-label', 'Pipeline graph');
  el.innerHTML = `<g class="viewport">${parts.join('')}</g>`;
  const viewport = el.firstChild;
  const bounds = { minX, maxX, maxY };
  let tx = 0; let ty = 0; let k = 1;
  const apply = () => viewport.setAttribute('transform', `translate(${tx},${ty}) scale(${k})`);
  const fit = () => {
    const w = el.clientWidth || 900; const hgt = el.clientHeight || 600;
    const whole = Math.min(w / (bounds.maxX - bounds.minX), hgt / (bounds.maxY + 60));
    k = Math.min(1, Math.max(whole, Math.min(0.7, w / (bounds.maxX - bounds.minX))));
    tx = (w - (bounds.maxX - bounds.minX) * k) / 2 - bounds.minX * k; ty = 30;
    apply();
  };
  requestAnimationFrame(fit);
  el.addEventListener('wheel', e => {
    e.preventDefault();
    const r = el.getBoundingClientRect();
    const f = Math.exp(-e.deltaY * 0.0015);
    const mx = e.clientX - r.left; const my = e.clientY - r.top;
    tx = mx - (mx - tx) * f; ty = my - (my - ty) * f; k *= f;
    apply();
  }, { passive: false });
  let drag = null;
  el.addEventListener('pointerdown', e => { if (!e.target.closest('.n')) { drag = { x: e.clientX - tx, y: e.clientY - ty }; el.setPointerCapture(e.pointerId); } });
  el.addEventListener('pointermove', e => { if (drag) { tx = e.clientX - drag.x; ty = e.clientY - drag.y; apply(); } });
  el.addEventListener('pointerup', () => { drag = null; });
  const activate = g => {
    const id = g.dataset.id;
    if (id.startsWith('g:')) toggle(id.slice(2)); else select(id);
  };
  el.addEventListener('click', e => { const g = e.target.closest('.n'); if (g) activate(g); });
  el.addEventListener('keydown', e => {
    const g = e.target.closest('.n');
    if (g && (e.key === 'Enter' || e.key === ' ')) { e.preventDefault(); activate(g); }
    if (e.key === '+' || e.key === '=') { k *= 1.2; apply(); }
    if (e.key === '-') { k /= 1.2; apply(); }
  });
  el.addEventListener('focusin', e => {
    const g = e.target.closest('.n');
    if (!g) return;
    const p = laid.pos.get(g.dataset.id);
    const w = el.clientWidth; const hgt = el.clientHeight;
    const sx = p.x * k + tx; const sy = p.y * k + ty;
    if (sx < 40 || sx > w - 40 || sy < 30 || sy > hgt - 30) { tx = w / 2 - p.x * k; ty = hgt / 2 - p.y * k; apply(); }
  });
  const controls = h('div', { class: 'row', style: 'position:absolute;right:8px;top:8px' },
    h('button', { type: 'button', class: 'ghost', 'aria-label': 'Zoom in', onclick: () => { k *= 1.25; apply(); } }, '+'),
    h('button', { type: 'button', class: 'ghost', 'aria-label': 'Zoom out', onclick: () => { k /= 1.25; apply(); } }, '−'),
    h('button', { type: 'button', class: 'ghost', onclick: fit }, 'Fit'));
  const frag = document.createDocumentFragment();
  frag.append(el, controls);
  return frag;
}

function legend(layers) {
  return h('p', { class: 'legend muted' },
    h('span', { class: 'key', style: 'background:var(--node)' }), 'node',
    h('span', { class: 'key', style: 'background:var(--data);border-radius:8px' }), 'dataset',
    h('span', { class: 'key', style: 'background:var(--param)' }), 'parameter',
    h('span', { class: 'key', style: 'border:2px dashed var(--accent)' }), 'namespace (collapsed)',
    layers.length ? ` · layers, top to bottom: ${layers.join(', ')}` : ' · no data layers (put files under data/01_raw, data/02_intermediate, …)');
}

async function detail(graph, id, side, toggle) {
  if (id.startsWith('n:')) {
    const n = graph.nodes.find(x => x.name === id.slice(2));
    const link = d => h('a', { href: '#', onclick: e => { e.preventDefault(); document.getElementById('node-search').value = d; document.getElementById('node-search').dispatchEvent(new Event('change')); } }, d);
    side.replaceChildren(h('h2', {}, n.name), kv([
      ['Namespace', n.namespace],
      ['Tags', n.tags.length ? n.tags.map(t => h('span', { class: 'tag' }, t)) : '–'],
      ['Inputs', h('ul', {}, n.inputs.map(d => h('li', {}, link(d))))],
      ['Outputs', h('ul', {}, n.outputs.map(d => h('li', {}, link(d))))],
      ['Source', h('span', {}, h('code', {}, n.source.file || n.source.class))],
      n.source.code_version ? ['Code version', n.source.code_version] : null,
      ['Last run', n.last_run ? h('span', {}, `${n.last_run.status.toLowerCase()} in ${duration(n.last_run.duration_ms)} (run `, h('code', {}, n.last_run.run_id), ')') : 'never run'],
    ]));
    return;
  }
  if (id.startsWith('g:')) {
    const ns = id.slice(2);
    side.replaceChildren(h('h2', {}, ns), h('button', { type: 'button', onclick: () => toggle(ns) }, 'Open namespace'));
    return;
  }
  const name = id.slice(2);
  const d = graph.datasets.find(x => x.name === name) || { name };
  side.replaceChildren(h('h2', {}, name), h('p', { class: 'muted' }, 'Loading…'));
  if (d.parameter || !d.filepath && d.type === 'memory') {
    side.replaceChildren(h('h2', {}, name), kv([['Type', d.type], ['Kept', d.parameter ? 'parameters.yml' : 'in memory during a run']]));
    return;
  }
  try {
    const info = await api(`/ui/api/datasets/${encodeURIComponent(name)}`);
    const preview = info.preview ? table(`First ${info.preview.rows.length} rows`,
      info.preview.columns.map(c => ({ label: `${c.name} (${c.type})`, num: c.type === 'double' || c.type === 'long' })),
      info.preview.rows.map(r => r.map(v => (typeof v === 'number' ? num(v) : v === null ? '∅' : String(v)))), { scroll: true }) : null;
    side.replaceChildren(h('h2', {}, name), kv([
      ['Type', info.type], ['File', info.filepath ? h('code', {}, info.filepath) : '–'], ['Layer', info.layer],
      ['Exists', info.exists === undefined ? '–' : info.exists ? 'yes' : 'no (not written yet)'],
      ['Size', bytes(info.size_bytes)], ['Modified', info.modified ? time(Date.parse(info.modified)) : '–'],
      ['Rows', info.rows !== undefined ? num(info.rows) : '–'],
      info.content_hash ? ['Content hash', h('code', {}, info.content_hash.slice(0, 16))] : null,
    ]), info.schema_text ? h('details', {}, h('summary', {}, 'Schema'), h('pre', {}, info.schema_text)) : null,
    preview, info.text ? h('pre', {}, info.text) : null,
    info.preview_error ? h('p', { class: 'error' }, info.preview_error) : null);
  } catch (e) {
    side.replaceChildren(h('h2', {}, name), h('p', { class: 'error' }, e.message));
  }
}
