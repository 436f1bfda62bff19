// Parallel coordinates (SVG): one vertical axis per parameter and one for the metric, one line
// per run through its values. Numeric axes are linear between their min and max; other values
// are spread evenly in sorted order, each written on its axis.
import { h, num } from './dom.js';
import { color } from './charts.js';

/**
 * Draws parallel coordinates. axes: [{key, values: [per run]}] (the metric last);
 * runs: [labels]. Every axis shows its key, its extremes (or every category) and a tick per run.
 */
export function parallel(axes, runs, opts = {}) {
  const W = Math.max(520, axes.length * 130); const H = 320; const T = 36; const B = 28; const X = 60;
  const step = axes.length > 1 ? (W - 2 * X) / (axes.length - 1) : 0;
  const scales = axes.map(scale);
  const y = (a, v) => T + (1 - scales[a].at(v)) * (H - T - B);
  const svg = h('svg:svg', { class: 'bars parallel', viewBox: `0 0 ${W} ${H}`, role: 'img', style: `width:100%;max-width:${W}px`,
    'aria-label': opts.title || 'parallel coordinates' });
  svg.append(h('svg:title', {}, opts.title || ''));
  axes.forEach((axis, a) => {
    const x = X + a * step;
    svg.append(h('svg:line', { class: 'axis', x1: x, x2: x, y1: T, y2: H - B }));
    svg.append(h('svg:text', { x, y: 14, 'text-anchor': 'middle', class: a === axes.length - 1 ? 'metric' : null }, short(axis.key)));
    for (const [v, text] of scales[a].ticks) {
      const last = a === axes.length - 1;
      svg.append(h('svg:text', { x: last ? x + 6 : x - 6, y: y(a, v) + 4, 'text-anchor': last ? 'start' : 'end', class: 'tick' }, text));
    }
  });
  runs.forEach((label, r) => {
    const points = axes.map((axis, a) => axis.values[r] === undefined || axis.values[r] === null ? null : [X + a * step, y(a, axis.values[r])]);
    const d = points.map((p, i) => (p ? `${i && points[i - 1] ? 'L' : 'M'}${p[0].toFixed(1)},${p[1].toFixed(1)}` : '')).join('');
    const values = axes.map((axis, a) => `${axis.key} ${axis.values[r] ?? '–'}`).join(', ');
    svg.append(h('svg:path', { d, fill: 'none', stroke: color(r), 'stroke-width': 2.5, 'stroke-opacity': 0.85, class: 'run-line' },
      h('svg:title', {}, `${label}: ${values}`)));
    points.forEach(p => p && svg.append(h('svg:circle', { cx: p[0], cy: p[1], r: 3.5, fill: color(r) })));
  });
  const legend = h('p', { class: 'legend muted' }, runs.map((label, r) =>
    [h('span', { class: 'key', style: `background:${color(r)}` }), label, ' ']));
  return h('figure', { style: 'margin:0' }, svg, legend);
}

/** A scale mapping a value to 0..1 with its tick labels. */
function scale(axis) {
  const present = axis.values.filter(v => v !== undefined && v !== null);
  const numeric = present.length && present.every(v => v !== '' && Number.isFinite(Number(v)));
  if (numeric) {
    const xs = present.map(Number);
    const lo = Math.min(...xs); const hi = Math.max(...xs);
    const at = v => (hi === lo ? 0.5 : (Number(v) - lo) / (hi - lo));
    return { at, ticks: hi === lo ? [[lo, num(lo, 4)]] : [[lo, num(lo, 4)], [hi, num(hi, 4)]] };
  }
  const cats = [...new Set(present.map(String))].sort();
  const at = v => (cats.length === 1 ? 0.5 : cats.indexOf(String(v)) / (cats.length - 1));
  return { at, ticks: cats.map(c => [c, c.length > 12 ? `${c.slice(0, 11)}…` : c]) };
}

function short(key) {
  const k = key.replace(/^model\.params\./, '');
  return k.length > 18 ? `…${k.slice(-17)}` : k;
}
