package io.neuromesh.edge.internal.signal;

import io.neuromesh.edge.internal.port.NeuronOutbox;
import io.neuromesh.edge.internal.port.Scheduler;
import io.neuromesh.edge.internal.stats.Counters;
import io.neuromesh.edge.internal.tick.TickTime;
import io.neuromesh.edge.internal.tick.TickedNetwork;
import io.neuromesh.edge.internal.time.EpochClock;
import io.neuromesh.edge.wire.Input;
import io.neuromesh.edge.wire.InputCodec;
import io.neuromesh.topology.SynapseSpec;
import io.neuromesh.topology.TopologyIndex;
import org.tinylog.Logger;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The signal path of a discrete-time topology ({@code tickMs}): the hosted neurons run in a {@link TickedNetwork},
 * which this class keeps in step with what the node hosts, feeds with the inputs from the inboxes, wakes at its
 * deadlines and drives with a heartbeat once per tick. Inputs from sensors and users get their tick from their source
 * time ({@code ts}; this node's clock when they carry none); inputs from upstream neurons carry theirs. Brain thread
 * only.
 */
final class TickedPath implements TickedNetwork.Sink {

    private static final int LOGGED = 10;

    private final String node;
    private final EpochClock clock;
    private final NeuronOutbox outbox;
    private final Scheduler scheduler;
    private final Counters counters;
    private final HostedNeurons hosted;
    /** The sensor values last published per neuron ({@code neuron/<id>/state}), to publish only changes. */
    private final Map<String, Map<String, Double>> states = new HashMap<>();
    private TopologyIndex index;
    private TickedNetwork network;
    private long seenVersion = -1;
    /** Bumped per topology, so that the timers of an earlier one stop. */
    private long generation;
    private long wakeAt = Long.MAX_VALUE;

    TickedPath(String node, EpochClock clock, NeuronOutbox outbox, Scheduler scheduler, Counters counters,
               HostedNeurons hosted) {
        this.node = node;
        this.clock = clock;
        this.outbox = outbox;
        this.scheduler = scheduler;
        this.counters = counters;
        this.hosted = hosted;
    }

    /** The topology now running; a discrete-time one starts a new network (waves in progress are dropped). */
    void follow(TopologyIndex next) {
        index = next;
        generation++;
        seenVersion = -1;
        wakeAt = Long.MAX_VALUE;
        states.clear();
        network = next.topology().isTicked() ? new TickedNetwork(TickTime.of(next.topology().tick()), this) : null;
        if (network != null) {
            long gen = generation;
            scheduler.schedule(() -> beat(gen), micros(network.time().length().toNanos()));
        }
    }

    /** @return true while the running topology is discrete-time */
    boolean active() {
        return network != null;
    }

    /** A sensor of this node changed at {@code atMicros}: stamped with that time, published and delivered here. */
    void feed(String sensor, double value, long atMicros) {
        long now = clock.micros();
        long sourceMillis = atMicros / 1000;
        byte[] payload = InputCodec.encode(new Input(false, sensor, value, Optional.of(Instant.ofEpochMilli(sourceMillis))));
        long tick = network.time().tickOf(sourceMillis * 1000);
        sync(now);
        for (SynapseSpec synapse : index.outgoing(sensor)) {
            outbox.input(synapse.to(), payload);
            if (hosted.contains(synapse.to())) {
                late(network.input(synapse.to(), sensor, value, tick, sourceMillis * 1000, now), synapse.to(), sensor);
            }
        }
        wake(now);
    }

    /** An input from the inbox of {@code to}, a hosted neuron. */
    void onInput(String to, Input input) {
        long now = clock.micros();
        sync(now);
        counters.inputs.increment();
        if (input.fire()) {
            network.fire(to, now);
        } else if (input.isProgress()) {
            network.progress(to, input.from(), input.tick().getAsLong(), now);
        } else if (input.tick().isPresent()) {
            long tick = input.tick().getAsLong();
            late(network.input(to, input.from(), input.value(), tick, network.time().startMicros(tick), now), to,
                    input.from());
        } else {
            long source = input.sentAt().map(at -> at.toEpochMilli() * 1000).orElse(now);
            late(network.input(to, input.from(), input.value(), network.time().tickOf(source), source, now), to,
                    input.from());
        }
        wake(now);
    }

    private void late(boolean late, String to, String from) {
        if (late) {
            long n = counters.lateInputs.incrementAndGet();
            if (n <= LOGGED || n % 1000 == 0) {
                Logger.warn("node {}: a late input for neuron/{} from {} joined the next tick ({} late so far);"
                        + " it arrived after its tick had completed", node, to, from, n);
            }
        }
    }

    /** Makes the network host exactly the hosted neurons (after hosting changed, checked once per event). */
    private void sync(long now) {
        if (hosted.version() == seenVersion) {
            return;
        }
        seenVersion = hosted.version();
        for (String id : network.hosted()) {
            if (!hosted.contains(id)) {
                network.drop(id);
            }
        }
        for (HostedNeuron h : hosted.all()) {
            var engine = network.engine(h.id());
            if (engine == null || engine.neuron() != h.neuron()) {
                network.host(h.neuron(), index, now);
            }
        }
    }

    /** Runs the network's next deadline when it comes, unless an earlier wake-up is set already. */
    private void wake(long now) {
        long next = network.nextDeadline(now);
        if (next >= wakeAt) {
            return;
        }
        wakeAt = next;
        long gen = generation;
        scheduler.schedule(() -> {
            if (gen == generation && wakeAt == next) {
                wakeAt = Long.MAX_VALUE;
                long at = clock.micros();
                sync(at);
                network.advance(at);
                wake(at);
            }
        }, next - now);
    }

    /** Once per tick: idle neurons tell their downstream neurons how far they got. */
    private void beat(long gen) {
        if (gen != generation) {
            return;
        }
        long now = clock.micros();
        sync(now);
        network.heartbeat(now);
        wake(now);
        scheduler.schedule(() -> beat(gen), micros(network.time().length().toNanos()));
    }

    @Override
    public void output(String neuron, int value, long tick) {
        counters.outputs.increment();
        outbox.output(neuron, value, clock.micros() / 1000, tick);
    }

    @Override
    public void send(String to, String from, long tick, double value) {
        outbox.input(to, InputCodec.encode(Double.isNaN(value) ? Input.progress(from, tick)
                : Input.ticked(from, value, tick)));
    }

    /** Keeps the neuron's sensor values retained once a wave applied new ones, for whichever node hosts it next. */
    @Override
    public void applied(String neuron, long tick) {
        var engine = network.engine(neuron);
        if (engine != null && index.incoming(neuron).stream().anyMatch(s -> index.isSensor(s.from()))) {
            Map<String, Double> sensors = Signal.sensorValues(index, engine.neuron());
            if (!sensors.equals(states.put(neuron, sensors))) {
                outbox.state(neuron, sensors);
            }
        }
    }

    @Override
    public void gaveUp(String neuron, long tick, List<String> upstream) {
        long n = counters.tickTimeouts.addAndGet(upstream.size());
        if (n <= LOGGED || n % 1000 == 0) {
            Logger.warn("node {}: neuron {} completed tick {} without {} (no news within {}; {} so far)", node, neuron,
                    tick, upstream, network.time().timeout(), n);
        }
    }

    private static long micros(long nanos) {
        return nanos / 1000;
    }
}
