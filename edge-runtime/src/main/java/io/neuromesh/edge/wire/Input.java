package io.neuromesh.edge.wire;

import io.neuromesh.topology.Ids;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A message on {@code neuron/<id>} ({@link InputCodec}): a weighted input from a source, or the command to fire now.
 *
 * @param fire   true for the fire command ({@code {"fire":true}} or the plain text {@code fire})
 * @param from   the source (an upstream neuron or a sensor); null for the fire command
 * @param value  the input value, finite; 1 for the fire command
 * @param sentAt when the sender sent it, if it said so; in a discrete-time topology, when the value changed at
 *               its source (a sensor's node, or the user's {@code ts}): it decides the input's tick
 * @param tick   in a discrete-time topology, the tick of an upstream neuron's value (epoch time / {@code tickMs},
 *               rounded down); absent in inputs from sensors and users
 * @since 0.1
 */
public record Input(boolean fire, String from, double value, Optional<Instant> sentAt, OptionalLong tick) {

    private static final Input FIRE = new Input(true, null, 1, Optional.empty(), OptionalLong.empty());

    /**
     * @throws IllegalArgumentException for a fire command with a source, value, time or tick; a bad source id; a
     *                                  value that is not finite (NaN only in a {@link #isProgress() progress note})
     */
    public Input {
        Objects.requireNonNull(sentAt, "ts: must not be null; use Optional.empty()");
        Objects.requireNonNull(tick, "tick: must not be null; use OptionalLong.empty()");
        if (fire) {
            if (from != null || value != 1 || sentAt.isPresent() || tick.isPresent()) {
                throw new IllegalArgumentException("fire: cannot be combined with from, value, ts or tick");
            }
        } else {
            Ids.require("from", from);
            if (!Double.isFinite(value) && !(Double.isNaN(value) && tick.isPresent())) {
                throw new IllegalArgumentException("value: must be a finite number, got " + value);
            }
            if (tick.isPresent() && tick.getAsLong() < 0) {
                throw new IllegalArgumentException("tick: must be >= 0, got " + tick.getAsLong());
            }
        }
    }

    /** An input without a tick, as in a topology without {@code tickMs}. */
    public Input(boolean fire, String from, double value, Optional<Instant> sentAt) {
        this(fire, from, value, sentAt, OptionalLong.empty());
    }

    /** A discrete-time upstream neuron's new value in {@code tick}. */
    public static Input ticked(String from, double value, long tick) {
        return new Input(false, from, value, Optional.empty(), OptionalLong.of(tick));
    }

    /** A discrete-time upstream neuron's progress note: it completed every tick up to {@code tick}, no new value. */
    public static Input progress(String from, long tick) {
        return new Input(false, from, Double.NaN, Optional.empty(), OptionalLong.of(tick));
    }

    /** @return true for a progress note ({@code {"from":"<id>","tick":N}}: no value) */
    public boolean isProgress() {
        return Double.isNaN(value);
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
