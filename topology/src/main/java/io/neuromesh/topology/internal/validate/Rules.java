package io.neuromesh.topology.internal.validate;

import io.neuromesh.topology.Ids;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.ObjIntConsumer;

/**
 * The field rules of the topology, each implemented once and used by both the JSON parser (which adds the path)
 * and the record constructors (which throw). Every method returns what is wrong, phrased to follow
 * {@code "<field>: "}, or null when the value is valid.
 */
public final class Rules {

    /** Largest revision: the largest integer a JSON number keeps exactly in every common parser (2^53-1). */
    public static final long MAX_REV = (1L << 53) - 1;
    /** Longest topology name, in characters. */
    public static final int MAX_NAME_LENGTH = 128;
    /** Lowest BCM pin number on the 40-pin header. */
    public static final int MIN_PIN = 0;
    /** Highest BCM pin number on the 40-pin header. */
    public static final int MAX_PIN = 27;
    /** Longest time setting (input window, refractory period, debounce): 24 hours, in milliseconds. */
    public static final long MAX_MILLIS = 86_400_000L;
    /** Longest tick of a discrete-time topology ({@code tickMs}): one minute, in milliseconds. */
    public static final long MAX_TICK_MILLIS = 60_000L;
    // As constants: every neuron's two time settings are checked, 200,000 checks for 100,000 neurons.
    private static final Duration MAX_DURATION = Duration.ofMillis(MAX_MILLIS);
    private static final Duration MAX_TICK = Duration.ofMillis(MAX_TICK_MILLIS);
    /** Highest PWM frequency, in hertz. */
    public static final int MAX_FREQUENCY_HZ = 100_000;

    /** {@code rev}: 1 to 2^53-1. */
    public static final IntRule REV = range(1, MAX_REV);
    /** Time settings in milliseconds: 0 to 24 hours. */
    public static final IntRule MILLIS = range(0, MAX_MILLIS);
    /** {@code tickMs}: 0 (no ticks, every input evaluated at once) to one minute. */
    public static final IntRule TICK_MILLIS = (value, shown) -> value >= 0 && value <= MAX_TICK_MILLIS ? null
            : "must be an integer from 0 to " + MAX_TICK_MILLIS + " (milliseconds per tick; 0 or absent: no ticks), got "
            + shown;
    /** {@code capacity} of a node: at least one neuron. */
    public static final IntRule CAPACITY = range(1, Integer.MAX_VALUE);
    /** {@code frequencyHz} of a PWM actuator. */
    public static final IntRule FREQUENCY_HZ = range(1, MAX_FREQUENCY_HZ);
    /** A BCM pin of the 40-pin header. */
    public static final IntRule PIN = (value, shown) -> value >= MIN_PIN && value <= MAX_PIN ? null
            : shown + " is outside the header's BCM range " + MIN_PIN + "-" + MAX_PIN;
    /** Thresholds, weights and sensor values. */
    public static final NumberRule FINITE = (value, shown) -> Double.isFinite(value) ? null
            : "must be a finite number, got " + shown;
    /** {@code dutyPercent} of a PWM actuator. */
    public static final NumberRule DUTY_PERCENT = (value, shown) -> Double.isFinite(value) && value >= 0 && value <= 100
            ? null : "must be a number from 0 to 100, got " + shown;

    private Rules() {
    }

    /** @return a rule accepting integers from {@code min} to {@code max} inclusive */
    public static IntRule range(long min, long max) {
        return (value, shown) -> value >= min && value <= max ? null
                : "must be an integer from " + min + " to " + max + ", got " + shown;
    }

    /** Checks the optional topology {@code name} (not null here). */
    public static String name(String name) {
        return name.isEmpty() || name.length() > MAX_NAME_LENGTH
                ? "must be 1-" + MAX_NAME_LENGTH + " characters, got " + name.length() : null;
    }

    /** Checks a time setting held as a {@link Duration}: whole milliseconds from 0 to 24 hours. */
    public static String duration(Duration value) {
        if (value == null) {
            return "must not be null";
        }
        boolean wholeMillis = value.getNano() % 1_000_000 == 0;
        if (value.isNegative() || value.compareTo(MAX_DURATION) > 0 || !wholeMillis) {
            return "must be a whole number of milliseconds from 0 to " + MAX_MILLIS + " ms, got " + value;
        }
        return null;
    }

    /** Checks a topology's tick held as a {@link Duration}: whole milliseconds from 0 to {@link #MAX_TICK_MILLIS}. */
    public static String tick(Duration value) {
        if (value == null) {
            return "must not be null; use Duration.ZERO for no ticks";
        }
        if (value.isNegative() || value.compareTo(MAX_TICK) > 0
                || value.getNano() % 1_000_000 != 0) {
            return "must be a whole number of milliseconds from 0 (no ticks) to " + MAX_TICK_MILLIS + " ms, got " + value;
        }
        return null;
    }

    /**
     * Checks a neuron's {@code prefers} against the rest of the neuron: a preference only steers automatic placement,
     * and a label it also requires is no preference.
     *
     * @param prefers  the preferred labels (each already checked by {@link #labels})
     * @param pinned   whether the neuron names its node
     * @param requires the required labels; null when they were unreadable (already reported)
     * @return the problem, or null when there is none
     */
    public static String prefers(List<String> prefers, boolean pinned, List<String> requires) {
        if (prefers.isEmpty()) {
            return null;
        }
        if (pinned) {
            return "only a neuron placed automatically (without node) has prefers; a pinned neuron runs on its node";
        }
        for (String label : prefers) {
            if (requires != null && requires.contains(label)) {
                return "'" + label + "' is in requires too; a label is either required or preferred";
            }
        }
        return null;
    }

    /**
     * Checks a list of labels (node {@code labels}, neuron {@code requires} and {@code prefers}): each follows the id rule, none twice.
     * Null entries are skipped: the parser has already reported them as wrong JSON types.
     *
     * @param report receives the index and the problem of each bad label
     */
    public static void labels(List<String> labels, ObjIntConsumer<String> report) {
        if (labels.isEmpty()) {
            return; // the usual neuron: no set for it (two per neuron, 200,000 for 100,000 neurons)
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < labels.size(); i++) {
            String label = labels.get(i);
            if (label == null) {
                continue;
            }
            String problem = Ids.problem(label).orElse(null);
            if (problem == null && !seen.add(label)) {
                problem = "duplicate label '" + label + "'";
            }
            if (problem != null) {
                report.accept(problem, i);
            }
        }
    }
}
