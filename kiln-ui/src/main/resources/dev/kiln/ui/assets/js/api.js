// Talks to the Kiln server: the UI's endpoints under /ui/api and MLflow's under /api/2.0.
// When the server requires a token, asks for it once and keeps it for this browser tab.

let token = sessionStorage.getItem('kiln-token');

async function askToken(message) {
  const dialog = document.getElementById('token-dialog');
  const input = document.getElementById('token-input');
  document.getElementById('token-error').textContent = message || '';
  input.value = '';
  return new Promise(resolve => {
    dialog.addEventListener('close', () => {
      token = input.value.trim();
      sessionStorage.setItem('kiln-token', token);
      resolve();
    }, { once: true });
    dialog.showModal();
    input.focus();
  });
}

/** Fetches a path; JSON answers are parsed, errors thrown with the server's message. */
export async function api(path, options = {}) {
  for (let attempt = 0; attempt < 4; attempt++) {
    const headers = Object.assign({}, options.headers || {});
    if (token) headers.Authorization = `Bearer ${token}`;
    if (options.json !== undefined) {
      headers['Content-Type'] = 'application/json';
      options.body = JSON.stringify(options.json);
    }
    const res = await fetch(path, { method: options.method || 'GET', headers, body: options.body });
    if (res.status === 401) {
      await askToken(attempt ? 'That token was not accepted.' : '');
      continue;
    }
    const type = res.headers.get('Content-Type') || '';
    if (!res.ok) {
      let message = `${res.status} ${res.statusText}`;
      try {
        const body = await res.json();
        message = body.message || body.error || message;
      } catch (e) { /* not JSON */ }
      throw new Error(message);
    }
    if (options.raw) return res;
    return type.includes('json') ? res.json() : res.text();
  }
  throw new Error('Not signed in.');
}

const ML = '/api/2.0/mlflow/';

/** MLflow's REST API, as the runs and models pages use it. */
export const mlflow = {
  experiments: () => api(`${ML}experiments/search?max_results=1000`),
  searchRuns: (experimentIds, filter, orderBy, maxResults, pageToken) => api(`${ML}runs/search`, {
    method: 'POST',
    json: { experiment_ids: experimentIds, filter, order_by: orderBy, max_results: maxResults, page_token: pageToken },
  }),
  run: id => api(`${ML}runs/get?run_id=${encodeURIComponent(id)}`),
  history: (id, key) => api(`${ML}metrics/get-history?run_id=${encodeURIComponent(id)}&metric_key=${encodeURIComponent(key)}&max_results=25000`),
  artifacts: (id, path) => api(`${ML}artifacts/list?run_id=${encodeURIComponent(id)}${path ? `&path=${encodeURIComponent(path)}` : ''}`),
  models: () => api(`${ML}registered-models/search?max_results=1000`),
  model: name => api(`${ML}registered-models/get?name=${encodeURIComponent(name)}`),
  versions: name => api(`${ML}model-versions/search?filter=${encodeURIComponent(`name='${name.replaceAll("'", "\\'")}'`)}&max_results=1000`),
  setAlias: (name, alias, version) => api(`${ML}registered-models/alias`, { method: 'POST', json: { name, alias, version: String(version) } }),
  deleteAlias: (name, alias) => api(`${ML}registered-models/alias`, { method: 'DELETE', json: { name, alias } }),
};

/** Returns the URL that downloads a run artifact through MLflow's artifact proxy. */
export function artifactPath(run, path) {
  const folder = `${run.info.experiment_id}/${run.info.run_id}/artifacts`;
  return `/api/2.0/mlflow-artifacts/artifacts/${folder}/${path.split('/').map(encodeURIComponent).join('/')}`;
}

/** Returns {key: value} from MLflow's [{key, value}] lists. */
export function pairs(list) {
  const out = {};
  for (const p of list || []) out[p.key] = p.value;
  return out;
}
