// The Brain page: the topology as a layered graph (sensors, then neurons by depth), one band per node.
import { api, act, el, showError } from './api.js';

const COLUMN = 150, ROW = 70, BAND_GAP = 16, LEFT = 70, TOP = 20, RADIUS = 22;

export class Brain {
  constructor() {
    this.svg = document.getElementById('brain-graph');
    this.panel = document.getElementById('inspect');
    this.graph = null;
    this.states = '';
  }

  show() { if (!this.graph) this.reload(); }

  async reload() {
    try {
      this.graph = await api('/api/brain');
      this.render();
    } catch (e) {
      if (e.status !== 401) showError('brain: ' + e.message);
    }
  }

  render() {
    const g = this.graph;
    const title = document.getElementById('brain-title');
    title.textContent = g.rev ? `rev ${g.rev}${g.name ? ' · ' + g.name : ''}` : 'the fleet runs no topology yet';
    this.states = g.nodes.map(n => n.id + n.state).join();
    const bands = [{ id: 'sensors', state: 'sensors', items: g.sensors.map(s => ({ ...s, depth: 0, sensor: true })) }];
    for (const node of g.nodes) {
      const items = g.neurons.filter(n => n.node === node.id);
      if (items.length) bands.push({ id: node.id, state: node.state, items });
    }
    const pos = new Map();
    let y = TOP;
    const maxDepth = Math.max(1, ...g.neurons.map(n => n.depth));
    const width = LEFT + (maxDepth + 1) * COLUMN;
    const groups = el('g', { svg: true });
    for (const band of bands) {
      const perDepth = new Map();
      for (const item of band.items) {
        const row = perDepth.get(item.depth) || 0;
        perDepth.set(item.depth, row + 1);
        pos.set(item.id, { x: LEFT + item.depth * COLUMN, y: y + 28 + row * ROW + RADIUS });
      }
      const height = 28 + Math.max(1, ...perDepth.values()) * ROW;
      const label = band.id === 'sensors' ? 'sensors' : `node ${band.id} · ${band.state}`;
      groups.append(el('g', { svg: true, class: `group ${band.state}`, 'data-node': band.id },
        el('rect', { svg: true, x: 8, y, width: width - 16, height, rx: 8 }),
        el('text', { svg: true, x: 16, y: y + 16 }, label)));
      y += height + BAND_GAP;
    }
    this.svg.setAttribute('viewBox', `0 0 ${width} ${y}`);
    this.svg.setAttribute('height', y);
    const lines = el('g', { svg: true });
    for (const s of g.synapses) {
      const a = pos.get(s.from), b = pos.get(s.to);
      if (!a || !b) continue;
      const mx = (a.x + b.x) / 2;
      lines.append(el('path', { svg: true, class: 'synapse' + (s.inhibitory ? ' inhibitory' : ''),
        d: `M${a.x + RADIUS},${a.y} C${mx},${a.y} ${mx},${b.y} ${b.x - RADIUS},${b.y}`,
        'data-from': s.from, 'data-to': s.to }));
      lines.append(el('text', { svg: true, class: 'weight', x: mx, y: (a.y + b.y) / 2 - 4 }, String(s.weight)));
    }
    const nodes = el('g', { svg: true });
    for (const s of g.sensors) nodes.append(this.sensor(s, pos.get(s.id)));
    for (const n of g.neurons) nodes.append(this.neuron(n, pos.get(n.id)));
    this.svg.replaceChildren(groups, lines, nodes);
  }

  sensor(s, p) {
    const on = s.value !== null && s.value !== undefined && s.value !== 0;
    const node = el('g', { svg: true, class: `sensor ${on ? 'on' : ''} ${s.virtual ? 'virtual' : 'gpio'}`,
      'data-id': s.id, 'data-value': s.value ?? '' },
      el('rect', { svg: true, x: p.x - 40, y: p.y - 16, width: 80, height: 32, rx: 6 }),
      el('text', { svg: true, x: p.x, y: p.y + 5 }, s.id));
    const tip = s.virtual ? `${s.id}: click to set it to ${on ? 0 : 1}` : `${s.id}: GPIO pin ${s.pin} on ${s.node}`;
    node.append(el('title', { svg: true }, tip));
    if (s.virtual) node.addEventListener('click', () => act('/api/sensors/' + s.id, { value: on ? 0 : 1 }));
    return node;
  }

  neuron(n, p) {
    const output = n.output === null || n.output === undefined ? '–' : String(n.output);
    const node = el('g', { svg: true, class: `neuron ${n.output === 1 ? 'on' : ''}`, 'data-id': n.id,
      'data-node': n.node, 'data-output': output },
      el('circle', { svg: true, cx: p.x, cy: p.y, r: RADIUS }),
      el('text', { svg: true, x: p.x, y: p.y + 5 }, n.id),
      el('text', { svg: true, class: 'out', x: p.x, y: p.y + RADIUS + 14 }, 'out ' + output),
      el('title', { svg: true }, `${n.id} on ${n.node}: ${n.mode}, threshold ${n.threshold}`));
    node.addEventListener('click', () => this.inspect(n.id));
    return node;
  }

  onOutput(o) {
    if (this.graph) {
      const known = this.graph.neurons.find(n => n.id === o.neuron);
      if (known) known.output = o.value;
    }
    const node = this.svg.querySelector(`g.neuron[data-id="${CSS.escape(o.neuron)}"]`);
    if (!node) return;
    node.setAttribute('data-output', String(o.value));
    node.classList.toggle('on', o.value === 1);
    node.querySelector('.out').textContent = 'out ' + o.value;
    if (o.value === 1 && !o.retained) {
      node.classList.add('flash');
      setTimeout(() => node.classList.remove('flash'), 400);
    }
  }

  onSensor(s) {
    if (!this.graph) return;
    const known = this.graph.sensors.find(x => x.id === s.sensor);
    if (known) { known.value = s.value; this.render(); }
  }

  onFleet(fleet) {
    const states = fleet.nodes.map(n => n.node + n.state).join();
    if (this.graph && states !== this.states) this.reload();
  }

  async inspect(id) {
    this.panel.hidden = false;
    this.panel.replaceChildren(el('b', {}, id), el('p', {}, 'asking its host…'));
    try {
      const state = await api('/api/neurons/' + encodeURIComponent(id));
      const fire = el('button', { type: 'button' }, 'fire');
      fire.addEventListener('click', () => act(`/api/neurons/${encodeURIComponent(id)}/fire`, {}));
      const close = el('button', { type: 'button' }, 'close');
      close.addEventListener('click', () => { this.panel.hidden = true; });
      this.panel.replaceChildren(el('b', {}, `${id} on ${state.node}`), el('pre', {}, JSON.stringify(state, null, 2)),
        fire, ' ', close);
    } catch (e) {
      this.panel.hidden = true;
      showError(e.message);
    }
  }
}
