// The prediction form, generated from a bundle's input schema: numbers with their training
// range, categories as selects, defaults from the training profile. Shows the prediction, the
// probability and the SHAP contributions of the row as a bar chart. On a model server it calls
// the server's own /v1/models/{name}:predict?explain=true; in kiln ui it loads the registered
// version.
import { api } from '../api.js';
import { bars } from '../charts.js';
import { h, num, page } from '../dom.js';

export async function render([name, version], info) {
  const server = info.mode === 'server';
  const form = server
    ? ((await api('/ui/api/models')).models.find(m => m.name === name) || {}).form
    : await api(`/ui/api/models/${encodeURIComponent(name)}/versions/${version}/form`);
  if (!form) {
    page(h('h1', {}, 'Not served'), h('p', {}, `This server does not serve '${name}'.`));
    return;
  }
  const endpoint = server ? `/v1/models/${encodeURIComponent(name)}:predict?explain=true`
    : `/ui/api/models/${encodeURIComponent(name)}/versions/${version}/predict`;
  const result = h('section', { id: 'result', 'aria-live': 'polite' });
  const fields = form.fields.map(field);
  const el = h('form', { class: 'predict', id: 'predict-form', novalidate: true, onsubmit: async e => {
    e.preventDefault();
    const row = {};
    const warnings = [];
    for (const f of form.fields) {
      const input = el.elements.namedItem(f.name);
      row[f.name] = value(f, input);
      if (typeof row[f.name] === 'number' && f.min !== null && (row[f.name] < f.min || row[f.name] > f.max)) warnings.push(f.name);
    }
    result.replaceChildren(h('p', { class: 'muted' }, 'Predicting…'));
    try {
      const res = await api(endpoint, { method: 'POST', json: { instances: [row] } });
      show(result, form, res, warnings);
    } catch (err) {
      result.replaceChildren(h('p', { class: 'error', role: 'alert' }, err.message));
    }
  } }, fields, h('div', { class: 'row', style: 'grid-column:1/-1' },
    h('button', { type: 'submit', id: 'predict' }, 'Predict'),
    h('button', { type: 'reset', class: 'ghost' }, 'Reset to training defaults')));
  page(h('h1', {}, `Predict with ${form.name}`),
    h('p', { class: 'muted' }, `Version ${server ? form.version : version} · ${form.task.replaceAll('_', ' ')}${form.threshold !== null && form.threshold !== undefined ? ` · decision threshold ${num(form.threshold)}` : ''}. Fields come from the model's input schema; defaults are the training medians and most frequent categories.`),
    h('div', { class: 'split' }, el, h('div', { class: 'side' }, result)));
}

function field(f) {
  const id = `f-${f.name}`;
  const hint = f.categories ? `${f.categories.length} categories seen in training`
    : f.min !== null && f.min !== undefined ? `training range ${num(f.min)} … ${num(f.max)}` : f.type;
  let input;
  if (f.categories) {
    input = h('select', { id, name: f.name, 'aria-describedby': `${id}-hint` },
      f.nullable ? h('option', { value: '' }, '(missing)') : null,
      f.categories.map(c => h('option', { value: c, selected: c === f.default }, c)));
  } else if (f.type === 'boolean') {
    input = h('input', { id, name: f.name, type: 'checkbox', checked: !!f.default, 'aria-describedby': `${id}-hint` });
  } else {
    input = h('input', { id, name: f.name, type: 'number', step: f.type === 'long' ? '1' : 'any', inputmode: 'decimal',
      value: String(f.default ?? ''), required: !f.nullable, 'aria-describedby': `${id}-hint` });
  }
  return h('div', { class: 'field' }, h('label', { for: id }, f.name), input, h('span', { class: 'hint', id: `${id}-hint` }, hint));
}

function value(f, input) {
  if (f.type === 'boolean') return input.checked;
  if (input.value === '') return null;
  if (f.categories || f.type === 'string') return input.value;
  return Number(input.value);
}

/** Shows the answer of either endpoint: native rows or the UI's column maps. */
function show(box, form, res, warnings) {
  const p = res.predictions[0];
  const row = typeof p === 'number' ? { prediction: p } : p;
  const probability = row.probability ?? null;
  const probabilities = row.probabilities || Object.keys(row).filter(k => k.startsWith('probability_')).map(k => row[k]);
  const explanation = res.explanations ? res.explanations[0] : null;
  const out = [h('h2', {}, 'Prediction'),
    h('p', {}, h('span', { class: 'stat' }, h('span', { class: 'label' }, form.task === 'regression' ? form.label || 'prediction' : 'predicted class'),
      h('span', { class: 'big', id: 'prediction' }, num(row.prediction))),
    probability !== null ? h('span', { class: 'stat' }, h('span', { class: 'label' }, 'probability of class 1'),
      h('span', { class: 'big', id: 'probability', 'data-value': String(probability) }, num(probability, 4))) : null)];
  if (probabilities.length) out.push(h('p', {}, `Class probabilities: ${probabilities.map((x, i) => `${i}: ${num(x, 3)}`).join(', ')}`));
  if (warnings.length) out.push(h('p', { class: 'error' }, `Outside the training range: ${warnings.join(', ')}; the model extrapolates there.`));
  if (explanation) {
    const items = Object.entries(explanation).filter(([k]) => k !== 'bias').map(([label, value]) => ({ label, value }))
      .sort((a, b) => Math.abs(b.value) - Math.abs(a.value));
    out.push(h('h3', {}, 'Why: SHAP contributions of this row'),
      bars(items, { signed: true, limit: 12, title: 'SHAP contribution per feature', axisLabel: form.task === 'regression' ? 'contribution to the prediction' : 'contribution to the log-odds' }),
      h('p', { class: 'muted' }, `Base value ${num(explanation.bias)}; positive bars push towards ${form.task === 'regression' ? 'a higher value' : 'class 1'}. ${items.length > 12 ? `${items.length - 12} smaller contributions not shown.` : ''}`));
  }
  box.replaceChildren(...out);
}
