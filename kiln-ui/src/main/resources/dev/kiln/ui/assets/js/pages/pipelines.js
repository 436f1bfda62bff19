// Pipelines (kedro-viz's job): the graph of a pipeline with data layers as bands, namespaces
// collapsed into one box until opened, filters by tag, and a side panel with the detail of the
// selected node or dataset (inputs, outputs, source, last run; type, file, schema, preview).
import { api } from '../api.js';
import { bytes, duration, h, kv, num, page, query, table, time } from '../dom.js';
import { graphView } from '../graph.js';
import { layout } from '../layout.js';

const ROW = 84;

export async function render() {
  const t0 = performance.now();
  const q = query();
  const wanted = q.get('pipeline');
  // The list and the graph named in the address are fetched together (one round trip less).
  const [list, named] = await Promise.all([api('/ui/api/pipelines'),
    wanted ? api(`/ui/api/pipelines/${encodeURIComponent(wanted)}`).catch(() => null) : null]);
  const name = named ? wanted : (list.pipelines.includes('__default__') ? '__default__' : list.pipelines[0]);
  const graph = named || await api(`/ui/api/pipelines/${encodeURIComponent(name)}`);
  performance.mark('kiln:pipelines:fetched');
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

  let scene = null;

  function draw() {
    const started = performance.now();
    const view = visible(graph, state);
    const laid = layout(view.vertices, view.edges, { rowHeight: ROW });
    performance.measure('kiln:layout', { start: started });
    const drawing = performance.now();
    scene = graphView(view.vertices.map(decorate), view.edges, laid,
      { rowHeight: ROW, layers: view.layers, selected: state.selected, onActivate: activate });
    wrap.replaceChildren(scene.node);
    scene.fit();
    performance.measure('kiln:draw', { start: drawing });
    document.getElementById('graph-summary').textContent =
      `${graph.nodes.length} nodes and ${graph.datasets.length} datasets; showing ${view.vertices.length} boxes in ${laid.ranks} rows` +
      (graph.namespaces.length ? ` · ${graph.namespaces.length} namespaces (click one to open it)` : '');
    document.body.dataset.graphMs = String(Math.round(performance.now() - started));
    document.body.dataset.graphBoxes = String(view.vertices.length);
  }

  function activate(id) {
    if (id.startsWith('g:')) toggle(id.slice(2)); else select(id);
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
    scene.select(id);
    detail(graph, id, side, toggle);
  }

  function find(text) {
    const node = graph.nodes.find(n => n.name === text);
    const data = graph.datasets.find(d => d.name === text);
    if (node && node.namespace) for (const c of [...state.collapsed]) if (node.namespace === c || node.namespace.startsWith(`${c}.`)) state.collapsed.delete(c);
    if (data && data.parameter) { state.params = true; document.getElementById('show-params').checked = true; }
    draw();
    const id = node ? `n:${node.name}` : data ? `d:${data.name}` : null;
    const box = id && scene.reveal(id, true);
    if (box) {
      select(id);
      box.focus();
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

/** Adds what a box shows: its text cut to the box, the line under it, its accessible name. */
function decorate(v) {
  const status = v.node && v.node.last_run ? v.node.last_run.status : null;
  const label = v.kind === 'task' ? short(v.label, v.node.namespace) : v.label;
  const max = Math.floor((v.width - 14) / 7);
  v.text = label.length > max ? `${label.slice(0, max - 1)}…` : label;
  v.sub = v.kind === 'ns' ? `namespace · ${v.count} nodes` : v.kind === 'task' ? (status ? `${status.toLowerCase()} · ${v.node.last_run.duration_ms} ms` : 'node')
    : v.data.layer ? `${v.data.type} · ${v.data.layer}` : v.data.type;
  v.aria = `${v.kind === 'ns' ? 'Namespace' : v.kind === 'task' ? 'Node' : 'Dataset'} ${v.label}${v.kind === 'ns' ? ', collapsed' : ''}`;
  v.failed = status === 'FAILED';
  return v;
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
