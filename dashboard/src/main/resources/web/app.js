// The page's shell: login, the four pages, and the live stream (server-sent events), which reconnects by itself.
import { api, showError, clearError } from './api.js';
import { Brain } from './brain.js';
import { Fleet } from './fleet.js';
import { Events } from './events.js';
import { TopologyPage } from './topology.js';

const pages = { brain: new Brain(), fleet: new Fleet(), events: new Events(), topology: new TopologyPage() };
let live = null;

function route() {
  const name = (location.hash || '#brain').slice(1);
  const page = pages[name] ? name : 'brain';
  for (const key of Object.keys(pages)) {
    document.getElementById('page-' + key).hidden = key !== page;
    document.querySelector(`nav a[data-page="${key}"]`).classList.toggle('active', key === page);
  }
  pages[page].show();
}

function connectLive() {
  if (live) live.close();
  live = new EventSource('/api/live');
  // On every (re)connection reload the snapshots: events sent while the stream was down are not replayed.
  live.addEventListener('hello', () => Object.values(pages).forEach(p => p.reload()));
  live.addEventListener('output', e => pages.brain.onOutput(JSON.parse(e.data)));
  live.addEventListener('sensor', e => pages.brain.onSensor(JSON.parse(e.data)));
  live.addEventListener('fleet', e => {
    const fleet = JSON.parse(e.data);
    showBroker(fleet.broker);
    pages.fleet.onFleet(fleet);
    pages.brain.onFleet(fleet);
  });
  live.addEventListener('topology', () => { pages.brain.reload(); pages.topology.reload(); });
  live.addEventListener('events', e => pages.events.onEvents(JSON.parse(e.data)));
  live.onerror = () => {
    document.getElementById('broker').textContent = 'dashboard unreachable';
    document.getElementById('broker').className = 'pill bad';
    // The browser retries an interrupted stream itself; one it closed (an error status) is opened again here.
    if (live.readyState === EventSource.CLOSED) setTimeout(start, 2000);
  };
}

function showBroker(broker) {
  const pill = document.getElementById('broker');
  pill.textContent = broker.connected ? 'broker connected' : 'broker: ' + broker.problem;
  pill.className = 'pill ' + (broker.connected ? 'ok' : 'bad');
  pill.title = broker.uri;
}

async function start() {
  let session;
  try {
    session = await api('/api/session');
  } catch (e) {
    showError('the dashboard does not answer: ' + e.message);
    setTimeout(start, 2000);
    return;
  }
  const needLogin = session.access === 'login' && !session.user;
  document.getElementById('login').hidden = !needLogin;
  document.querySelector('main').classList.toggle('locked', needLogin);
  for (const key of Object.keys(pages)) if (needLogin) document.getElementById('page-' + key).hidden = true;
  const who = document.getElementById('who');
  who.textContent = session.access === 'open' ? 'open broker: everyone may act'
    : session.user ? 'logged in as ' + session.user : '';
  if (session.user) {
    const out = document.createElement('button');
    out.textContent = 'log out';
    out.onclick = async () => { await api('/api/logout', {}); location.reload(); };
    who.append(' ', out);
  }
  if (needLogin) return;
  clearError();
  route();
  connectLive();
}

document.getElementById('login-form').addEventListener('submit', async event => {
  event.preventDefault();
  try {
    await api('/api/login', { user: document.getElementById('login-user').value,
      password: document.getElementById('login-password').value });
    document.getElementById('login-password').value = '';
    start();
  } catch (e) {
    showError(e.message);
  }
});
window.addEventListener('hashchange', route);
start();
