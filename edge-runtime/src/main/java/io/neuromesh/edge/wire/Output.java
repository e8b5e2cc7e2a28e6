package io.neuromesh.edge.wire;

import io.neuromesh.topology.Ids;

import java.time.Instant;
import java.util.Objects;

/**
 * A neuron's output, retained on {@code neuron/<id>/output} by the neuron's host ({@link OutputCodec}).
 *
 * @param value     0 or 1
 * @param timestamp when the host published it
 * @param node      the host
 * @since 0.1
 */
public record Output(int value, Instant timestamp, String node) {

    public Output {
        if (value != 0 && value != 1) {
            throw new IllegalArgumentException("value: must be 0 or 1, got " + value);
        }
        Objects.requireNonNull(timestamp, "ts: must not be null");
        Ids.require("node", node);
    }
}
