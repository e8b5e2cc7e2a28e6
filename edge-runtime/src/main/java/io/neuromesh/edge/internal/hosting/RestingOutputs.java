package io.neuromesh.edge.internal.hosting;

import io.neuromesh.edge.internal.port.NeuronOutbox;
import io.neuromesh.edge.internal.port.Scheduler;
import io.neuromesh.edge.internal.signal.HostedNeuron;
import io.neuromesh.edge.internal.signal.HostedNeurons;
import io.neuromesh.edge.internal.time.EpochClock;

import java.util.ArrayDeque;
import java.util.Queue;

/**
 * The resting 0 of neurons that just came to this node, published after the apply instead of inside it, in slices of
 * {@link #SLICE} per brain task: 100,000 publishes took seconds of an apply of 100,000 neurons (half of it with the
 * broker's and the MQTT client's work on a 2-core machine), while they only tell watchers what the neurons already
 * are. Between two slices the brain handles its other events, inputs included. A neuron is published only if it is
 * still hosted (the same instance) and still at 0 when its turn comes: one whose output changed meanwhile has
 * published that output itself, and a resting 0 published after it would overwrite the retained value with an
 * older one. A neuron that went back to 0 meanwhile gets a second 0, which changes nothing. Brain thread only.
 */
final class RestingOutputs {

    /** Publishes per brain task: some milliseconds of work, so that inputs wait no longer than that. */
    static final int SLICE = 1_000;

    /** @param overwrite publish at the neuron QoS (a stale retained output may exist), else at QoS 0 (none exists) */
    private record Pending(HostedNeuron neuron, boolean overwrite) {
    }

    private final NeuronOutbox outbox;
    private final HostedNeurons hosted;
    private final Scheduler scheduler;
    private final EpochClock clock;
    private final Queue<Pending> pending = new ArrayDeque<>();

    RestingOutputs(NeuronOutbox outbox, HostedNeurons hosted, Scheduler scheduler, EpochClock clock) {
        this.outbox = outbox;
        this.hosted = hosted;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    /**
     * Publishes {@code neuron}'s resting 0 soon, unless its output changes first.
     *
     * @param overwrite true when a retained output of an older topology may exist (it is replaced reliably)
     */
    void add(HostedNeuron neuron, boolean overwrite) {
        if (pending.isEmpty()) {
            scheduler.schedule(this::publishSlice, 0);
        }
        pending.add(new Pending(neuron, overwrite));
    }

    private void publishSlice() {
        long epochMillis = clock.micros() / 1000;
        for (int i = 0; i < SLICE && !pending.isEmpty(); i++) {
            Pending next = pending.poll();
            HostedNeuron h = next.neuron();
            if (hosted.get(h.id()) != h || h.neuron().output() != 0) {
                continue;
            }
            if (next.overwrite()) {
                outbox.output(h.id(), 0, epochMillis);
            } else {
                outbox.restingOutput(h.id(), epochMillis);
            }
        }
        if (!pending.isEmpty()) {
            scheduler.schedule(this::publishSlice, 0);
        }
    }
}
