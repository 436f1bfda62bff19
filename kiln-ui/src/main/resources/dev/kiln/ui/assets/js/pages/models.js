// The registry: models, their versions with metrics and tags, aliases (promote, roll back,
// remove, each confirmed), and a version's bundle: schema, metrics, evaluation curves, feature
// importance and SHAP summary.
import { api, mlflow, pairs } from '../api.js';
import { bars, confusion, lineChart, scatter } from '../charts.js';
import { confirmDialog, h, kv, num, page, table, time, toast } from '../dom.js';

export async function render([name, version]) {
  if (!name) return list();
  if (!version) return model(name);
  return versionPage(name, Number(version));
}

async function list() {
  const models = (await mlflow.models()).registered_models || [];
  page(h('h1', {}, 'Models'), models.length ? table(null,
    [{ label: 'model' }, { label: 'aliases' }, { label: 'updated' }, { label: 'description' }],
    models.map(m => [h('a', { href: `#/models/${encodeURIComponent(m.name)}` }, m.name),
      (m.aliases || []).map(a => h('span', { class: 'tag alias' }, `@${a.alias} → v${a.version}`)),
      time(m.last_updated_timestamp), m.description || ''])) : h('p', { class: 'muted' }, 'No registered models: kiln models register NAME BUNDLE adds one.'));
}

async function model(name) {
  const { registered_model: m } = await mlflow.model(name);
  const versions = ((await mlflow.versions(name)).model_versions || []).sort((a, b) => Number(b.version) - Number(a.version));
  const aliases = m.aliases || [];
  const byVersion = {};
  aliases.forEach(a => (byVersion[a.version] = byVersion[a.version] || []).push(a.alias));
  const metricKeys = [...new Set(versions.flatMap(v => (v.tags || []).map(t => t.key).filter(k => k.startsWith('metric.'))))]
    .filter(k => /roc_auc|pr_auc|rmse|mae|f1|accuracy|precision|recall/.test(k)).sort().slice(0, 6);
  const aliasInput = h('input', { id: 'alias-name', list: 'alias-names', value: 'champion', required: true, pattern: '[A-Za-z0-9_-]+', size: 14 });
  const versionSelect = h('select', { id: 'alias-version' }, versions.map(v => h('option', { value: v.version }, `version ${v.version}`)));
  page(h('h1', {}, name), m.description ? h('p', {}, m.description) : null,
    h('h2', {}, 'Aliases'),
    aliases.length ? table(null, [{ label: 'alias' }, { label: 'version' }, { label: '' }],
      aliases.map(a => [h('span', { class: 'tag alias' }, `@${a.alias}`), h('a', { href: `#/models/${encodeURIComponent(name)}/${a.version}` }, `version ${a.version}`),
        h('span', { class: 'row' },
          h('button', { type: 'button', class: 'ghost', 'data-rollback': a.alias, onclick: () => rollback(name, a.alias) }, 'Roll back'),
          h('button', { type: 'button', class: 'ghost', onclick: () => remove(name, a.alias) }, 'Remove'),
          h('button', { type: 'button', class: 'ghost', onclick: e => showHistory(name, a.alias, e.target) }, 'History'))]))
      : h('p', { class: 'muted' }, 'No aliases yet.'),
    h('form', { class: 'row', id: 'alias-form', onsubmit: e => { e.preventDefault(); promote(name, aliasInput.value, versionSelect.value); } },
      h('label', { for: 'alias-name' }, 'Point alias'), aliasInput,
      h('datalist', { id: 'alias-names' }, ['champion', 'challenger', 'staging'].map(a => h('option', { value: a }))),
      h('label', { for: 'alias-version' }, 'at'), versionSelect, h('button', { type: 'submit', id: 'promote' }, 'Promote')),
    h('h2', {}, 'Versions'),
    table(null, [{ label: 'version' }, { label: 'aliases' }, { label: 'created' }, { label: 'run' },
      ...metricKeys.map(k => ({ label: k.slice(7), num: true }))],
    versions.map(v => {
      const tags = pairs(v.tags);
      return [h('a', { href: `#/models/${encodeURIComponent(name)}/${v.version}` }, `version ${v.version}`),
        (byVersion[v.version] || []).map(a => h('span', { class: 'tag alias' }, `@${a}`)),
        time(v.creation_timestamp), v.run_id ? h('a', { href: `#/runs/${v.run_id}` }, v.run_id.slice(0, 8)) : '–',
        ...metricKeys.map(k => num(tags[k]))];
    })));
}

async function promote(name, alias, version) {
  if (!await confirmDialog(`Point @${alias} at version ${version}?`,
    `Servers following ${name}@${alias} will load version ${version} at their next reload check. The move is recorded, so it can be rolled back.`, 'Promote')) return;
  try {
    await mlflow.setAlias(name, alias, version);
    toast(`@${alias} now points at version ${version}.`);
    await model(name);
  } catch (e) { toast(e.message); }
}

async function rollback(name, alias) {
  if (!await confirmDialog(`Roll back @${alias}?`, `The alias moves back to the version it pointed at before its last move.`, 'Roll back')) return;
  try {
    const r = await api(`/ui/api/models/${encodeURIComponent(name)}/aliases/${encodeURIComponent(alias)}/rollback`, { method: 'POST' });
    toast(`@${alias} rolled back to version ${r.version}.`);
    await model(name);
  } catch (e) { toast(e.message); }
}

async function remove(name, alias) {
  if (!await confirmDialog(`Remove @${alias}?`, `Servers following ${name}@${alias} keep their loaded version but can no longer resolve the alias.`, 'Remove')) return;
  try {
    await mlflow.deleteAlias(name, alias);
    toast(`@${alias} removed.`);
    await model(name);
  } catch (e) { toast(e.message); }
}

async function showHistory(name, alias, button) {
  const moves = await api(`/ui/api/models/${encodeURIComponent(name)}/aliases/${encodeURIComponent(alias)}/history`);
  button.closest('tr').after(h('tr', {}, h('td', { colspan: 3 }, table(`Moves of @${alias}`, [{ label: 'when' }, { label: 'from' }, { label: 'to' }],
    moves.map(m => [time(m.timestamp), m.fromVersion < 0 ? 'unset' : `v${m.fromVersion}`, m.toVersion < 0 ? 'removed' : `v${m.toVersion}`])))));
}

async function versionPage(name, version) {
  const v = await api(`/ui/api/models/${encodeURIComponent(name)}/versions/${version}`);
  const b = v.bundle;
  const charts = h('div', { class: 'grid', id: 'model-charts' }, h('p', { class: 'muted' }, 'Computing charts…'));
  page(h('h1', {}, `${name} version ${version}`),
    h('p', { class: 'row' }, h('a', { class: 'button', href: `#/predict/${encodeURIComponent(name)}/${version}` }, 'Try it: prediction form'),
      h('a', { class: 'button ghost', href: `#/models/${encodeURIComponent(name)}` }, 'All versions')),
    kv([['Task', b.task], ['Label', b.label], ['Threshold', num(b.threshold)], ['Model', b.model_format],
      ['Created', b.created_at], ['Run', v.run_id ? h('a', { href: `#/runs/${v.run_id}` }, v.run_id) : '–'],
      ['Source', h('code', {}, v.source)], ['Encrypted', b.encrypted ? 'yes' : 'no']]),
    h('h2', {}, 'Metrics'),
    table(null, [{ label: 'metric' }, { label: 'value', num: true }], Object.entries(b.metrics || {}).map(([k, x]) => [k, num(x)])),
    h('h2', {}, 'Charts'), charts,
    h('h2', {}, 'Input schema'),
    table(null, [{ label: 'field' }, { label: 'type' }, { label: 'nullable' }, { label: 'range or categories' }],
      b.inputs.map(f => [f.name, f.type.toLowerCase(), f.nullable ? 'yes' : 'no',
        f.categories ? f.categories.join(', ') : `${num(f.min)} … ${num(f.max)}`]), { scroll: true }),
    h('details', {}, h('summary', {}, `Model features (${b.features.length}) and lineage`),
      h('p', {}, b.features.join(', ')), kv(Object.entries(b.lineage || {}))),
    h('details', {}, h('summary', {}, 'Tags'), table(null, [{ label: 'tag' }, { label: 'value' }], Object.entries(v.tags))));
  try {
    const ins = await api(`/ui/api/models/${encodeURIComponent(name)}/versions/${version}/insights`);
    charts.replaceChildren(...insightCards(ins, b));
  } catch (e) {
    charts.replaceChildren(h('p', { class: 'error' }, e.message));
  }
}

function insightCards(ins, b) {
  const cards = [];
  const card = (title, ...body) => cards.push(h('section', { class: 'card' }, h('h3', {}, title), ...body));
  const ev = ins.evaluation;
  if (ev && ev.roc) {
    card(`ROC curve (AUC ${num(ev.roc.auc)})`, lineChart([{ label: 'model', x: ev.roc.x, y: ev.roc.y }, { label: 'chance', x: [0, 1], y: [0, 1] }],
      { xLabel: 'false positive rate', yLabel: 'true positive rate', points: false }), h('p', { class: 'muted' }, `${num(ev.rows)} scored rows of ${ev.dataset}`));
    card(`Precision–recall (AP ${num(ev.pr.average_precision)})`, lineChart([{ label: 'precision', x: ev.pr.x.slice().reverse(), y: ev.pr.y.slice().reverse() }],
      { xLabel: 'recall', yLabel: 'precision', points: false }));
  }
  if (ev && ev.residuals) {
    card('Residuals', scatter(ev.residuals.predicted.map((x, i) => ({ x, y: ev.residuals.residual[i] })), { xLabel: 'predicted', yLabel: 'truth − predicted', r: 2 }));
  }
  const m = b.metrics || {};
  if (['tn', 'fp', 'fn', 'tp'].every(k => k in m)) card('Confusion matrix', confusion(m.tn, m.fp, m.fn, m.tp));
  if (ins.importance && Object.keys(ins.importance).length) {
    card('Feature importance (total gain)', bars(Object.entries(ins.importance).map(([label, value]) => ({ label, value })).sort((a, c) => c.value - a.value), { title: 'Feature importance', limit: 15 }));
  }
  if (ins.shap) {
    card('SHAP summary (mean |SHAP|)', bars(Object.entries(ins.shap.mean_abs).map(([label, value]) => ({ label, value })).sort((a, c) => c.value - a.value), { title: 'Mean absolute SHAP value', limit: 15 }),
      h('p', { class: 'muted' }, `over ${ins.shap.rows} rows of ${ins.shap.dataset}`));
  }
  if (!cards.length) cards.push(h('p', { class: 'muted' }, "No charts: the version's run recorded no scored dataset and the model cannot explain itself."));
  return cards;
}
