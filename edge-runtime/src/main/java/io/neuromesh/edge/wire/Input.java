package io.neuromesh.edge.wire;

import io.neuromesh.topology.Ids;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A message on {@code neuron/<id>} ({@link InputCodec}): a weighted input from a source, or the command to fire now.
 *
 * @param fire   true for the fire command ({@code {"fire":true}} or the plain text {@code fire})
 * @param from   the source (an upstream neuron or a sensor); null for the fire command
 * @param value  the input value, finite; 1 for the fire command
 * @param sentAt when the sender sent it, if it said so
 * @since 0.1
 */
public record Input(boolean fire, String from, double value, Optional<Instant> sentAt) {

    private static final Input FIRE = new Input(true, null, 1, Optional.empty());

    public Input {
        Objects.requireNonNull(sentAt, "ts: must not be null; use Optional.empty()");
        if (fire) {
            if (from != null || value != 1 || sentAt.isPresent()) {
                throw new IllegalArgumentException("fire: cannot be combined with from, value or ts");
            }
        } else {
            Ids.require("from", from);
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("value: must be a finite number, got " + value);
            }
        }
    }

    /** The fire command. */
    public static Input fireCommand() {
        return FIRE;
    }

    /** A weighted input from {@code from}, without a send time. */
    public static Input of(String from, double value) {
        return new Input(false, from, value, Optional.empty());
    }
}
