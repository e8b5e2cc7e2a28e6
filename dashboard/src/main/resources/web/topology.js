// The Topology page: what runs, the fleet's applied history, a diff between two revisions, apply and rollback.
import { api, act, el, showError } from './api.js';

export class TopologyPage {
  constructor() {
    document.getElementById('diff-go').addEventListener('click', () => this.diff());
    document.getElementById('apply').addEventListener('click', async () => {
      const result = await act('/api/topology', document.getElementById('document').value);
      if (result) document.getElementById('topology-summary').textContent = result.message;
    });
  }

  show() { this.reload(); }

  async reload() {
    if (document.getElementById('page-topology').hidden) return;
    try {
      const [running, history] = await Promise.all([api('/api/topology'), api('/api/topology/history')]);
      const summary = document.getElementById('topology-summary');
      summary.replaceChildren(el('p', {}, running.runningRev
        ? `the fleet runs rev ${running.runningRev} (hash ${running.hash.slice(0, 16)})` : 'the fleet runs no topology'),
        ...Object.entries(running.groups).map(([g, nodes]) => el('p', {}, `${g}: ${nodes}`)),
        ...(running.disagrees ? [el('p', { class: 'error' }, 'the online nodes run different topologies')] : []),
        ...(running.retainedProblem ? [el('p', { class: 'error' }, 'retained: ' + running.retainedProblem)] : []));
      const doc = document.getElementById('document');
      if (running.document && document.activeElement !== doc) doc.value = JSON.stringify(running.document, null, 2);
      const rows = history.revisions.map(r => {
        const back = el('button', { type: 'button' }, 'roll back to this');
        back.addEventListener('click', async () => {
          const result = await act('/api/topology/rollback', { to: r.rev });
          if (result) summary.textContent = result.message;
        });
        return el('tr', { 'data-rev': r.rev }, el('td', {}, r.running ? '*' : ''), el('td', {}, String(r.rev)),
          el('td', {}, r.name), el('td', {}, r.shortHash), el('td', {}, new Date(r.appliedAtMs).toLocaleString()),
          el('td', {}, r.nodes), el('td', {}, r.running ? '' : back));
      });
      document.querySelector('#history tbody').replaceChildren(...rows);
      for (const id of ['diff-from', 'diff-to']) {
        const select = document.getElementById(id);
        const chosen = select.value;
        select.replaceChildren(...history.revisions.map(r => el('option', { value: r.rev }, String(r.rev))));
        if (chosen) select.value = chosen;
      }
      if (history.revisions.length > 1 && !document.getElementById('diff-from').dataset.touched) {
        document.getElementById('diff-from').value = history.revisions[1].rev;
      }
    } catch (e) {
      if (e.status !== 401) showError('topology: ' + e.message);
    }
  }

  async diff() {
    document.getElementById('diff-from').dataset.touched = 'yes';
    const from = document.getElementById('diff-from').value, to = document.getElementById('diff-to').value;
    try {
      const d = await api(`/api/topology/diff?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`);
      document.getElementById('diff').textContent = d.changes.length ? d.changes.join('\n') : 'no changes';
    } catch (e) {
      showError(e.message);
    }
  }
}
