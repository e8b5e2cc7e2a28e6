// The Fleet page: nodes (a node on another hash stands out) and task workers, as their retained statuses say.
import { api, el, ago, showError } from './api.js';

const num = v => (v === undefined || v === null ? '' : String(Math.round(v * 100) / 100));

export class Fleet {
  show() { this.reload(); }

  async reload() {
    try {
      this.onFleet(await api('/api/fleet'));
    } catch (e) {
      if (e.status !== 401) showError('fleet: ' + e.message);
    }
  }

  onFleet(fleet) {
    const nodes = fleet.nodes.map(n => {
      const row = el('tr', { class: `${n.state} ${n.otherHash ? 'otherhash' : ''}`, 'data-node': n.node,
        'data-state': n.state },
        el('td', {}, n.node),
        el('td', { class: 'state ' + n.state }, n.state + (n.reason ? ` (${n.reason})` : '')),
        el('td', {}, n.state === 'offline' ? '' : String(n.rev)),
        el('td', { class: 'hash', title: n.hash }, (n.hash || '').slice(0, 12) + (n.otherHash ? ' ≠ fleet' : '')),
        el('td', {}, n.neurons.join(' ')),
        el('td', {}, num(n.inputsPerSecond)), el('td', {}, num(n.queue)),
        el('td', {}, n.heapUsedMb === undefined ? '' : `${n.heapUsedMb}/${n.heapMaxMb}`),
        el('td', {}, num(n.malformed)), el('td', {}, num(n.dropped)),
        el('td', { title: new Date(n.lastSeenMs).toISOString() }, ago(n.lastSeenMs)));
      if (n.problem) row.title = n.problem;
      return row;
    });
    document.querySelector('#nodes tbody').replaceChildren(...nodes);
    const workers = fleet.workers.map(w => el('tr', { class: w.state, 'data-worker': w.worker },
      el('td', {}, w.worker), el('td', { class: 'state ' + w.state }, w.state), el('td', {}, w.queues),
      el('td', {}, String(w.processed)), el('td', {}, String(w.failed)), el('td', {}, String(w.retried)),
      el('td', {}, String(w.running)), el('td', {}, num(w.p50Ms)), el('td', {}, num(w.p95Ms)),
      el('td', {}, num(w.p99Ms)), el('td', {}, ago(w.lastSeenMs))));
    document.querySelector('#workers tbody').replaceChildren(...workers);
  }
}
