package io.neuromesh.edge.wire;

import io.neuromesh.topology.Ids;

import java.time.Instant;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A neuron's output, retained on {@code neuron/<id>/output} by the neuron's host ({@link OutputCodec}).
 *
 * @param value     0 or 1
 * @param timestamp when the host published it
 * @param node      the host
 * @param tick      in a discrete-time topology, the tick whose settled value this is
 * @since 0.1
 */
public record Output(int value, Instant timestamp, String node, OptionalLong tick) {

    /** An output of a topology without {@code tickMs}. */
    public Output(int value, Instant timestamp, String node) {
        this(value, timestamp, node, OptionalLong.empty());
    }

    public Output {
        if (value != 0 && value != 1) {
            throw new IllegalArgumentException("value: must be 0 or 1, got " + value);
        }
        Objects.requireNonNull(timestamp, "ts: must not be null");
        Ids.require("node", node);
        Objects.requireNonNull(tick, "tick: must not be null; use OptionalLong.empty()");
    }
}
