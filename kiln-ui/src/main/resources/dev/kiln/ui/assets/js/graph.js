// The pipeline graph as SVG, drawing only what can be seen. Chromium's cost for a large graph
// is style, layout and paint of every element, above all of the text, so:
// - in graphs of more than 400 boxes, boxes and edges outside the view (plus half a view on
//   each side) are left out of the DOM;
//   panning inside that margin moves one transform, leaving it redraws the part in view;
// - labels are drawn only from a zoom level at which they can be read (an overview of a
//   1,000-node pipeline is boxes and edges, with the name in each box's tooltip);
// - Tab walks every box in reading order, drawing and panning to the next one when it is out
//   of view, so culling costs keyboard users nothing.
import { h } from './dom.js';

const BOX_H = 38;
/** Below this zoom a 12 px label is under 5.4 px: boxes are drawn without text. */
export const LABEL_ZOOM = 0.45;
const MARGIN = 0.5;
/** Graphs of at most this many boxes are drawn whole: culling pays off only for large ones. */
const CULL_ABOVE = 400;

function esc(s) {
  return String(s).replace(/[&<>"]/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]));
}

/**
 * Returns {node, fit, select, reveal} for vertices [{id, kind, label, width, text, sub, aria,
 * failed}] placed by laid ({pos, ranks, bands}) and joined by edges [[from, to]];
 * opts: {rowHeight, layers, selected, onActivate(id)}.
 */
export function graphView(vertices, edges, laid, opts) {
  const xs = vertices.map(v => laid.pos.get(v.id).x);
  const bounds = {
    minX: Math.min(...xs, 0) - 140, maxX: Math.max(...xs, 0) + 140, maxY: (laid.ranks - 1) * opts.rowHeight + 60,
  };
  const reading = [...vertices].sort((a, b) => {
    const p = laid.pos.get(a.id); const q = laid.pos.get(b.id);
    return p.y - q.y || p.x - q.x;
  }).map(v => v.id);
  const order = new Map(reading.map((id, i) => [id, i]));
  const el = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  el.setAttribute('class', 'graph');
  el.setAttribute('role', 'group');
  el.setAttribute('aria-label', 'Pipeline graph');
  const viewport = document.createElementNS('http://www.w3.org/2000/svg', 'g');
  viewport.setAttribute('class', 'viewport');
  el.append(viewport);
  const hint = h('span', { class: 'muted', id: 'graph-hint', hidden: true }, 'Zoomed out: names are in the tooltips; zoom in to read them');
  let selected = opts.selected;
  let tx = 0; let ty = 0; let k = 1;
  let drawn = null;
  let drawnEdges = [];
  const highlighted = () => drawnEdges.filter(e => e.from === selected || e.to === selected).map(e => e.d).join('');

  const size = () => ({ w: el.clientWidth || 900, h: el.clientHeight || 600 });
  const inView = () => {
    const s = size();
    return { x0: -tx / k, y0: -ty / k, x1: (s.w - tx) / k, y1: (s.h - ty) / k };
  };

  function render(r, labels) {
    const mx = (r.x1 - r.x0) * MARGIN; const my = (r.y1 - r.y0) * MARGIN;
    const a = vertices.length > CULL_ABOVE ? { x0: r.x0 - mx, y0: r.y0 - my, x1: r.x1 + mx, y1: r.y1 + my }
      : { x0: -Infinity, y0: -Infinity, x1: Infinity, y1: Infinity };
    drawn = { ...a, labels };
    const focused = el.contains(document.activeElement) ? document.activeElement.dataset.id : null;
    const parts = [];
    for (const b of laid.bands) {
      parts.push(`<rect class="band" x="${bounds.minX}" y="${b.y0}" width="${bounds.maxX - bounds.minX}" height="${b.y1 - b.y0}"/>`,
        `<text class="band-label" x="${Math.max(bounds.minX, r.x0) + 8}" y="${b.y0 + 16}">${esc(opts.layers[b.layer])}</text>`);
    }
    drawnEdges = [];
    for (const [from, to] of edges) {
      const p = laid.pos.get(from); const q = laid.pos.get(to);
      if (Math.max(p.x, q.x) < a.x0 || Math.min(p.x, q.x) > a.x1 || Math.max(p.y, q.y) < a.y0 || Math.min(p.y, q.y) > a.y1) continue;
      const y1 = p.y + BOX_H / 2; const y2 = q.y - BOX_H / 2; const mid = (y1 + y2) / 2;
      drawnEdges.push({ from, to, d: `M${p.x},${y1}C${p.x},${mid} ${q.x},${mid} ${q.x},${y2}` });
    }
    // All edges are one path (thousands of path elements cost Chromium more than the boxes),
    // and those of the selected box a second one drawn over it.
    parts.push(`<path class="edge" d="${drawnEdges.map(e => e.d).join('')}"/>`, `<path class="edge hl" d="${highlighted()}"/>`);
    let count = 0;
    for (const v of vertices) {
      const p = laid.pos.get(v.id);
      if (p.x + v.width / 2 < a.x0 || p.x - v.width / 2 > a.x1 || p.y + BOX_H / 2 < a.y0 || p.y - BOX_H / 2 > a.y1) continue;
      count++;
      const cls = `n ${v.kind}${v.failed ? ' failed' : ''}${selected === v.id ? ' sel' : ''}`;
      parts.push(`<g class="${cls}" data-id="${esc(v.id)}" tabindex="0" role="button" aria-label="${esc(v.aria)}" transform="translate(${p.x - v.width / 2},${p.y - BOX_H / 2})">`,
        `<rect width="${v.width}" height="${BOX_H}" rx="${v.kind === 'task' || v.kind === 'ns' ? 4 : 14}"/>`,
        labels ? `<text x="${v.width / 2}" y="16" text-anchor="middle">${esc(v.text)}</text><text class="sub" x="${v.width / 2}" y="30" text-anchor="middle">${esc(v.sub)}</text>` : '',
        `<title>${esc(v.label)}</title></g>`);
    }
    viewport.innerHTML = parts.join('');
    el.dataset.drawn = String(count);
    el.dataset.labels = String(labels);
    if (focused) {
      const again = box(focused);
      if (again) again.focus({ preventScroll: true });
    }
    hint.hidden = labels;
  }

  function apply() {
    viewport.setAttribute('transform', `translate(${tx},${ty}) scale(${k})`);
    const r = inView();
    const labels = k >= LABEL_ZOOM;
    if (!drawn || drawn.labels !== labels || r.x0 < drawn.x0 || r.y0 < drawn.y0 || r.x1 > drawn.x1 || r.y1 > drawn.y1) {
      render(r, labels);
    }
  }

  const box = id => viewport.querySelector(`[data-id="${CSS.escape(id)}"]`);

  function fit() {
    const s = size();
    const whole = Math.min(s.w / (bounds.maxX - bounds.minX), s.h / (bounds.maxY + 60));
    k = Math.min(1, Math.max(whole, Math.min(0.7, s.w / (bounds.maxX - bounds.minX))));
    tx = (s.w - (bounds.maxX - bounds.minX) * k) / 2 - bounds.minX * k; ty = 30;
    apply();
  }

  function zoomBy(f, cx, cy) {
    const s = size();
    const mx = cx ?? s.w / 2; const my = cy ?? s.h / 2;
    tx = mx - (mx - tx) * f; ty = my - (my - ty) * f; k *= f;
    apply();
  }

  /** Pans so the box is in view (centred, at a readable zoom when asked) and returns it. */
  function reveal(id, readable) {
    const p = laid.pos.get(id);
    if (!p) return null;
    if (readable && k < LABEL_ZOOM) k = 0.8;
    const s = size();
    const sx = p.x * k + tx; const sy = p.y * k + ty;
    if (readable || sx < 40 || sx > s.w - 40 || sy < 30 || sy > s.h - 30) {
      tx = s.w / 2 - p.x * k; ty = s.h / 2 - p.y * k;
      apply();
    }
    return box(id);
  }

  function select(id) {
    selected = id;
    viewport.querySelectorAll('.n.sel').forEach(n => n.classList.remove('sel'));
    const g = box(id);
    if (g) g.classList.add('sel');
    const hl = viewport.querySelector('.edge.hl');
    if (hl) hl.setAttribute('d', highlighted());
  }

  el.addEventListener('wheel', e => {
    e.preventDefault();
    const r = el.getBoundingClientRect();
    zoomBy(Math.exp(-e.deltaY * 0.0015), e.clientX - r.left, e.clientY - r.top);
  }, { passive: false });
  let drag = null;
  el.addEventListener('pointerdown', e => { if (!e.target.closest('.n')) { drag = { x: e.clientX - tx, y: e.clientY - ty }; el.setPointerCapture(e.pointerId); } });
  el.addEventListener('pointermove', e => { if (drag) { tx = e.clientX - drag.x; ty = e.clientY - drag.y; apply(); } });
  el.addEventListener('pointerup', () => { drag = null; });
  el.addEventListener('click', e => { const g = e.target.closest('.n'); if (g) opts.onActivate(g.dataset.id); });
  el.addEventListener('keydown', e => {
    const g = e.target.closest('.n');
    if (g && (e.key === 'Enter' || e.key === ' ')) { e.preventDefault(); opts.onActivate(g.dataset.id); }
    if (g && e.key === 'Tab') {
      const next = reading[order.get(g.dataset.id) + (e.shiftKey ? -1 : 1)];
      if (next !== undefined) {
        e.preventDefault();
        const target = reveal(next, false);
        if (target) target.focus();
      }
    }
    if (e.key === '+' || e.key === '=') zoomBy(1.2);
    if (e.key === '-') zoomBy(1 / 1.2);
  });
  el.addEventListener('focusin', e => { const g = e.target.closest('.n'); if (g) reveal(g.dataset.id, false); });
  const controls = h('div', { class: 'row graph-controls' }, hint,
    h('button', { type: 'button', class: 'ghost', 'aria-label': 'Zoom in', onclick: () => zoomBy(1.25) }, '+'),
    h('button', { type: 'button', class: 'ghost', 'aria-label': 'Zoom out', onclick: () => zoomBy(1 / 1.25) }, '−'),
    h('button', { type: 'button', class: 'ghost', onclick: fit }, 'Fit'));
  const node = document.createDocumentFragment();
  node.append(el, controls);
  return { node, fit, select, reveal };
}
