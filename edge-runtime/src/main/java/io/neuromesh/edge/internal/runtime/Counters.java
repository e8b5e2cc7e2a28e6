package io.neuromesh.edge.internal.runtime;

import io.neuromesh.edge.RuntimeStats;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** The runtime's counters; written on the brain thread (and the inbox for drops), read from anywhere. */
final class Counters {
    final LongAdder inputs = new LongAdder();
    final AtomicLong malformed = new AtomicLong();
    final LongAdder unknownNeuron = new LongAdder();
    final LongAdder fires = new LongAdder();
    final LongAdder outputs = new LongAdder();
    final AtomicLong dropped = new AtomicLong();
    final LongAdder topologyApplied = new LongAdder();
    final LongAdder topologyRejected = new LongAdder();

    RuntimeStats snapshot() {
        return new RuntimeStats(inputs.sum(), malformed.get(), unknownNeuron.sum(), fires.sum(), outputs.sum(),
                dropped.get(), topologyApplied.sum(), topologyRejected.sum());
    }
}
