// Serving: the models a server has loaded (versions, canary/shadow), and its /metrics sampled
// every 2 seconds: requests per second, errors, latency percentiles and batch sizes over time.
import { api } from '../api.js';
import { lineChart } from '../charts.js';
import { h, num, page, table } from '../dom.js';
import { figures, models as modelNames, parse } from '../prom.js';

const EVERY = 2000;
const KEEP = 180;

export async function render(args, info) {
  const server = info.mode === 'server';
  const targets = server ? [{ index: null, url: location.origin }] : (await api('/ui/api/servers')).servers;
  if (!targets.length) {
    page(h('h1', {}, 'Serving'), h('p', {}, 'No server to follow. Start the UI with ',
      h('code', {}, 'kiln ui --server http://127.0.0.1:8080'), ' (repeatable) to watch running model servers.'));
    return null;
  }
  const sections = targets.map(t => watch(t, server));
  page(h('h1', {}, 'Serving'), sections.map(s => s.el));
  return () => sections.forEach(s => s.stop());
}

function watch(target, server) {
  const metricsPath = server ? '/metrics' : `/ui/api/servers/${target.index}/metrics`;
  const status = h('div', {});
  const stats = h('p', { class: 'row', role: 'status' }, h('span', { class: 'muted' }, 'Waiting for the first two samples…'));
  const modelSelect = h('select', { id: `model-${target.index ?? 0}` }, h('option', { value: '' }, 'all models'));
  const samples = [];
  const charts = {
    rps: lineChart(series([], ['requests/s', 'errors/s']), { title: 'Requests per second', time: true, height: 200, points: false }),
    latency: lineChart(series([], ['p50 ms', 'p95 ms', 'p99 ms']), { title: 'Latency (ms)', time: true, height: 200, points: false }),
    batch: lineChart(series([], ['rows per model call']), { title: 'Micro-batch size', time: true, height: 200, points: false }),
  };
  const el = h('section', { class: 'card', style: 'margin-bottom:14px' }, h('h2', {}, target.url), status,
    h('div', { class: 'row' }, h('label', { for: modelSelect.id }, 'Model'), modelSelect), stats,
    h('div', { class: 'grid' }, Object.values(charts)));
  let prev = null;
  const tick = async () => {
    try {
      const text = await api(metricsPath);
      const cur = { t: Date.now() / 1000, samples: parse(text) };
      for (const m of modelNames(cur.samples)) {
        if (![...modelSelect.options].some(o => o.value === m)) modelSelect.append(h('option', { value: m }, m));
      }
      if (prev) {
        const f = figures(prev.samples, cur.samples, cur.t - prev.t, modelSelect.value || null);
        samples.push({ t: cur.t, ...f });
        if (samples.length > KEEP) samples.shift();
        stats.replaceChildren(
          stat('requests/s', num(f.rps, 3)), stat('errors since start', num(f.totalErrors)),
          stat('requests since start', num(f.totalRequests)), stat('p99 latency', f.p99 === null ? '–' : `${num(f.p99, 3)} ms`),
          stat('mean batch', f.batch === null ? '–' : num(f.batch, 3)));
        const t = samples.map(s => s.t);
        charts.rps.update([{ label: 'requests/s', x: t, y: samples.map(s => s.rps) }, { label: 'errors/s', x: t, y: samples.map(s => s.errors / (EVERY / 1000)) }]);
        charts.latency.update(['p50', 'p95', 'p99'].map(k => ({ label: `${k} ms`, x: t, y: samples.map(s => s[k]) })));
        charts.batch.update([{ label: 'rows per model call', x: t, y: samples.map(s => s.batch) }]);
      }
      prev = cur;
      document.body.dataset.servingSamples = String(samples.length);
    } catch (e) {
      stats.replaceChildren(h('span', { class: 'error' }, e.message));
    }
  };
  const models = async () => {
    try {
      const list = server ? (await api('/ui/api/models')).models : (await api(`/ui/api/servers/${target.index}/models`)).models;
      status.replaceChildren(list ? table(null, [{ label: 'model' }, { label: 'version' }, { label: 'challenger' }, { label: 'last reload error' }],
        list.map(m => [m.name, m.version, m.challenger ? `${m.challenger.mode} v${m.challenger.version}${m.challenger.mode === 'canary' ? ` (${m.challenger.percent}%)` : ''}` : '–', m.last_reload_error || '–']))
        : h('p', { class: 'error' }, 'The server does not answer.'));
    } catch (e) {
      status.replaceChildren(h('p', { class: 'error' }, e.message));
    }
  };
  models();
  tick();
  const timer = setInterval(tick, EVERY);
  const modelTimer = setInterval(models, 5 * EVERY);
  return { el, stop: () => { clearInterval(timer); clearInterval(modelTimer); } };
}

function series(t, labels) {
  return labels.map(label => ({ label, x: t, y: [] }));
}

function stat(label, value) {
  return h('span', { class: 'stat' }, h('span', { class: 'label' }, label), h('strong', {}, value));
}
