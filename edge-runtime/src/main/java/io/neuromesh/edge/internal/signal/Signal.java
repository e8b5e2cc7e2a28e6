package io.neuromesh.edge.internal.signal;

import io.neuromesh.edge.internal.neuron.EventKind;
import io.neuromesh.edge.internal.neuron.Neuron;
import io.neuromesh.edge.internal.port.NeuronOutbox;
import io.neuromesh.edge.internal.port.PinControl;
import io.neuromesh.edge.internal.port.Scheduler;
import io.neuromesh.edge.internal.stats.Counters;
import io.neuromesh.edge.internal.time.EpochClock;
import io.neuromesh.edge.wire.Input;
import io.neuromesh.edge.wire.InputCodec;
import io.neuromesh.edge.wire.WireFormatException;
import io.neuromesh.topology.SynapseSpec;
import io.neuromesh.topology.TopologyIndex;
import org.tinylog.Logger;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The signal path: evaluates hosted neurons and routes what they send. An input to a neuron hosted here is delivered
 * in-process (the local fast path) and still published for observers; the runtime's no-local subscriptions keep the
 * broker from echoing it back. A discrete-time topology ({@code tickMs}) takes the {@link TickedPath} instead. Runs
 * under the brain's turn only: on the brain thread, or (eager topologies only) on the thread an input arrived on while
 * the brain was idle, see {@link io.neuromesh.edge.internal.brain.BrainLoop#offer}.
 */
public final class Signal {

    private static final int LOGGED_MALFORMED = 10;

    private final String node;
    private final EpochClock clock;
    private final NeuronOutbox outbox;
    private final Scheduler scheduler;
    private final Counters counters;
    private final HostedNeurons hosted;
    private final TickedPath ticked;
    private TopologyIndex index;
    /** When the input being handled arrived ({@link System#nanoTime()}); 0 outside an input from an inbox. */
    private long receivedNanos;

    public Signal(String node, EpochClock clock, NeuronOutbox outbox, Scheduler scheduler, Counters counters,
                  HostedNeurons hosted) {
        this.node = node;
        this.clock = clock;
        this.outbox = outbox;
        this.scheduler = scheduler;
        this.counters = counters;
        this.hosted = hosted;
        this.ticked = new TickedPath(node, clock, outbox, scheduler, counters, hosted);
    }

    /** The topology now running: which sources are sensors, and who feeds whom. */
    public void follow(TopologyIndex index) {
        this.index = index;
        ticked.follow(index);
    }

    /** @return true while the running topology is discrete-time: its inputs are handled on the brain thread only */
    public boolean ticked() {
        return ticked.active();
    }

    /** A GPIO sensor of this node has a value now (its first reading when a topology opens its pin). */
    public void sensorChanged(PinControl.Reading reading) {
        sensorChanged(reading, clock.micros());
    }

    /**
     * A GPIO sensor of this node changed at {@code atMicros} (epoch microseconds): its value goes to every neuron it
     * feeds, like any other input; a discrete-time topology stamps it with that time.
     */
    public void sensorChanged(PinControl.Reading reading, long atMicros) {
        feed(reading.sensor().id(), reading.value(), atMicros);
    }

    /**
     * A sensor's new value goes to every neuron it feeds: published on their input topics, and delivered in-process
     * to those hosted here (the no-local subscriptions would not echo it back).
     */
    public void feed(String sensor, double value) {
        feed(sensor, value, clock.micros());
    }

    private void feed(String sensor, double value, long atMicros) {
        if (index == null) {
            return;
        }
        if (ticked.active()) {
            ticked.feed(sensor, value, atMicros);
            return;
        }
        byte[] payload = InputCodec.encode(Input.of(sensor, value));
        long now = clock.micros();
        for (SynapseSpec synapse : index.outgoing(sensor)) {
            outbox.input(synapse.to(), payload);
            HostedNeuron local = hosted.get(synapse.to());
            if (local != null) {
                deliver(local, sensor, value, now);
            }
        }
    }

    /** A payload from a neuron's inbox, which arrived at {@code arrivedNanos}; a changed output records a hop. */
    public void onPayload(String neuronId, byte[] payload, long arrivedNanos) {
        receivedNanos = arrivedNanos;
        try {
            handle(neuronId, payload);
        } finally {
            receivedNanos = 0;
        }
    }

    private void handle(String neuronId, byte[] payload) {
        HostedNeuron h = hosted.get(neuronId);
        if (h == null) {
            counters.notHosted(index != null && index.isNeuron(neuronId));
            return;
        }
        Input input;
        long now = clock.micros();
        try {
            input = InputCodec.decode(payload);
        } catch (WireFormatException e) {
            long n = counters.malformed.incrementAndGet();
            if (n <= LOGGED_MALFORMED || n % 1000 == 0) {
                Logger.warn("node {}: bad input on neuron/{} dropped ({} so far): {}", node, neuronId, n, e.getMessage());
            }
            // Also in the neuron's own log, so that `neuromesh logs` shows it; rate-limited there.
            h.neuron().log().addLimited(now, EventKind.REJECTED, e.getMessage(), h.neuron().lastSum());
            return;
        }
        if (Logger.isDebugEnabled()) {
            Logger.debug("node {}: neuron/{} <- {}", node, neuronId, input);
        }
        if (ticked.active()) {
            ticked.onInput(neuronId, input);
        } else if (input.fire()) {
            emit(h, h.neuron().forceFire(now), now);
        } else if (input.isProgress()) {
            Logger.debug("node {}: a progress note on neuron/{} ignored (the topology has no ticks)", node, neuronId);
        } else {
            deliver(h, input.from(), input.value(), now);
        }
    }

    private void deliver(HostedNeuron h, String from, double value, long now) {
        counters.inputs.increment();
        boolean fromSensor = index.isSensor(from);
        double before = fromSensor ? h.neuron().inputValue(from) : 0;
        emit(h, h.neuron().onInput(from, value, now), now);
        if (fromSensor && Double.compare(before, value) != 0) {
            publishState(h);
        }
    }

    /** Keeps the neuron's sensor values retained, for whichever node hosts it next. */
    public void publishState(HostedNeuron h) {
        outbox.state(h.id(), sensorValues(index, h.neuron()));
    }

    /** @return the last value of each sensor that feeds {@code neuron} (none for a sensor not heard from yet) */
    static Map<String, Double> sensorValues(TopologyIndex index, Neuron neuron) {
        Map<String, Double> sensors = new LinkedHashMap<>();
        for (SynapseSpec synapse : index.incoming(neuron.id())) {
            double value = neuron.inputValue(synapse.from());
            if (index.isSensor(synapse.from()) && !Double.isNaN(value)) {
                sensors.put(synapse.from(), value);
            }
        }
        return sensors;
    }

    /** Publishes what an outcome requires and delivers local inputs in-process. */
    public void emit(HostedNeuron h, Neuron.Outcome outcome, long now) {
        if (outcome == Neuron.Outcome.NONE) {
            return;
        }
        Neuron neuron = h.neuron();
        int output = neuron.output();
        counters.outputs.increment();
        outbox.output(neuron.id(), output, now / 1000);
        if (receivedNanos != 0) {
            counters.hops.hop(System.nanoTime() - receivedNanos);
        }
        if (outcome == Neuron.Outcome.RESTED) {
            return;
        }
        if (outcome == Neuron.Outcome.FIRED) {
            counters.fires.increment();
            scheduleTick(h);
        }
        byte[] payload = h.payload(output);
        for (String target : h.downstream()) {
            outbox.input(target, payload);
            if (hosted.contains(target)) {
                String from = neuron.id();
                scheduler.schedule(() -> deliverLocal(target, from, output), 0);
            }
        }
    }

    private void deliverLocal(String target, String from, double value) {
        HostedNeuron h = hosted.get(target);
        if (h != null) {
            deliver(h, from, value, clock.micros());
        }
    }

    private void scheduleTick(HostedNeuron h) {
        long deadline = h.neuron().deadline();
        if (deadline == Long.MAX_VALUE || h.tickScheduled) {
            return;
        }
        h.tickScheduled = true;
        scheduler.schedule(() -> tick(h), deadline - clock.micros());
    }

    private void tick(HostedNeuron h) {
        h.tickScheduled = false;
        if (hosted.get(h.id()) != h) {
            return;
        }
        long now = clock.micros();
        Neuron.Outcome outcome = h.neuron().tick(now);
        if (outcome == Neuron.Outcome.NONE) {
            scheduleTick(h);
        } else {
            emit(h, outcome, now);
        }
    }
}
