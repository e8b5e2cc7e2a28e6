// The Events page: the fleet's merged log, newest first, live, filtered by node and neuron.
import { api, el, showError } from './api.js';

const KEEP = 1000;

export class Events {
  constructor() {
    this.events = [];
    this.node = document.getElementById('filter-node');
    this.neuron = document.getElementById('filter-neuron');
    this.node.addEventListener('change', () => this.render());
    this.neuron.addEventListener('change', () => this.render());
    document.getElementById('events-clear').addEventListener('click', () => { this.events = []; this.render(); });
  }

  show() { this.reload(); }

  async reload() {
    try {
      this.events = (await api('/api/events')).slice(-KEEP);
      this.render();
    } catch (e) {
      if (e.status !== 401) showError('events: ' + e.message);
    }
  }

  onEvents(fresh) {
    const seen = new Set(this.events.map(key));
    this.events.push(...fresh.filter(e => !seen.has(key(e))));
    this.events.sort((a, b) => a.atMicros - b.atMicros);
    this.events = this.events.slice(-KEEP);
    this.render();
  }

  render() {
    options(this.node, this.events.map(e => e.node));
    options(this.neuron, this.events.map(e => e.neuron));
    const rows = this.events.filter(e => (!this.node.value || e.node === this.node.value)
        && (!this.neuron.value || e.neuron === this.neuron.value))
      .slice().reverse().slice(0, 300)
      .map(e => el('tr', { 'data-node': e.node, 'data-neuron': e.neuron },
        el('td', {}, e.at.replace('T', ' ').replace('Z', '')), el('td', {}, e.node), el('td', {}, e.neuron),
        el('td', {}, e.kind), el('td', {}, e.text)));
    document.querySelector('#events tbody').replaceChildren(...rows);
  }
}

function key(e) { return `${e.atMicros}|${e.node}|${e.neuron}|${e.kind}|${e.text}`; }

function options(select, values) {
  const chosen = select.value;
  const all = [...new Set(values)].sort();
  if (all.join() === [...select.options].slice(1).map(o => o.value).join()) return;
  select.replaceChildren(el('option', { value: '' }, 'all'), ...all.map(v => el('option', { value: v }, v)));
  select.value = all.includes(chosen) ? chosen : '';
}
