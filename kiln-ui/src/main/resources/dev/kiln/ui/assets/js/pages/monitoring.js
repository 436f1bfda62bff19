// Monitoring (Evidently's job): per model the drift of each report over time, and per report
// the dataset verdict explained, prediction drift, decay with labels, and for every column a
// histogram of reference against current with its axes, bin edges and category names drawn.
// The histograms are the same SVG the static report of kiln monitor carries.
import { api } from '../api.js';
import { lineChart } from '../charts.js';
import { h, num, page, table } from '../dom.js';

export async function render([model, report]) {
  if (!model) return list();
  if (!report) return series(model);
  return detail(model, report);
}

const verdict = (bad, yes, no) => h('span', { class: bad ? 'bad' : 'ok' }, bad ? yes : no);

async function list() {
  const { models } = await api('/ui/api/monitoring');
  page(h('h1', {}, 'Monitoring'), models.length ? table(null,
    [{ label: 'model' }, { label: 'reports', num: true }, { label: 'latest' }, { label: 'dataset drift' }, { label: 'drifted columns' }, { label: 'prediction drift' }, { label: 'decay' }],
    models.map(m => [h('a', { href: `#/monitoring/${encodeURIComponent(m.model)}` }, m.model), m.reports,
      h('a', { href: `#/monitoring/${encodeURIComponent(m.model)}/${m.id}` }, new Date(m.created_at).toLocaleString()),
      verdict(m.dataset_drift, `yes (${Math.round(m.drift_share * 100)}%)`, `no (${Math.round(m.drift_share * 100)}%)`),
      m.drifted.join(', ') || '–', verdict(m.prediction_drift, 'yes', 'no'), verdict(m.decay, 'yes', 'no')]))
    : h('p', { class: 'muted' }, 'No reports yet: kiln monitor MODEL --current FILE (or --from-logs) writes them.'));
}

async function series(model) {
  const { reports, decay } = await api(`/ui/api/monitoring/${encodeURIComponent(model)}`);
  const t = reports.map(r => Date.parse(r.created_at) / 1000);
  const columns = [...new Set(reports.flatMap(r => Object.keys(r.scores)))];
  page(h('h1', {}, `Monitoring ${model}`),
    h('div', { class: 'grid' },
      h('section', { class: 'card' }, lineChart([
        { label: 'share of drifted columns', x: t, y: reports.map(r => r.drift_share) },
        { label: 'dataset drift from', x: t, y: reports.map(r => r.drift_share_threshold) }], { title: 'Dataset drift over time', time: true, points: true })),
      h('section', { class: 'card' }, lineChart([{ label: 'prediction drift score', x: t, y: reports.map(r => r.prediction_score) }],
        { title: 'Prediction drift over time', time: true, points: true })),
      decayCharts(decay)),
    h('h2', {}, 'Reports'),
    table(null, [{ label: 'report' }, { label: 'version' }, { label: 'rows', num: true }, { label: 'dataset drift' }, { label: 'prediction drift' }, { label: 'decay' },
      ...columns.map(c => ({ label: c, num: true }))],
    reports.slice().reverse().map(r => [h('a', { href: `#/monitoring/${encodeURIComponent(model)}/${r.id}` }, new Date(r.created_at).toLocaleString()),
      r.version, num(r.current_rows), verdict(r.dataset_drift, 'yes', 'no'), verdict(r.prediction_drift, 'yes', 'no'), verdict(r.decay, 'yes', 'no'),
      ...columns.map(c => h('span', { class: r.drifted.includes(c) ? 'bad' : null }, num(r.scores[c], 3)))]), { scroll: true }));
}

/** The labelled metric per window over time against its baseline, one chart per metric. */
function decayCharts(windows) {
  const metrics = [...new Set(windows.map(w => w.metric))];
  if (!metrics.length) {
    return h('section', { class: 'card', id: 'decay' }, h('h3', {}, 'Decay against labels'),
      h('p', { class: 'muted' }, 'No labelled windows yet: kiln monitor --labels FILE measures the model per window against its training metric.'));
  }
  return metrics.map(metric => {
    const ws = windows.filter(w => w.metric === metric);
    const t = ws.map(w => Date.parse(w.start) / 1000);
    const decayed = ws.filter(w => w.decayed).length;
    return h('section', { class: 'card', id: 'decay' }, lineChart([
      { label: `${metric} per window`, x: t, y: ws.map(w => w.value) },
      { label: 'baseline (training)', x: t, y: ws.map(w => w.baseline) }], { title: `Decay: ${metric} over time`, time: true, points: true }),
    h('p', { class: decayed ? 'bad' : 'muted' }, `${decayed} of ${ws.length} windows decayed; ${num(ws.reduce((a, w) => a + w.rows, 0))} labelled rows.`));
  });
}

async function detail(model, id) {
  const r = await api(`/ui/api/monitoring/${encodeURIComponent(model)}/${encodeURIComponent(id)}`);
  const columns = r.columns.slice().sort((a, b) => Number(b.drifted) - Number(a.drifted));
  const cards = [r.prediction ? card(r.prediction, true) : null, ...columns.map(c => card(c, false))];
  page(h('h1', {}, `${model} version ${r.version}`),
    h('p', { class: 'muted' }, `${r.current} — ${num(r.current_rows)} rows against ${num(r.reference_rows)} reference rows, ${new Date(r.created_at).toLocaleString()}`),
    h('p', { id: 'verdict' }, verdict(r.dataset_drift, 'Dataset drift', 'No dataset drift'), `: ${r.verdict_text}.`),
    h('p', {}, r.prediction ? [verdict(r.prediction_drift, 'Prediction drift', 'No prediction drift'), `: ${r.prediction.score_text}${r.prediction.change_text ? `; ${r.prediction.change_text}` : ''}.`]
      : h('span', { class: 'muted' }, "Prediction drift not measured: the bundle's reference profile has no prediction column.")),
    r.charts ? h('p', { class: 'muted legend' }, 'Bars: share of rows per bin.', h('span', { class: 'key', style: 'background:var(--ref)' }), 'reference (training)',
      h('span', { class: 'key', style: 'background:var(--cur)' }), 'current')
      : h('p', { class: 'muted' }, 'This report was written without its profiles, so it has no histograms; run kiln monitor again.'),
    h('div', { class: 'grid', id: 'drift-columns' }, cards),
    r.decay_windows && r.decay_windows.length ? [h('h2', {}, 'Decay against labels'),
      table(null, [{ label: 'window start' }, { label: 'rows', num: true }, { label: 'metric' }, { label: 'value', num: true }, { label: 'baseline', num: true }, { label: 'decayed' }],
        r.decay_windows.map(w => [w.start, num(w.rows), w.metric, num(w.value), num(w.baseline), verdict(w.decayed, 'yes', 'no')]))] : null);
}

function card(c, prediction) {
  const profile = c.bins ? h('details', {}, h('summary', {}, `Profile of ${c.column}: shares per bin`),
    table(null, [{ label: c.bins.edges.length ? 'bin' : 'category' }, { label: 'reference', num: true }, { label: 'current', num: true }],
      c.bins.labels.map((l, i) => [l, `${(c.bins.reference[i] * 100).toFixed(1)}%`, `${(c.bins.current[i] * 100).toFixed(1)}%`]))) : null;
  const chart = h('div', {});
  if (c.svg) chart.innerHTML = c.svg;
  return h('section', { class: 'card', id: `drift-${c.column}`, 'data-drifted': String(c.drifted) },
    h('h3', {}, c.column, prediction && c.column !== 'prediction' ? ' (prediction)' : '', ' — ', verdict(c.drifted, 'drifted', 'no drift')),
    h('p', {}, c.score_text), c.change_text ? h('p', { class: 'muted' }, c.change_text) : null, chart, profile);
}
