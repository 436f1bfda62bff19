// Charts: line charts with uPlot (metric histories, curves, serving metrics), and small SVG
// charts drawn here (horizontal bars for importance and SHAP, scatter, confusion matrix).
import { h, num } from './dom.js';

const PALETTE = ['--cur', '--bad', '--ok', '--warn', '--ref', '--accent'];
const EXTRA = ['#8e44ad', '#16a085', '#d35400', '#2c3e50'];

export function color(i) {
  if (i < PALETTE.length) return getComputedStyle(document.documentElement).getPropertyValue(PALETTE[i]).trim();
  return EXTRA[(i - PALETTE.length) % EXTRA.length];
}

/**
 * Draws lines into a new element: series [{label, x: [], y: []}], merged on their x values.
 * Options: title, xLabel, yLabel, time (x in seconds since epoch), height, points.
 */
export function lineChart(series, opts = {}) {
  const box = h('figure', { class: 'chart', style: 'margin:0' });
  if (opts.title) box.append(h('figcaption', { class: 'muted' }, opts.title));
  let data = merge(series);
  const xs = data[0];
  box.update = next => { data = merge(next); if (box.plot) box.plot.setData(data); };
  const draw = () => {
    if (!window.uPlot) { setTimeout(draw, 50); return; }
    const width = Math.max(260, box.clientWidth || 480);
    const fg = getComputedStyle(document.documentElement).getPropertyValue('--fg').trim();
    const grid = getComputedStyle(document.documentElement).getPropertyValue('--line').trim();
    const axis = label => ({ label, stroke: fg, grid: { stroke: grid }, ticks: { stroke: grid } });
    const plot = new window.uPlot({
      width, height: opts.height || 260,
      scales: { x: { time: !!opts.time } },
      axes: [axis(opts.xLabel), axis(opts.yLabel)],
      hooks: { ready: [quietLegend], setLegend: [quietLegend] },
      series: [{ label: opts.xLabel || 'x' }, ...series.map((s, i) => ({
        label: s.label, stroke: color(i), width: 2, spanGaps: true,
        points: { show: opts.points ?? xs.length < 60 },
      }))],
    }, data, box);
    box.plot = plot;
    new ResizeObserver(() => {
      const w = Math.max(260, box.clientWidth);
      if (Math.abs(w - plot.width) > 4) plot.setSize({ width: w, height: opts.height || 260 });
    }).observe(box);
  };
  requestAnimationFrame(draw);
  return box;
}

/** Hides the legend's values while the cursor is off the chart (uPlot writes "--" there). */
function quietLegend(plot) {
  plot.root.querySelectorAll('.u-legend .u-series').forEach((row, i) => {
    const value = row.querySelector('.u-value');
    const idle = !value || value.textContent === '--';
    row.classList.toggle('idle', idle);
    if (i === 0) row.style.display = idle ? 'none' : '';
  });
}

/** Aligns series on the union of their x values (uPlot's data layout). */
function merge(series) {
  const xs = [...new Set(series.flatMap(s => s.x))].sort((a, b) => a - b);
  const index = new Map(xs.map((x, i) => [x, i]));
  const data = [xs];
  for (const s of series) {
    const ys = new Array(xs.length).fill(null);
    s.x.forEach((x, i) => { ys[index.get(x)] = s.y[i]; });
    data.push(ys);
  }
  return data;
}

/**
 * Horizontal bars, largest first: items [{label, value}]. With signed, negative values grow
 * left of the axis. Every value is written next to its bar.
 */
export function bars(items, opts = {}) {
  const rows = items.slice(0, opts.limit || 20);
  const width = 560;
  const label = 150;
  const row = 22;
  const height = rows.length * row + 26;
  const max = Math.max(1e-12, ...rows.map(r => Math.abs(r.value)));
  const signed = opts.signed && rows.some(r => r.value < 0);
  const zero = signed ? label + (width - label - 60) / 2 : label;
  const scale = (signed ? (width - label - 60) / 2 : width - label - 60) / max;
  const svg = h('svg:svg', { class: 'bars', viewBox: `0 0 ${width} ${height}`, role: 'img',
    'aria-label': opts.title || 'bar chart', style: `width:100%;max-width:${width}px` });
  svg.append(h('svg:title', {}, opts.title || ''));
  rows.forEach((r, i) => {
    const y = i * row + 4;
    const w = Math.abs(r.value) * scale;
    const x = r.value < 0 ? zero - w : zero;
    const name = r.label.length > 22 ? `${r.label.slice(0, 21)}…` : r.label;
    svg.append(h('svg:text', { x: label - 6, y: y + 14, 'text-anchor': 'end' }, h('svg:title', {}, r.label), name));
    svg.append(h('svg:rect', { class: `bar ${r.value < 0 ? 'neg' : 'pos'}`, x, y: y + 2, width: Math.max(1, w), height: row - 6 },
      h('svg:title', {}, `${r.label}: ${num(r.value)}`)));
    const tx = r.value < 0 ? x - 4 : x + w + 4;
    svg.append(h('svg:text', { x: tx, y: y + 14, 'text-anchor': r.value < 0 ? 'end' : 'start' }, num(r.value, 3)));
  });
  svg.append(h('svg:line', { class: 'axis', x1: zero, x2: zero, y1: 0, y2: height - 20 }));
  if (opts.axisLabel) svg.append(h('svg:text', { x: zero, y: height - 4, 'text-anchor': 'middle', class: 'muted' }, opts.axisLabel));
  return svg;
}

/** A scatter plot of [{x, y, label}] with labelled axes and min/max ticks. */
export function scatter(points, opts = {}) {
  const W = 520; const H = 300; const L = 60; const B = 40; const T = 10; const R = 16;
  const xs = points.map(p => p.x); const ys = points.map(p => p.y);
  const [x0, x1] = pad(Math.min(...xs), Math.max(...xs));
  const [y0, y1] = pad(Math.min(...ys), Math.max(...ys));
  const sx = x => L + (x - x0) / (x1 - x0) * (W - L - R);
  const sy = y => H - B - (y - y0) / (y1 - y0) * (H - B - T);
  const svg = h('svg:svg', { class: 'bars', viewBox: `0 0 ${W} ${H}`, role: 'img', style: `width:100%;max-width:${W}px`,
    'aria-label': opts.title || 'scatter plot' });
  svg.append(h('svg:line', { class: 'axis', x1: L, x2: W - R, y1: H - B, y2: H - B }));
  svg.append(h('svg:line', { class: 'axis', x1: L, x2: L, y1: T, y2: H - B }));
  for (const v of [x0, (x0 + x1) / 2, x1]) svg.append(h('svg:text', { x: sx(v), y: H - B + 16, 'text-anchor': 'middle' }, num(v, 3)));
  for (const v of [y0, (y0 + y1) / 2, y1]) svg.append(h('svg:text', { x: L - 6, y: sy(v) + 4, 'text-anchor': 'end' }, num(v, 3)));
  svg.append(h('svg:text', { x: (L + W - R) / 2, y: H - 4, 'text-anchor': 'middle' }, opts.xLabel || ''));
  svg.append(h('svg:text', { x: 12, y: (T + H - B) / 2, 'text-anchor': 'middle', transform: `rotate(-90 12 ${(T + H - B) / 2})` }, opts.yLabel || ''));
  points.forEach((p, i) => svg.append(h('svg:circle', { cx: sx(p.x), cy: sy(p.y), r: opts.r || 5, fill: color(opts.colorEach ? i : 0), 'fill-opacity': 0.75 },
    h('svg:title', {}, `${p.label ? `${p.label}: ` : ''}${num(p.x)}, ${num(p.y)}`))));
  return svg;
}

function pad(lo, hi) {
  if (!Number.isFinite(lo)) return [0, 1];
  if (hi === lo) return [lo - 1, hi + 1];
  const m = (hi - lo) * 0.05;
  return [lo - m, hi + m];
}

/** A confusion matrix as a table: rows truth, columns predicted. */
export function confusion(tn, fp, fn, tp) {
  const cell = v => h('td', { class: 'num' }, num(v));
  return h('div', { class: 'table-wrap', style: 'max-width:360px' }, h('table', {},
    h('caption', { class: 'muted', style: 'text-align:left;padding:4px 8px' }, 'Confusion matrix at the threshold'),
    h('thead', {}, h('tr', {}, h('th', {}, ''), h('th', { scope: 'col', class: 'num' }, 'predicted 0'), h('th', { scope: 'col', class: 'num' }, 'predicted 1'))),
    h('tbody', {},
      h('tr', {}, h('th', { scope: 'row' }, 'truth 0'), cell(tn), cell(fp)),
      h('tr', {}, h('th', { scope: 'row' }, 'truth 1'), cell(fn), cell(tp)))));
}
