// Prometheus text from a Kiln model server, sampled over time: requests per second, error
// counts, latency percentiles and batch sizes, computed from successive scrapes.

/** Parses the text format into [{name, labels, value}]. */
export function parse(text) {
  const out = [];
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const m = line.match(/^([a-zA-Z_:][\w:]*)(\{(.*)\})?\s+(\S+)/);
    if (!m) continue;
    const labels = {};
    if (m[3]) for (const l of m[3].matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)) labels[l[1]] = l[2];
    out.push({ name: m[1], labels, value: Number(m[4].replace('+Inf', 'Infinity')) });
  }
  return out;
}

function sum(samples, name, keep = () => true) {
  return samples.filter(s => s.name === name && keep(s.labels)).reduce((a, s) => a + s.value, 0);
}

/** Returns cumulative counts per upper bound for a histogram metric. */
function buckets(samples, name, keep) {
  const by = new Map();
  for (const s of samples) {
    if (s.name !== `${name}_bucket` || !keep(s.labels)) continue;
    const le = Number(s.labels.le.replace('+Inf', 'Infinity'));
    by.set(le, (by.get(le) || 0) + s.value);
  }
  return [...by.entries()].sort((a, b) => a[0] - b[0]);
}

/** Returns the quantile q of the observations between two scrapes of a histogram. */
export function quantile(prev, cur, name, q, keep = () => true) {
  const a = new Map(buckets(prev, name, keep));
  const b = buckets(cur, name, keep).map(([le, c]) => [le, c - (a.get(le) || 0)]);
  const total = b.length ? b[b.length - 1][1] : 0;
  if (total <= 0) return null;
  const rank = q * total;
  let lo = 0; let below = 0;
  for (const [le, count] of b) {
    if (count >= rank) {
      if (!Number.isFinite(le)) return lo;
      return lo + (le - lo) * ((rank - below) / Math.max(1e-12, count - below));
    }
    lo = le; below = count;
  }
  return lo;
}

/** The models a scrape mentions. */
export function models(samples) {
  return [...new Set(samples.filter(s => s.labels.model).map(s => s.labels.model))].sort();
}

/** Figures between two scrapes taken seconds apart, for one model (or all when null). */
export function figures(prev, cur, seconds, model) {
  const keep = l => !model || l.model === model;
  const ok = l => keep(l) && !String(l.code || '').match(/^[45]/);
  const bad = l => keep(l) && String(l.code || '').match(/^[45]/);
  const req = sum(cur, 'kiln_requests_total', keep) - sum(prev, 'kiln_requests_total', keep);
  const errors = sum(cur, 'kiln_requests_total', bad) - sum(prev, 'kiln_requests_total', bad);
  const batchCount = sum(cur, 'kiln_batch_rows_count', keep) - sum(prev, 'kiln_batch_rows_count', keep);
  const batchSum = sum(cur, 'kiln_batch_rows_sum', keep) - sum(prev, 'kiln_batch_rows_sum', keep);
  const ms = v => (v === null ? null : v * 1000);
  return {
    rps: req / seconds,
    ok: (sum(cur, 'kiln_requests_total', ok) - sum(prev, 'kiln_requests_total', ok)) / seconds,
    errors,
    totalRequests: sum(cur, 'kiln_requests_total', keep),
    totalErrors: sum(cur, 'kiln_requests_total', bad),
    p50: ms(quantile(prev, cur, 'kiln_request_duration_seconds', 0.5, keep)),
    p95: ms(quantile(prev, cur, 'kiln_request_duration_seconds', 0.95, keep)),
    p99: ms(quantile(prev, cur, 'kiln_request_duration_seconds', 0.99, keep)),
    batch: batchCount > 0 ? batchSum / batchCount : null,
  };
}
