package io.neuromesh.edge.internal.tick;

import java.time.Duration;

/**
 * The time grid of a discrete-time topology: tick {@code k} holds the source times {@code [k * length, (k+1) *
 * length)} (epoch based, so every node computes the same tick for the same time). A clock-driven source (a sensor)
 * has completed tick {@code k} once the receiving node's clock passed the tick's end plus {@code grace}; an input
 * that arrives later is late. A neuron source that has not reported tick {@code k} by its end plus {@code timeout}
 * is given up on (the tick completes without it). Immutable.
 *
 * @param length  the tick ({@code tickMs}), positive
 * @param grace   how long after a tick ends a sensor input for it is still on time: transit plus clock skew
 * @param timeout how long after a tick ends a neuron waits for a silent upstream neuron
 */
public record TickTime(Duration length, Duration grace, Duration timeout) {

    /** The shortest wait for a silent upstream neuron, whatever the tick. */
    public static final Duration MIN_TIMEOUT = Duration.ofSeconds(1);
    /** The wait for a silent upstream neuron, in ticks, when that is longer than {@link #MIN_TIMEOUT}. */
    public static final int TIMEOUT_TICKS = 10;

    public TickTime {
        if (length == null || length.toNanos() < 1000) {
            throw new IllegalArgumentException("length: must be at least one microsecond, got " + length);
        }
        if (grace == null || grace.isNegative() || timeout == null || timeout.compareTo(grace) <= 0) {
            throw new IllegalArgumentException("grace, timeout: need 0 <= grace < timeout, got " + grace + ", " + timeout);
        }
    }

    /** The documented settings for a tick: one tick of grace, a timeout of 10 ticks but at least one second. */
    public static TickTime of(Duration length) {
        Duration ticks = length.multipliedBy(TIMEOUT_TICKS);
        return new TickTime(length, length, ticks.compareTo(MIN_TIMEOUT) > 0 ? ticks : MIN_TIMEOUT);
    }

    /** @return the tick that holds {@code epochMicros} */
    public long tickOf(long epochMicros) {
        return Math.floorDiv(epochMicros, micros(length));
    }

    /** @return when tick {@code tick} starts (epoch microseconds): the time its wave is evaluated at */
    public long startMicros(long tick) {
        return tick * micros(length);
    }

    /** @return when a clock-driven source has completed {@code tick} (epoch microseconds) */
    public long closesAt(long tick) {
        return startMicros(tick + 1) + micros(grace);
    }

    /** @return when a neuron stops waiting for an upstream neuron that has not reported {@code tick} */
    public long timeoutAt(long tick) {
        return startMicros(tick + 1) + micros(timeout);
    }

    /** @return the last tick every clock-driven source has completed at {@code nowMicros} */
    public long lastClosed(long nowMicros) {
        return Math.floorDiv(nowMicros - micros(grace), micros(length)) - 1;
    }

    /** @return the first tick that starts at or after {@code epochMicros} (where a timer due then takes effect) */
    public long firstTickFrom(long epochMicros) {
        return -Math.floorDiv(-epochMicros, micros(length));
    }

    private static long micros(Duration d) {
        return d.toNanos() / 1000;
    }
}
