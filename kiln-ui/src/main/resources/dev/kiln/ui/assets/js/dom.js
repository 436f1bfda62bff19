// Small DOM helpers: element building, formatting, messages.

/** Creates an element: h('a', {href: '#', class: 'x', onclick: fn}, 'text', child). */
export function h(tag, attrs, ...children) {
  const el = tag.startsWith('svg:')
    ? document.createElementNS('http://www.w3.org/2000/svg', tag.slice(4))
    : document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'html') el.innerHTML = v;
    else if (k in el && !k.includes('-') && typeof v !== 'string' && !tag.startsWith('svg:')) el[k] = v;
    else el.setAttribute(k, v === true ? '' : v);
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else el.append(c instanceof Node ? c : String(c));
  }
}

/** Replaces the content of the page. */
export function page(...children) {
  const main = document.getElementById('main');
  main.replaceChildren(...children.flat().filter(Boolean));
  return main;
}

/** Shows a short message for a few seconds. */
export function toast(text) {
  const t = document.getElementById('toast');
  t.textContent = text;
  t.classList.add('show');
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => t.classList.remove('show'), 4000);
}

// One formatter each: toLocaleString builds a new one per call, which costs more than the
// rest of a table row (measured on the runs page: 500 rows, thousands of cells).
const INTEGER = new Intl.NumberFormat('en-US');
const DECIMAL = new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 });
const DATE_TIME = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'medium' });

/** Formats a number for people: 3 significant digits, thousands separators for large ones. */
export function num(x, digits = 4) {
  if (x === null || x === undefined || x === '') return '–';
  const n = Number(x);
  if (!Number.isFinite(n)) return String(x);
  if (Number.isInteger(n) && Math.abs(n) < 1e12) return INTEGER.format(n);
  const a = Math.abs(n);
  if (a !== 0 && (a < 1e-3 || a >= 1e9)) return n.toExponential(2);
  return DECIMAL.format(Number(n.toPrecision(digits)));
}

/** Formats epoch milliseconds as a local date and time. */
export function time(ms) {
  if (!ms || ms < 0) return '–';
  return DATE_TIME.format(new Date(Number(ms)));
}

/** Formats a duration in milliseconds. */
export function duration(ms) {
  if (ms === null || ms === undefined || ms < 0) return '–';
  if (ms < 1000) return `${ms} ms`;
  if (ms < 60000) return `${(ms / 1000).toFixed(1)} s`;
  return `${Math.floor(ms / 60000)} min ${Math.round((ms % 60000) / 1000)} s`;
}

/** Formats a byte count. */
export function bytes(n) {
  if (n === null || n === undefined) return '–';
  const units = ['B', 'KB', 'MB', 'GB'];
  let i = 0;
  while (n >= 1024 && i < units.length - 1) { n /= 1024; i++; }
  return `${i ? n.toFixed(1) : n} ${units[i]}`;
}

/** A definition list from [label, value] pairs (values may be nodes). */
export function kv(pairs) {
  return h('dl', { class: 'kv' }, pairs.filter(p => p).flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v ?? '–')]));
}

/** A table: columns [{label, num?}], rows of cells (text or nodes). */
export function table(caption, columns, rows, attrs = {}) {
  return h('div', { class: 'table-wrap' + (attrs.scroll ? ' scroll' : '') },
    h('table', {},
      caption ? h('caption', { class: 'muted', style: 'text-align:left;padding:4px 8px' }, caption) : null,
      h('thead', {}, h('tr', {}, columns.map(c => h('th', { scope: 'col', class: c.num ? 'num' : null }, c.label)))),
      h('tbody', {}, rows.map(r => h('tr', {}, r.map((cell, i) =>
        h('td', { class: columns[i] && columns[i].num ? 'num' : null }, cell)))))));
}

/** Reads the hash route's query parameters. */
export function query() {
  const hash = location.hash;
  const q = hash.indexOf('?');
  return new URLSearchParams(q < 0 ? '' : hash.slice(q + 1));
}

/** Escapes text for use inside an MLflow filter string literal. */
export function quote(text) {
  return `'${String(text).replaceAll("'", "\\'")}'`;
}

/** Asks for confirmation in a modal dialog; resolves true when confirmed. */
export function confirmDialog(title, text, action) {
  return new Promise(resolve => {
    const dialog = h('dialog', { 'aria-labelledby': 'confirm-title', id: 'confirm' },
      h('form', { method: 'dialog' }, h('h2', { id: 'confirm-title' }, title), h('p', {}, text),
        h('div', { class: 'row' },
          h('button', { type: 'submit', value: 'yes', id: 'confirm-yes' }, action),
          h('button', { type: 'submit', value: 'no', class: 'ghost', id: 'confirm-no' }, 'Cancel'))));
    document.body.append(dialog);
    dialog.addEventListener('close', () => { resolve(dialog.returnValue === 'yes'); dialog.remove(); });
    dialog.showModal();
    dialog.querySelector('#confirm-no').focus();
  });
}
