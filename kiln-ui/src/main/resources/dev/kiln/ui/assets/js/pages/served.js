// A model server's own page: the models it serves, their versions, canary or shadow, and a
// link to each one's prediction form.
import { api } from '../api.js';
import { h, page, table } from '../dom.js';

export async function render() {
  const { models } = await api('/ui/api/models');
  page(h('h1', {}, 'Served models'),
    table(null, [{ label: 'model' }, { label: 'version' }, { label: 'challenger' }, { label: 'micro-batching' }, { label: 'last reload error' }, { label: '' }],
      models.map(m => [m.name, h('span', { id: `served-version-${m.name}` }, m.version),
        m.challenger ? `${m.challenger.mode} version ${m.challenger.version}${m.challenger.mode === 'canary' ? ` (${m.challenger.percent}%)` : ''}` : '–',
        m.batching ? 'on' : 'off', m.last_reload_error || '–',
        h('a', { class: 'button', href: `#/predict/${encodeURIComponent(m.name)}` }, 'Prediction form')])),
    h('p', { class: 'muted' }, 'Endpoints: POST /v1/models/{name}:predict, /v2/models/{name}/infer, /invocations; GET /metrics, /openapi.json.'));
}
