package io.neuromesh.edge.internal.hosting;

import io.neuromesh.edge.internal.port.NeuronOutbox;
import io.neuromesh.edge.internal.port.Scheduler;
import io.neuromesh.edge.internal.signal.HostedNeuron;
import io.neuromesh.edge.internal.signal.HostedNeurons;
import io.neuromesh.edge.internal.time.EpochClock;
import io.neuromesh.mqtt.Backoff;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The resting 0 of neurons that just came to this node, published after the apply instead of inside it, in slices of
 * {@link #SLICE} per brain task: 100,000 publishes took seconds of an apply of 100,000 neurons (half of it with the
 * broker's and the MQTT client's work on a 2-core machine), while they only tell watchers what the neurons already
 * are. Between two slices the brain handles its other events, inputs included. Each goes at QoS 1 only when the
 * connection takes it at once ({@link NeuronOutbox#tryRestingOutput}): when the broker's window of unacknowledged
 * publishes is full the rest waits ({@link #RETRY}), so that they never queue up ahead of the node's heartbeats (50,000
 * sent at QoS 0 held a status back for seconds, and the peers counted the node offline). A neuron is published only
 * if it is still hosted (the same instance) and still at 0 when its turn comes: one whose output changed meanwhile has
 * published that output itself, and a resting 0 published after it would overwrite the retained value with an older
 * one. A neuron that went back to 0 meanwhile gets a second 0, which changes nothing.
 *
 * <p>After a new topology they wait until the whole fleet runs it ({@link #hold}, {@link #release}), at most
 * {@link #HOLD_LIMIT}: one node's 50,000 resting outputs took the broker's and the machine's time while its peers still
 * applied, and held their results back from the operator by most of a second. Brain thread only.
 */
final class RestingOutputs {

    /** Publishes per brain task: some milliseconds of work, so that inputs wait no longer than that. */
    static final int SLICE = 1_000;
    /**
     * The wait after the connection refused one: first about a round trip of the broker's acknowledgements (2 ms),
     * doubling while it keeps refusing, up to a quarter of a second (a connection that is down refuses for seconds).
     */
    static final Backoff RETRY = Backoff.exponential(Duration.ofMillis(2), Duration.ofMillis(250));
    /** The longest a {@link #hold} lasts: a peer that never runs the topology (it refused it) holds nothing up. */
    static final Duration HOLD_LIMIT = Duration.ofSeconds(5);

    /** How a resting 0 is published. */
    enum Mode {
        /** Retained: no retained output of the neuron is known, or one of an older topology is to be replaced. */
        RETAIN,
        /**
         * Not retained: the read could not tell whether a retained output exists (a wildcard read that ended on
         * quiet), and a retained 0 could replace a real 1 that was missed.
         */
        LIVE
    }

    private record Pending(HostedNeuron neuron, Mode mode) {
    }

    private final NeuronOutbox outbox;
    private final HostedNeurons hosted;
    private final Scheduler scheduler;
    private final EpochClock clock;
    private final Deque<Pending> pending = new ArrayDeque<>();
    /** Refusals in a row; 0 once one was taken. */
    private int refusals;
    /** True while a slice is scheduled: one chain of slices at a time. */
    private boolean scheduled;
    private boolean held;
    /** Counts the holds, so that the limit of one that was released ends no later one. */
    private long holds;

    RestingOutputs(NeuronOutbox outbox, HostedNeurons hosted, Scheduler scheduler, EpochClock clock) {
        this.outbox = outbox;
        this.hosted = hosted;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    /** Publishes {@code neuron}'s resting 0 soon, unless its output changes first. */
    void add(HostedNeuron neuron, Mode mode) {
        pending.add(new Pending(neuron, mode));
        scheduleSlice(0);
    }

    /** A new topology runs here: what is added from now waits for {@link #release}, or {@link #HOLD_LIMIT}. */
    void hold() {
        held = true;
        long hold = ++holds;
        scheduler.schedule(() -> {
            if (hold == holds) {
                release();
            }
        }, HOLD_LIMIT.toNanos() / 1000);
    }

    /** Every online node runs the topology: what waits goes out. */
    void release() {
        held = false;
        scheduleSlice(0);
    }

    /** Schedules the next slice unless one is scheduled, they are held or none waits. */
    private void scheduleSlice(long delayMicros) {
        if (!scheduled && !held && !pending.isEmpty()) {
            scheduled = true;
            scheduler.schedule(this::publishSlice, delayMicros);
        }
    }

    private void publishSlice() {
        scheduled = false;
        if (held) {
            return;
        }
        long epochMillis = clock.micros() / 1000;
        for (int i = 0; i < SLICE && !pending.isEmpty(); i++) {
            Pending next = pending.poll();
            HostedNeuron h = next.neuron();
            if (hosted.get(h.id()) != h || h.neuron().output() != 0) {
                continue;
            }
            if (!outbox.tryRestingOutput(h.id(), epochMillis, next.mode() == Mode.RETAIN)) {
                // Its turn again once the broker has acknowledged some of those before it.
                pending.addFirst(next);
                refusals++;
                scheduleSlice(RETRY.delayBefore(refusals).toNanos() / 1000);
                return;
            }
            refusals = 0;
        }
        scheduleSlice(0);
    }
}
