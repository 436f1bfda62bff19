// A layered layout for pipeline graphs (Sugiyama-style, top to bottom), small and linear in
// the graph size per pass so 1,000-node pipelines lay out in milliseconds:
// 1. ranks by longest path, then data layers in order: a dataset of a later layer moves below
//    the earlier layers unless it feeds one of them (an early report that later steps read
//    stays where it is, outside its layer's band);
// 2. order within ranks by barycentre sweeps, down and up;
// 3. x positions pulled towards the neighbours' mean, then spread so boxes do not overlap.

/**
 * Lays out vertices [{id, width, layer}] (layer: index of the data layer, or null) joined by
 * edges [[fromId, toId]]. Returns {pos: Map(id -> {x, y, rank}), ranks, bands: [{layer, y0, y1}]}.
 */
export function layout(vertices, edges, opts = {}) {
  const gapX = opts.gapX ?? 24;
  const rowH = opts.rowHeight ?? 84;
  const ids = vertices.map(v => v.id);
  const byId = new Map(vertices.map(v => [v.id, v]));
  const succ = new Map(ids.map(id => [id, []]));
  const pred = new Map(ids.map(id => [id, []]));
  for (const [a, b] of edges) {
    if (succ.has(a) && pred.has(b) && a !== b) { succ.get(a).push(b); pred.get(b).push(a); }
  }
  const order = topological(ids, succ, pred);
  const lower = new Map();
  let rank = ranks(order, pred, lower);
  const layers = [...new Set(vertices.filter(v => v.layer !== null && v.layer !== undefined).map(v => v.layer))].sort((a, b) => a - b);
  const downstream = earliestDownstreamLayer(order, succ, byId);
  const floors = new Map();
  for (const layer of layers) {
    const earlier = vertices.filter(v => v.layer !== null && v.layer !== undefined && v.layer < layer);
    const floor = earlier.length ? Math.max(...earlier.map(v => rank.get(v.id))) + 1 : 0;
    floors.set(layer, floor);
    let moved = false;
    for (const v of vertices.filter(x => x.layer === layer && rank.get(x.id) < floor)) {
      if (!(downstream.get(v.id) < layer)) { lower.set(v.id, floor); moved = true; }
    }
    if (moved) rank = ranks(order, pred, lower);
  }
  const rows = [];
  for (const id of order) {
    const r = rank.get(id);
    (rows[r] = rows[r] || []).push(id);
  }
  for (let i = 0; i < rows.length; i++) rows[i] = rows[i] || [];
  const posIndex = new Map();
  const reindex = () => rows.forEach(row => row.forEach((id, i) => posIndex.set(id, i / Math.max(1, row.length - 1))));
  reindex();
  for (let pass = 0; pass < 8; pass++) {
    const down = pass % 2 === 0;
    const seq = down ? rows : [...rows].reverse();
    for (const row of seq) {
      const bary = new Map(row.map(id => {
        const ns = down ? pred.get(id) : succ.get(id);
        if (!ns.length) return [id, posIndex.get(id)];
        return [id, ns.reduce((a, n) => a + posIndex.get(n), 0) / ns.length];
      }));
      row.sort((a, b) => bary.get(a) - bary.get(b));
      row.forEach((id, i) => posIndex.set(id, i / Math.max(1, row.length - 1)));
    }
  }
  const x = new Map();
  for (const row of rows) {
    let cursor = 0;
    for (const id of row) {
      const w = byId.get(id).width;
      x.set(id, cursor + w / 2);
      cursor += w + gapX;
    }
    const shift = cursor / 2;
    for (const id of row) x.set(id, x.get(id) - shift);
  }
  for (let pass = 0; pass < 4; pass++) {
    const down = pass % 2 === 0;
    for (const row of down ? rows : [...rows].reverse()) {
      for (const id of row) {
        const ns = [...pred.get(id), ...succ.get(id)];
        if (ns.length) x.set(id, (x.get(id) + ns.reduce((a, n) => a + x.get(n), 0) / ns.length) / 2);
      }
      spread(row, x, byId, gapX);
    }
  }
  const pos = new Map();
  for (const id of ids) pos.set(id, { x: x.get(id), y: rank.get(id) * rowH, rank: rank.get(id) });
  const bands = layers.map(layer => {
    const ys = vertices.filter(v => v.layer === layer && rank.get(v.id) >= floors.get(layer)).map(v => pos.get(v.id).y);
    return ys.length ? { layer, y0: Math.min(...ys) - rowH / 2, y1: Math.max(...ys) + rowH / 2 } : null;
  }).filter(Boolean);
  return { pos, ranks: rows.length, bands };
}

/**
 * Returns per vertex the earliest data layer among everything downstream of it (not itself),
 * in one pass from the sinks up. A dataset feeding one of an earlier layer cannot move below
 * that layer's band: it would push those too.
 */
function earliestDownstreamLayer(order, succ, byId) {
  const earliest = new Map();
  for (let i = order.length - 1; i >= 0; i--) {
    let e = Infinity;
    for (const s of succ.get(order[i])) {
      const l = byId.get(s).layer;
      if (l !== null && l !== undefined && l < e) e = l;
      if (earliest.get(s) < e) e = earliest.get(s);
    }
    earliest.set(order[i], e);
  }
  return earliest;
}

/** Kahn's order; vertices left in cycles (none in a valid pipeline) go last. */
function topological(ids, succ, pred) {
  const indeg = new Map(ids.map(id => [id, pred.get(id).length]));
  const queue = ids.filter(id => indeg.get(id) === 0);
  const out = [];
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i];
    out.push(id);
    for (const s of succ.get(id)) {
      indeg.set(s, indeg.get(s) - 1);
      if (indeg.get(s) === 0) queue.push(s);
    }
  }
  if (out.length < ids.length) ids.forEach(id => { if (!out.includes(id)) out.push(id); });
  return out;
}

/** Longest-path ranks, at least each vertex's lower bound. */
function ranks(order, pred, lower) {
  const rank = new Map();
  for (const id of order) {
    let r = lower.get(id) || 0;
    for (const p of pred.get(id)) if (rank.has(p)) r = Math.max(r, rank.get(p) + 1);
    rank.set(id, r);
  }
  return rank;
}

/** Keeps the row's order and pushes boxes apart until none overlap, centred on their mean. */
function spread(row, x, byId, gap) {
  for (let i = 1; i < row.length; i++) {
    const a = row[i - 1]; const b = row[i];
    const min = x.get(a) + byId.get(a).width / 2 + gap + byId.get(b).width / 2;
    if (x.get(b) < min) x.set(b, min);
  }
  for (let i = row.length - 2; i >= 0; i--) {
    const a = row[i]; const b = row[i + 1];
    const max = x.get(b) - byId.get(b).width / 2 - gap - byId.get(a).width / 2;
    if (x.get(a) > max) x.set(a, (x.get(a) + max) / 2);
  }
  for (let i = 1; i < row.length; i++) {
    const a = row[i - 1]; const b = row[i];
    const min = x.get(a) + byId.get(a).width / 2 + gap + byId.get(b).width / 2;
    if (x.get(b) < min) x.set(b, min);
  }
}
