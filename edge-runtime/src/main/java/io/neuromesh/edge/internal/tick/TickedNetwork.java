package io.neuromesh.edge.internal.tick;

import io.neuromesh.edge.internal.neuron.Neuron;
import io.neuromesh.topology.NeuronMode;
import io.neuromesh.topology.SynapseSpec;
import io.neuromesh.topology.TopologyIndex;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The neurons of a discrete-time topology that one process runs (a runtime's hosted neurons, or all of them in a
 * replay), and the routing between them. A neuron that completes a tick in which it had inputs tells each downstream
 * neuron exactly once about it: its new value for that tick, or a progress note that it did not change. A
 * {@link #heartbeat} tells them how far idle neurons got. Neurons hosted here get both in-process; values also go to
 * the {@link Sink} for every downstream neuron (observers see them on the broker), notes only for those hosted
 * elsewhere. Pure logic with a controllable clock; not thread-safe (the runtime's brain thread, or the replay).
 */
public final class TickedNetwork {

    /** Where the network's effects go. */
    public interface Sink {
        /** {@code neuron}'s output changed (or it fired) in {@code tick}; {@code value} is the settled output. */
        void output(String neuron, int value, long tick);

        /** An input to {@code to}: {@code from}'s value in {@code tick}, or (value NaN) its progress up to it. */
        void send(String to, String from, long tick, double value);

        /** {@code neuron} applied the inputs of {@code tick} (a wave), whether its output changed or not. */
        void applied(String neuron, long tick);

        /** {@code neuron} completed {@code tick} without these upstream neurons, which had not reported it. */
        void gaveUp(String neuron, long tick, List<String> upstream);
    }

    /** A hosted neuron, its downstream neurons, and the last tick it told them about. */
    private static final class Member {
        final TickedNeuron engine;
        final List<String> downstream;
        long announced;

        Member(TickedNeuron engine, List<String> downstream) {
            this.engine = engine;
            this.downstream = List.copyOf(downstream);
            this.announced = engine.completed();
        }
    }

    private final TickTime time;
    private final Sink sink;
    private final Map<String, Member> members = new TreeMap<>();

    public TickedNetwork(TickTime time, Sink sink) {
        this.time = time;
        this.sink = sink;
    }

    public TickTime time() {
        return time;
    }

    /**
     * Runs {@code neuron} here from {@code nowMicros} on (replacing one of the same id).
     *
     * @param neuronSources its upstream neurons
     * @param sensorSources whether sensors feed it too
     * @param downstream    the neurons it feeds
     */
    public void host(Neuron neuron, Collection<String> neuronSources, boolean sensorSources, List<String> downstream,
                     long nowMicros) {
        members.put(neuron.id(), new Member(new TickedNeuron(neuron, time, neuronSources, sensorSources, nowMicros),
                downstream));
    }

    /** Runs {@code neuron} here from {@code nowMicros} on, wired as {@code index} says. */
    public void host(Neuron neuron, TopologyIndex index, long nowMicros) {
        List<String> upstream = new ArrayList<>();
        boolean sensors = false;
        for (SynapseSpec synapse : index.incoming(neuron.id())) {
            if (index.isSensor(synapse.from())) {
                sensors = true;
            } else {
                upstream.add(synapse.from());
            }
        }
        host(neuron, upstream, sensors, index.outgoing(neuron.id()).stream().map(SynapseSpec::to).toList(), nowMicros);
    }

    /** Stops running {@code neuron} here. */
    public void drop(String neuron) {
        members.remove(neuron);
    }

    /** @return the ids of the neurons hosted here */
    public Set<String> hosted() {
        return Set.copyOf(members.keySet());
    }

    /** @return the engine of a neuron hosted here, or null */
    public TickedNeuron engine(String neuron) {
        Member member = members.get(neuron);
        return member == null ? null : member.engine;
    }

    /**
     * A value for a hosted neuron from a sensor or an upstream neuron, then every tick that can complete does.
     *
     * @return true when it was late (see {@link TickedNeuron#input}); false also when {@code to} is not hosted here
     */
    public boolean input(String to, String from, double value, long tick, long sourceMicros, long nowMicros) {
        Member member = members.get(to);
        boolean late = member != null && member.engine.input(from, value, tick, sourceMicros);
        advance(nowMicros);
        return late;
    }

    /** A progress note for a hosted neuron from an upstream neuron, then every tick that can complete does. */
    public void progress(String to, String from, long tick, long nowMicros) {
        Member member = members.get(to);
        if (member != null) {
            member.engine.progress(from, tick);
            advance(nowMicros);
        }
    }

    /** The {@code fire} command for a hosted neuron. */
    public void fire(String to, long nowMicros) {
        Member member = members.get(to);
        if (member != null) {
            member.engine.fire(nowMicros);
            advance(nowMicros);
        }
    }

    /**
     * Completes every tick that can complete at {@code nowMicros}, until nothing more can. A neuron fed only by
     * neurons that got further on their notes passes the news on at once: its downstream neurons may be waiting for
     * it, and no heartbeat would come sooner (only activity drives such a neuron's progress, so this is no chatter).
     */
    public void advance(long nowMicros) {
        boolean moved = true;
        while (moved) {
            moved = false;
            for (Map.Entry<String, Member> entry : members.entrySet()) {
                Member member = entry.getValue();
                for (TickedNeuron.Settled settled : member.engine.advance(nowMicros)) {
                    route(entry.getKey(), member, settled);
                    moved = true;
                }
                if (!member.engine.isClockDriven()) {
                    long progress = member.engine.progress(nowMicros);
                    if (progress > member.announced) {
                        tell(entry.getKey(), member, progress, Double.NaN);
                        moved = true;
                    }
                }
            }
        }
    }

    private void route(String id, Member member, TickedNeuron.Settled settled) {
        if (!settled.gaveUpOn().isEmpty()) {
            sink.gaveUp(id, settled.tick(), settled.gaveUpOn());
        }
        if (settled.hadInputs()) {
            sink.applied(id, settled.tick());
        }
        if (settled.changed() || settled.fired()) {
            sink.output(id, settled.output(), settled.tick());
        }
        boolean value = member.engine.neuron().mode() == NeuronMode.LEVEL ? settled.changed() : settled.fired();
        if (value || settled.hadInputs()) {
            tell(id, member, settled.tick(), value ? settled.output() : Double.NaN);
        }
    }

    /** Tells every downstream neuron about {@code tick}: a value (also to the sink), or NaN for progress. */
    private void tell(String id, Member member, long tick, double value) {
        member.announced = Math.max(member.announced, tick);
        for (String target : member.downstream) {
            Member local = members.get(target);
            if (local == null || !Double.isNaN(value)) {
                sink.send(target, id, tick, value);
            }
            if (local != null && Double.isNaN(value)) {
                local.engine.progress(id, tick);
            } else if (local != null) {
                local.engine.input(id, value, tick, time.startMicros(tick));
            }
        }
    }

    /**
     * The idle neurons' heartbeat: each hosted neuron that got further than it last told its downstream neurons
     * sends them a progress note. Call it about once per tick.
     */
    public void heartbeat(long nowMicros) {
        advance(nowMicros);
        for (Map.Entry<String, Member> entry : members.entrySet()) {
            Member member = entry.getValue();
            long progress = member.engine.progress(nowMicros);
            if (progress > member.announced) {
                tell(entry.getKey(), member, progress, Double.NaN);
            }
        }
        advance(nowMicros);
    }

    /** @return when {@link #advance} may next complete a tick without any news (epoch microseconds), or MAX_VALUE */
    public long nextDeadline(long nowMicros) {
        long next = Long.MAX_VALUE;
        for (Member member : members.values()) {
            next = Math.min(next, member.engine.nextDeadline(nowMicros));
        }
        return next;
    }
}
