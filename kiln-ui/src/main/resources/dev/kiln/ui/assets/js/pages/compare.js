// Compare 2-10 runs: the params that differ, metrics side by side, overlaid metric histories,
// parallel coordinates of the differing params and a metric, and a scatter of a chosen param
// against a chosen metric.
import { mlflow, pairs } from '../api.js';
import { lineChart, scatter } from '../charts.js';
import { h, num, page, query, table } from '../dom.js';
import { parallel } from '../parallel.js';

const PARALLEL_AXES = 8;

export async function render() {
  const ids = (query().get('runs') || '').split(',').filter(Boolean);
  if (ids.length < 2 || ids.length > 10) {
    page(h('h1', {}, 'Compare runs'), h('p', {}, `Pick 2 to 10 runs on the `, h('a', { href: '#/runs' }, 'runs page'), ` (got ${ids.length}).`));
    return;
  }
  const runs = await Promise.all(ids.map(async id => (await mlflow.run(id)).run));
  const label = r => r.info.run_name || r.info.run_id.slice(0, 8);
  const params = runs.map(r => pairs(r.data.params));
  const metrics = runs.map(r => Object.fromEntries((r.data.metrics || []).map(m => [m.key, m.value])));
  const paramKeys = [...new Set(params.flatMap(Object.keys))].sort();
  const metricKeys = [...new Set(metrics.flatMap(Object.keys))].sort();
  const differing = paramKeys.filter(k => new Set(params.map(p => p[k])).size > 1);
  const showAll = h('input', { type: 'checkbox', id: 'all-params' });
  const paramBox = h('div', {});
  const drawParams = () => {
    const keys = showAll.checked ? paramKeys : differing;
    paramBox.replaceChildren(keys.length ? table(null, [{ label: 'parameter' }, ...runs.map(r => ({ label: label(r) }))],
      keys.map(k => [k, ...params.map(p => h('span', { class: differing.includes(k) ? 'diff' : null }, p[k] ?? '–'))]), { scroll: true })
      : h('p', { class: 'muted' }, 'The runs have the same parameters.'));
  };
  showAll.addEventListener('change', drawParams);
  drawParams();
  const historyBox = h('div', { class: 'card' });
  const historyKeys = [];
  for (const r of runs) for (const m of r.data.metrics || []) if (m.step > 0 && !historyKeys.includes(m.key)) historyKeys.push(m.key);
  const historySelect = h('select', { id: 'history-metric', onchange: () => drawHistory() }, historyKeys.map(k => h('option', { value: k }, k)));
  async function drawHistory() {
    const key = historySelect.value;
    if (!key) { historyBox.replaceChildren(h('p', { class: 'muted' }, 'No metric has a history (values by step).')); return; }
    const series = await Promise.all(runs.map(async r => {
      const hist = (await mlflow.history(r.info.run_id, key)).metrics || [];
      return { label: label(r), x: hist.map(p => p.step), y: hist.map(p => p.value) };
    }));
    historyBox.replaceChildren(lineChart(series, { title: `${key} by step`, xLabel: 'step', yLabel: key }));
  }
  const xSelect = h('select', { id: 'scatter-param' }, paramKeys.filter(k => params.every(p => p[k] !== undefined && !Number.isNaN(Number(p[k])))).map(k => h('option', { value: k, selected: differing.includes(k) }, k)));
  const yDefault = headline(metricKeys, metrics);
  const ySelect = h('select', { id: 'scatter-metric' }, metricKeys.map(k => h('option', { value: k, selected: k === yDefault }, k)));
  const scatterBox = h('div', {});
  const drawScatter = () => {
    if (!xSelect.value || !ySelect.value) { scatterBox.replaceChildren(h('p', { class: 'muted' }, 'No numeric parameter to plot.')); return; }
    scatterBox.replaceChildren(scatter(runs.map((r, i) => ({ x: Number(params[i][xSelect.value]), y: metrics[i][ySelect.value], label: label(r) })),
      { xLabel: xSelect.value, yLabel: ySelect.value, title: `${ySelect.value} against ${xSelect.value}`, colorEach: true }));
  };
  const parallelBox = h('div', { id: 'parallel' });
  const drawParallel = () => {
    const keys = differing.slice(0, PARALLEL_AXES);
    if (!ySelect.value) { parallelBox.replaceChildren(h('p', { class: 'muted' }, 'The runs have no metric.')); return; }
    const axes = [...keys.map(k => ({ key: k, values: params.map(p => p[k]) })), { key: ySelect.value, values: metrics.map(m => m[ySelect.value]) }];
    parallelBox.replaceChildren(...[
      keys.length ? null : h('p', { class: 'muted' }, 'The runs have the same parameters: only the metric axis is drawn.'),
      differing.length > PARALLEL_AXES ? h('p', { class: 'muted' }, `The first ${PARALLEL_AXES} of ${differing.length} differing parameters.`) : null,
      parallel(axes, runs.map(label), { title: `${differing.length ? 'differing parameters and ' : ''}${ySelect.value}, one line per run` })].filter(Boolean));
  };
  xSelect.addEventListener('change', drawScatter);
  ySelect.addEventListener('change', () => { drawScatter(); drawParallel(); });
  page(h('h1', {}, `Compare ${runs.length} runs`),
    h('h2', {}, 'Metrics'),
    table(null, [{ label: 'metric' }, ...runs.map(r => ({ label: h('a', { href: `#/runs/${r.info.run_id}` }, label(r)), num: true }))],
      metricKeys.map(k => [k, ...metrics.map(m => num(m[k]))]), { scroll: true }),
    h('h2', {}, 'Parameters'), h('p', {}, h('label', { style: 'font-weight:400' }, showAll, ` Show all ${paramKeys.length} (${differing.length} differ, highlighted)`)), paramBox,
    h('section', { class: 'card' }, h('h3', {}, 'Parameters and metric (parallel coordinates)'),
      h('p', { class: 'muted' }, 'One axis per differing parameter, the metric chosen under "y" last; one line per run.'), parallelBox),
    h('div', { class: 'grid' },
      h('section', { class: 'card' }, h('h3', {}, 'Metric history'), h('label', { for: 'history-metric' }, 'Metric '), historySelect, historyBox),
      h('section', { class: 'card' }, h('h3', {}, 'Parameter against metric'),
        h('div', { class: 'row' }, h('label', { for: 'scatter-param' }, 'x'), xSelect, h('label', { for: 'scatter-metric' }, 'y'), ySelect), scatterBox)));
  drawHistory();
  drawScatter();
  drawParallel();
}

const HEADLINES = ['roc_auc', 'auc', 'pr_auc', 'f1', 'accuracy', 'r2', 'rmse', 'mae', 'log_loss', 'loss'];

/**
 * The metric shown first: among those every run has and that differ between runs, a usual
 * evaluation metric if there is one (roc_auc before f1 before rmse...), else the first.
 */
function headline(keys, metrics) {
  const telling = keys.filter(k => metrics.every(m => m[k] !== undefined) && new Set(metrics.map(m => m[k])).size > 1);
  const pool = telling.length ? telling : keys;
  const rank = k => { const i = HEADLINES.indexOf(k.split('.').pop()); return i < 0 ? HEADLINES.length : i; };
  return pool.slice().sort((a, b) => rank(a) - rank(b))[0];
}
