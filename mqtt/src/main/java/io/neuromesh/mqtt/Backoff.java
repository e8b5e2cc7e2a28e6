package io.neuromesh.mqtt;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff: the first retry waits {@code initial}, each further one {@code multiplier} times longer, never
 * more than {@code max}; then {@code jitter} spreads the delay by up to that fraction either way, so that many
 * clients losing the same broker do not all come back in the same millisecond. Immutable and thread-safe; validated
 * on construction.
 *
 * <p>Used by {@link MqttLink}'s reconnect ({@link LinkConfig#reconnect()}) and by the task retries of flow workers.
 *
 * @param initial    delay before the first retry; positive
 * @param max        longest delay before jitter; at least {@code initial}
 * @param multiplier growth per retry; a finite number, at least 1 (1 retries at a fixed interval)
 * @param jitter     fraction by which a delay may be shortened or lengthened at random, 0 (none) up to but not
 *                   including 1; a jittered delay may exceed {@code max} by this fraction
 * @since 0.1
 */
public record Backoff(Duration initial, Duration max, double multiplier, double jitter) {

    /** Growth of {@link #exponential(Duration, Duration)}: each delay twice the one before. */
    public static final double DOUBLING = 2.0;

    public Backoff {
        if (initial == null || initial.isNegative() || initial.isZero()) {
            throw new IllegalArgumentException("initial: must be a positive duration, got " + initial);
        }
        if (max == null || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("max: must be >= initial (" + initial + "), got " + max);
        }
        if (!Double.isFinite(multiplier) || multiplier < 1) {
            throw new IllegalArgumentException("multiplier: must be a finite number >= 1, got " + multiplier);
        }
        if (!(jitter >= 0 && jitter < 1)) {
            throw new IllegalArgumentException("jitter: must be >= 0 and < 1, got " + jitter);
        }
    }

    /**
     * A doubling backoff without jitter.
     *
     * @param initial delay before the first retry
     * @param max     longest delay
     * @return the backoff
     * @throws IllegalArgumentException when a bound is not positive or {@code max < initial}
     */
    public static Backoff exponential(Duration initial, Duration max) {
        return new Backoff(initial, max, DOUBLING, 0);
    }

    /**
     * What a builder that takes either a whole backoff or only its bounds builds with: {@code base} when neither bound
     * is given, else {@code base} with these bounds, its multiplier and jitter kept.
     *
     * @param base    the whole backoff given, or the default
     * @param initial the first delay given, or null
     * @param max     the longest delay given, or null
     * @param setting the builder's name for the backoff, e.g. {@code reconnect}, which error messages start with
     * @return the backoff
     * @throws IllegalArgumentException naming the setting and the bound, e.g. {@code reconnect.max: must be >= ...}
     */
    public static Backoff bounded(Backoff base, Duration initial, Duration max, String setting) {
        if (initial == null && max == null) {
            return base;
        }
        try {
            return new Backoff(initial, max, base.multiplier(), base.jitter());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(setting + "." + e.getMessage(), e);
        }
    }

    /**
     * This backoff with another jitter.
     *
     * @param jitter fraction, {@code 0 <= jitter < 1}
     * @return a new backoff
     */
    public Backoff withJitter(double jitter) {
        return new Backoff(initial, max, multiplier, jitter);
    }

    /**
     * The delay before retry number {@code retry}, without jitter: {@code initial * multiplier^(retry-1)}, capped at
     * {@code max}.
     *
     * @param retry 1 for the first retry
     * @return the delay
     * @throws IllegalArgumentException when {@code retry < 1}
     */
    public Duration delayBefore(int retry) {
        if (retry < 1) {
            throw new IllegalArgumentException("retry: must be >= 1, got " + retry);
        }
        double nanos = initial.toNanos() * Math.pow(multiplier, retry - 1);
        long cap = max.toNanos();
        // Also catches overflow to infinity: a long retry series ends at max, never at a wrapped-around value.
        return nanos >= cap ? max : Duration.ofNanos((long) nanos);
    }

    /**
     * The delay before retry number {@code retry} with jitter drawn from {@code random}.
     *
     * @param retry  1 for the first retry
     * @param random source of the jitter
     * @return the delay, within {@code delayBefore(retry) * (1 ± jitter)}, never zero
     */
    public Duration delayBefore(int retry, RandomGenerator random) {
        Duration plain = delayBefore(retry);
        if (jitter == 0) {
            return plain;
        }
        double factor = 1 + jitter * (2 * random.nextDouble() - 1);
        return Duration.ofNanos(Math.max(1, (long) (plain.toNanos() * factor)));
    }
}
