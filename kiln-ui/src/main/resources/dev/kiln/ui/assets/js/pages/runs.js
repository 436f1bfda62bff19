// Runs (the MLflow UI's job): search with MLflow's filter grammar, sort by any column, choose
// the params and metrics shown, and pick 2-10 runs to compare. Runs come in pages of 500 from
// MLflow's runs/search, and the table draws only the rows in view, so 10,000 runs list as fast
// as 500 and as 50.
import { mlflow, pairs } from '../api.js';
import { duration, h, num, page, query, time } from '../dom.js';

const PAGE = 500;
/** Longer lists draw only the rows in view (see rowsInView). */
const VIRTUAL_ABOVE = 100;

export async function render() {
  const q = query();
  const experiments = (await mlflow.experiments()).experiments || [];
  const ids = experiments.map(e => e.experiment_id);
  const state = {
    filter: q.get('filter') || '', order: q.get('order') || 'attributes.start_time DESC',
    runs: [], next: null, selected: new Set(),
    columns: JSON.parse(localStorage.getItem('kiln-run-columns') || 'null'),
  };
  const filter = h('input', { id: 'run-filter', type: 'search', value: state.filter, style: 'flex:1;min-width:260px',
    placeholder: "e.g. metrics.roc_auc > 0.9 and params.split.seed = '7'", 'aria-describedby': 'filter-help' });
  const status = h('p', { class: 'muted', id: 'run-status', role: 'status' });
  const body = h('div', { id: 'run-table' });
  const chooser = h('details', { id: 'columns' }, h('summary', {}, 'Columns'));
  const compare = h('button', { type: 'button', id: 'compare', disabled: true, onclick: () => {
    location.hash = `#/compare?runs=${[...state.selected].join(',')}`;
  } }, 'Compare');
  const more = h('button', { type: 'button', class: 'ghost', id: 'more', hidden: true, onclick: () => load(true) }, 'Load more');
  page(h('h1', {}, 'Runs'),
    h('form', { class: 'row', role: 'search', onsubmit: e => { e.preventDefault(); state.filter = filter.value.trim(); load(false); } },
      h('label', { for: 'run-filter' }, 'Filter'), filter, h('button', { type: 'submit' }, 'Search'), compare),
    h('p', { class: 'muted', id: 'filter-help' }, "MLflow's grammar: metrics.<key>, params.<key>, tags.<key>, attributes.status / run_name / start_time, with = != < <= > >= LIKE ILIKE, joined by and. Click a column to sort."),
    chooser, status, body, more);
  if (!ids.length) {
    status.textContent = 'No runs yet: kiln run records every pipeline run here.';
    return;
  }

  async function load(append) {
    const started = performance.now();
    status.textContent = 'Searching…';
    try {
      const res = await mlflow.searchRuns(ids, state.filter, [state.order], PAGE, append ? state.next : undefined);
      state.runs = append ? state.runs.concat(res.runs || []) : res.runs || [];
      state.next = res.next_page_token || null;
      history.replaceState(null, '', `#/runs?filter=${encodeURIComponent(state.filter)}&order=${encodeURIComponent(state.order)}`);
      if (!state.columns) state.columns = defaults(state.runs);
      performance.mark('kiln:runs:fetched');
      const drawing = performance.now();
      draw();
      performance.measure('kiln:draw', { start: drawing });
      const ms = Math.round(performance.now() - started);
      status.textContent = `${state.runs.length}${state.next ? '+' : ''} runs${state.filter ? ' match' : ''} (${ms} ms)`;
      document.body.dataset.searchMs = String(ms);
      document.body.dataset.runCount = String(state.runs.length);
    } catch (e) {
      status.textContent = '';
      body.replaceChildren(h('p', { class: 'error', role: 'alert' }, e.message));
    }
    more.hidden = !state.next;
  }

  function draw() {
    drawChooser();
    const cols = [
      { key: 'attributes.run_name', label: 'Run' }, { key: 'attributes.status', label: 'Status' },
      { key: 'attributes.start_time', label: 'Started' }, { key: null, label: 'Duration' },
      ...state.columns.map(c => ({ key: c, label: c.replace(/^metrics\./, '').replace(/^params\./, 'param ').replace(/^tags\./, 'tag '), num: c.startsWith('metrics.') })),
    ];
    const [orderKey, orderDir] = state.order.split(' ');
    const head = h('tr', {}, h('th', { scope: 'col' }, h('span', { class: 'muted' }, 'Pick')), cols.map(c => h('th', {
      scope: 'col', class: c.num ? 'num' : null, 'aria-sort': c.key === orderKey ? (orderDir === 'ASC' ? 'ascending' : 'descending') : null,
    }, c.key ? h('button', { type: 'button', onclick: () => sort(c.key) }, c.label, c.key === orderKey ? (orderDir === 'ASC' ? ' ▲' : ' ▼') : '') : c.label)));
    const row = r => {
      const data = { params: pairs(r.data.params), tags: pairs(r.data.tags), metrics: {} };
      for (const m of r.data.metrics || []) data.metrics[m.key] = m.value;
      const id = r.info.run_id;
      const end = r.info.end_time;
      return h('tr', {},
        h('td', {}, h('input', { type: 'checkbox', 'aria-label': `Pick run ${r.info.run_name} to compare`, checked: state.selected.has(id),
          onchange: e => { e.target.checked ? state.selected.add(id) : state.selected.delete(id); compare.disabled = state.selected.size < 2 || state.selected.size > 10; compare.textContent = `Compare ${state.selected.size || ''}`.trim(); } })),
        h('td', {}, h('a', { href: `#/runs/${id}` }, r.info.run_name || id)),
        h('td', { class: r.info.status === 'FAILED' ? 'bad' : null }, r.info.status.toLowerCase()),
        h('td', {}, time(r.info.start_time)),
        h('td', {}, end ? duration(end - r.info.start_time) : 'running'),
        state.columns.map(c => {
          const [kind, ...rest] = c.split('.');
          const v = data[kind] ? data[kind][rest.join('.')] : undefined;
          return h('td', { class: kind === 'metrics' ? 'num' : null }, kind === 'metrics' ? num(v) : v ?? '–');
        }));
    };
    const old = body.querySelector('.table-wrap');
    const tbody = h('tbody', {});
    const wrap = h('div', { class: 'table-wrap scroll', tabindex: '0', 'aria-label': 'Runs (scrolls)' },
      h('table', { id: 'runs', 'aria-rowcount': String(state.runs.length + 1) }, h('thead', {}, head), tbody));
    body.replaceChildren(wrap);
    if (old) wrap.scrollTop = old.scrollTop;
    rowsInView(wrap, tbody, state.runs, row, cols.length + 1);
  }

  function sort(key) {
    const [k, dir] = state.order.split(' ');
    state.order = `${key} ${k === key && dir === 'DESC' ? 'ASC' : 'DESC'}`;
    load(false);
  }

  function drawChooser() {
    const keys = new Set();
    for (const r of state.runs.slice(0, 200)) {
      (r.data.metrics || []).forEach(m => keys.add(`metrics.${m.key}`));
      (r.data.params || []).forEach(p => keys.add(`params.${p.key}`));
    }
    const sorted = [...keys].sort((a, b) => (a.startsWith('metrics') === b.startsWith('metrics') ? a.localeCompare(b) : a.startsWith('metrics') ? -1 : 1));
    chooser.replaceChildren(h('summary', {}, `Columns (${state.columns.length} chosen)`),
      h('div', { style: 'columns:3 220px;padding:6px' }, sorted.map(k => h('label', { style: 'display:block;font-weight:400' },
        h('input', { type: 'checkbox', checked: state.columns.includes(k), onchange: e => {
          state.columns = e.target.checked ? [...state.columns, k] : state.columns.filter(c => c !== k);
          localStorage.setItem('kiln-run-columns', JSON.stringify(state.columns));
          draw();
        } }), ` ${k}`))));
  }

  await load(false);
}

/**
 * Puts in the table body only the rows in view and a screenful on either side, with spacer rows
 * standing in for the others, so a page of 500 (or, after "Load more", thousands of) runs costs
 * what 60 rows cost. Short lists are drawn whole. Row height is measured on the first row drawn.
 */
function rowsInView(wrap, tbody, items, row, columns) {
  const n = items.length;
  if (n <= VIRTUAL_ABOVE) {
    tbody.replaceChildren(...items.map((r, i) => indexed(row(r), i)));
    return;
  }
  let height = 0;
  let drawn = null;
  const spacer = px => h('tr', { class: 'spacer', 'aria-hidden': 'true' }, h('td', { colspan: String(columns), style: `height:${px}px` }));
  const paint = () => {
    const per = height || 34;
    const view = Math.ceil((wrap.clientHeight || 600) / per);
    const first = Math.max(0, Math.floor(wrap.scrollTop / per) - view);
    const last = Math.min(n, first + 3 * view);
    if (drawn && drawn[0] === first && drawn[1] === last) return;
    drawn = [first, last];
    const rows = [];
    if (first > 0) rows.push(spacer(first * per));
    for (let i = first; i < last; i++) rows.push(indexed(row(items[i]), i));
    if (last < n) rows.push(spacer((n - last) * per));
    tbody.replaceChildren(...rows);
    if (!height) {
      const sample = tbody.querySelector('tr:not(.spacer)');
      height = sample ? sample.getBoundingClientRect().height : 0;
      if (height) { drawn = null; paint(); }
    }
  };
  let pending = false;
  wrap.addEventListener('scroll', () => {
    if (!pending) { pending = true; requestAnimationFrame(() => { pending = false; paint(); }); }
  });
  paint();
}

function indexed(tr, i) {
  tr.setAttribute('aria-rowindex', String(i + 2));
  return tr;
}

function defaults(runs) {
  const keys = new Set();
  for (const r of runs.slice(0, 50)) (r.data.metrics || []).forEach(m => keys.add(m.key));
  const preferred = [...keys].filter(k => /roc_auc|pr_auc|rmse|accuracy|f1|mae/.test(k)).sort();
  return (preferred.length ? preferred : [...keys].sort()).slice(0, 5).map(k => `metrics.${k}`);
}
