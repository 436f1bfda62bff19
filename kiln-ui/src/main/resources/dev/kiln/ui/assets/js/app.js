// The single-page app: a hash router over the pages, the navigation and the theme switch.
import { api } from './api.js';
import { h, page } from './dom.js';

const PROJECT_PAGES = [
  ['pipelines', 'Pipelines'], ['runs', 'Runs'], ['models', 'Models'],
  ['serving', 'Serving'], ['monitoring', 'Monitoring'],
];
const SERVER_PAGES = [['served', 'Models'], ['serving', 'Metrics']];

const routes = {
  pipelines: () => import('./pages/pipelines.js'),
  runs: () => import('./pages/runs.js'),
  run: () => import('./pages/run.js'),
  compare: () => import('./pages/compare.js'),
  models: () => import('./pages/models.js'),
  predict: () => import('./pages/predict.js'),
  served: () => import('./pages/served.js'),
  serving: () => import('./pages/serving.js'),
  monitoring: () => import('./pages/monitoring.js'),
};

let info = { mode: 'project' };
let stop = null;
let navigation = 0;

async function start() {
  performance.mark('kiln:app:start');
  document.getElementById('theme').addEventListener('click', toggleTheme);
  try {
    info = await api('/ui/api/info');
  } catch (e) {
    page(h('h1', {}, 'Kiln'), h('p', { class: 'error' }, e.message));
    return;
  }
  document.getElementById('project-name').textContent = info.project || (info.mode === 'server' ? 'model server' : '');
  window.addEventListener('hashchange', route);
  route();
}

function nav(current) {
  const pages = info.mode === 'server' ? SERVER_PAGES : PROJECT_PAGES;
  const links = pages.map(([id, label]) => h('a', {
    href: `#/${id}`, 'aria-current': current === id ? 'page' : null,
  }, label));
  document.getElementById('nav').replaceChildren(...links);
}

async function route() {
  if (stop) { stop(); stop = null; }
  const hash = location.hash;
  const current = ++navigation;
  delete document.body.dataset.rendered;
  const path = location.hash.replace(/^#\/?/, '').split('?')[0];
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  let name = parts[0] || (info.mode === 'server' ? 'served' : 'pipelines');
  if (name === 'runs' && parts.length > 1) name = 'run';
  const section = { run: 'runs', compare: 'runs', predict: info.mode === 'server' ? 'served' : 'models' }[name] || name;
  nav(section);
  const load = routes[name];
  if (!load) {
    page(h('h1', {}, 'Not found'), h('p', {}, `No page '${path}'.`));
    return;
  }
  const main = document.getElementById('main');
  main.setAttribute('aria-busy', 'true');
  try {
    const module = await load();
    performance.mark(`kiln:module:${name}`);
    const args = name === 'run' ? parts.slice(1) : parts.slice(1);
    stop = (await module.render(args, info)) || null;
  } catch (e) {
    console.error(e);
    page(h('h1', {}, 'Something went wrong'), h('p', { class: 'error', role: 'alert' }, e.message));
  } finally {
    // Only the latest navigation marks the page rendered (with the hash it was opened with):
    // tests and scripts wait on data-rendered, never on content left by the previous page.
    if (current === navigation) {
      main.removeAttribute('aria-busy');
      document.body.dataset.page = name;
      document.body.dataset.rendered = hash;
    }
  }
}

function toggleTheme() {
  const root = document.documentElement;
  const dark = root.dataset.theme ? root.dataset.theme === 'dark'
    : matchMedia('(prefers-color-scheme: dark)').matches;
  root.dataset.theme = dark ? 'light' : 'dark';
  localStorage.setItem('kiln-theme', root.dataset.theme);
  window.dispatchEvent(new Event('kiln-theme'));
}

start();
