// One run: params, metrics with their history as charts, artifacts rendered inline (JSON, CSV,
// images, HTML), lineage (datasets read and written with hashes), code version, node timings.
import { api, artifactPath, mlflow, pairs } from '../api.js';
import { bars, lineChart } from '../charts.js';
import { bytes, duration, h, kv, num, page, table, time } from '../dom.js';

export async function render([id]) {
  const { run } = await mlflow.run(id);
  const extras = await api(`/ui/api/runs/${encodeURIComponent(id)}/extras`);
  const params = pairs(run.data.params);
  const tags = pairs(run.data.tags);
  const metrics = run.data.metrics || [];
  const charts = h('div', { class: 'grid', id: 'metric-charts' });
  const artifacts = h('div', { id: 'artifacts' }, h('p', { class: 'muted' }, 'Loading artifacts…'));
  page(
    h('h1', {}, `Run ${run.info.run_name || id}`),
    kv([
      ['Run id', h('code', {}, id)], ['Status', run.info.status.toLowerCase()],
      ['Started', time(run.info.start_time)],
      ['Duration', run.info.end_time ? duration(run.info.end_time - run.info.start_time) : 'running'],
      ['Pipeline', tags['kiln.pipeline']], ['Environment', tags['kiln.env']],
      ['Code', Object.keys(extras.code).length ? Object.entries(extras.code).map(([k, v]) => h('div', {}, `${k}: `, h('code', {}, v))) : '–'],
    ]),
    h('p', {}, h('a', { class: 'button ghost', href: `#/compare?runs=${id}` }, 'Compare with…')),
    h('h2', {}, 'Metrics'),
    metrics.length ? table(null, [{ label: 'metric' }, { label: 'value', num: true }, { label: 'steps', num: true }],
      metrics.slice().sort((a, b) => a.key.localeCompare(b.key)).map(m => [m.key, num(m.value), m.step])) : h('p', { class: 'muted' }, 'No metrics.'),
    charts,
    h('h2', {}, 'Node timings'), timings(extras.nodes),
    h('h2', {}, 'Parameters'),
    Object.keys(params).length ? table(null, [{ label: 'parameter' }, { label: 'value' }],
      Object.keys(params).sort().map(k => [k, params[k]]), { scroll: true }) : h('p', { class: 'muted' }, 'No parameters.'),
    h('h2', {}, 'Lineage'), lineage(extras.lineage),
    h('h2', {}, 'Artifacts'), artifacts,
    h('details', {}, h('summary', {}, 'Tags'), table(null, [{ label: 'tag' }, { label: 'value' }], Object.keys(tags).sort().map(k => [k, tags[k]]))));
  for (const m of metrics.filter(x => x.step > 0)) {
    const hist = (await mlflow.history(id, m.key)).metrics || [];
    charts.append(h('div', { class: 'card' }, lineChart([{ label: m.key, x: hist.map(p => p.step), y: hist.map(p => p.value) }],
      { title: `${m.key} by step`, xLabel: 'step', yLabel: m.key })));
  }
  artifacts.replaceChildren(...await listArtifacts(run, ''));
}

function timings(nodes) {
  if (!nodes.length) return h('p', { class: 'muted' }, 'No node timings (the run state file of this run is not in the project).');
  const total = nodes.reduce((a, n) => a + n.duration_ms, 0);
  return h('div', {},
    bars(nodes.map(n => ({ label: n.name, value: n.duration_ms })).sort((a, b) => b.value - a.value),
      { title: 'Wall time per node, milliseconds', axisLabel: `milliseconds (total ${duration(total)})`, limit: 40 }),
    table(null, [{ label: 'node' }, { label: 'status' }, { label: 'time', num: true }, { label: 'error' }],
      nodes.map(n => [n.name, n.status.toLowerCase(), duration(n.duration_ms), n.error || ''])));
}

function lineage(items) {
  if (!items.length) return h('p', { class: 'muted' }, 'No datasets recorded.');
  return table(null, [{ label: 'dataset' }, { label: '' }, { label: 'location' }, { label: 'rows', num: true }, { label: 'content hash' }],
    items.map(d => [d.name, d.direction, h('code', {}, d.location), num(d.rows), d.content_hash ? h('code', { title: d.content_hash }, d.content_hash.slice(0, 12)) : '–']));
}

async function listArtifacts(run, path) {
  const res = await mlflow.artifacts(run.info.run_id, path);
  const files = res.files || [];
  if (!files.length && !path) return [h('p', { class: 'muted' }, 'No artifacts. List datasets under tracking.artifacts in kiln.yml to keep them with each run.')];
  const out = [];
  for (const f of files) {
    if (f.is_dir) {
      out.push(h('details', {}, h('summary', {}, `${f.path}/`), ...await listArtifacts(run, f.path)));
    } else {
      const body = h('div', {}, h('p', { class: 'muted' }, 'Loading…'));
      const box = h('details', { open: out.length < 4 }, h('summary', {}, `${f.path} (${bytes(f.file_size)}) `,
        h('a', { href: artifactPath(run, f.path), download: f.path.split('/').pop() }, 'download')), body);
      out.push(box);
      show(run, f, body);
    }
  }
  return out;
}

async function show(run, file, body) {
  const ext = file.path.split('.').pop().toLowerCase();
  try {
    if (['png', 'jpg', 'jpeg', 'gif', 'svg'].includes(ext)) {
      const res = await api(artifactPath(run, file.path), { raw: true });
      const blob = await res.blob();
      const type = ext === 'svg' ? 'image/svg+xml' : `image/${ext === 'jpg' ? 'jpeg' : ext}`;
      body.replaceChildren(h('img', { src: URL.createObjectURL(new Blob([blob], { type })), alt: file.path, style: 'max-width:100%' }));
      return;
    }
    if (file.file_size > 2e6) {
      body.replaceChildren(h('p', { class: 'muted' }, 'Too large to show here; download it.'));
      return;
    }
    const text = await (await api(artifactPath(run, file.path), { raw: true })).text();
    if (ext === 'html' || ext === 'htm') {
      body.replaceChildren(h('iframe', { sandbox: '', srcdoc: text, title: file.path, style: 'width:100%;height:480px;border:1px solid var(--line)' }));
    } else if (ext === 'json') {
      body.replaceChildren(json(JSON.parse(text)));
    } else if (ext === 'csv' || ext === 'tsv') {
      const lines = text.trim().split('\n').slice(0, 51).map(l => l.split(ext === 'csv' ? ',' : '\t'));
      body.replaceChildren(table(`First ${lines.length - 1} rows`, lines[0].map(c => ({ label: c })), lines.slice(1), { scroll: true }));
    } else {
      body.replaceChildren(h('pre', {}, text));
    }
  } catch (e) {
    body.replaceChildren(h('p', { class: 'error' }, e.message));
  }
}

/** Shows JSON: a flat map of numbers as a table (and bars), anything else pretty-printed. */
function json(value) {
  const flat = value && typeof value === 'object' && !Array.isArray(value) ? flatten(value) : null;
  const numeric = flat && Object.values(flat).every(v => typeof v === 'number');
  if (numeric && Object.keys(flat).length <= 200) {
    const items = Object.entries(flat).map(([label, v]) => ({ label, value: v }));
    return h('div', {}, Object.keys(flat).length > 3 && Object.keys(flat).length <= 60
      ? bars(items.slice().sort((a, b) => Math.abs(b.value) - Math.abs(a.value)), { title: 'values', limit: 30 }) : null,
    table(null, [{ label: 'key' }, { label: 'value', num: true }], items.map(i => [i.label, num(i.value)])));
  }
  return h('pre', {}, JSON.stringify(value, null, 2));
}

function flatten(obj, prefix = '', out = {}) {
  for (const [k, v] of Object.entries(obj)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (v && typeof v === 'object' && !Array.isArray(v)) flatten(v, key, out);
    else out[key] = v;
  }
  return out;
}
