package io.neuromesh.edge.internal.stats;

import io.neuromesh.edge.HopListener;
import io.neuromesh.edge.RuntimeStats;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** The runtime's counters; written on the brain thread (and the inbox for drops), read from anywhere. */
public final class Counters {
    public final LongAdder inputs = new LongAdder();
    public final AtomicLong malformed = new AtomicLong();
    public final LongAdder unknownNeuron = new LongAdder();
    public final LongAdder elsewhere = new LongAdder();
    public final LongAdder fires = new LongAdder();
    public final LongAdder outputs = new LongAdder();
    public final AtomicLong dropped = new AtomicLong();
    public final LongAdder topologyApplied = new LongAdder();
    public final LongAdder topologyRejected = new LongAdder();
    /** Events and tasks of the brain whose handling threw (logged with their stack). */
    public final LongAdder failures = new LongAdder();
    /** Discrete time: inputs that arrived for a tick their neuron had completed (they joined the next tick). */
    public final AtomicLong lateInputs = new AtomicLong();
    /** Discrete time: ticks completed without an upstream neuron that had not reported them in time. */
    public final AtomicLong tickTimeouts = new AtomicLong();
    /** Told each hop's latency on the brain thread; set from any thread. */
    public volatile HopListener hops = HopListener.NONE;

    /**
     * Counts an input for a neuron not hosted here: as {@link #elsewhere} when {@code neuronOfTheTopology} (a peer
     * hosts it, or it just moved), else as {@link #unknownNeuron} (no neuron has that id).
     */
    public void notHosted(boolean neuronOfTheTopology) {
        (neuronOfTheTopology ? elsewhere : unknownNeuron).increment();
    }

    public RuntimeStats snapshot() {
        return new RuntimeStats(inputs.sum(), malformed.get(), unknownNeuron.sum(), elsewhere.sum(), fires.sum(),
                outputs.sum(), dropped.get(), topologyApplied.sum(), topologyRejected.sum(), failures.sum());
    }
}
