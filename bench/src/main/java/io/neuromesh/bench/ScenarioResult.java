package io.neuromesh.bench;

import java.time.Duration;

/**
 * One row of the benchmark table: one measurement of one scenario on one broker. Latency rows carry percentiles,
 * throughput and size rows a value with its unit; a row may carry both.
 *
 * @param scenario what was measured, e.g. {@code relay chain per hop}; starts with the scenario's name
 * @param broker   the broker it ran on: {@code hivemq}, {@code mosquitto} or the URL given
 * @param samples  how many timings (or rounds) the percentiles and the value come from; 0 when it did not run
 * @param p50      median latency, or null for a row without latencies
 * @param p99      99th percentile latency (the maximum when there are fewer than 100 samples), or null
 * @param value    the headline number in {@code unit} (a rate, a size, a ratio), or null
 * @param unit     the unit of {@code value}, e.g. {@code msg/s}, {@code bytes/neuron}; null when {@code value} is
 * @param target   the target in words, e.g. {@code p50 <= 2 ms}, or {@code -} when there is none
 * @param verdict  how the measurement compares with the target
 * @param note     what else the reader needs: settings, losses, and for a missed target what stands in the way;
 *                 empty when nothing
 * @since 0.1
 */
public record ScenarioResult(String scenario, String broker, int samples, Duration p50, Duration p99, Double value,
                             String unit, String target, Verdict verdict, String note) {

    /** Validates the row; the message names the field. */
    public ScenarioResult {
        if (scenario == null || scenario.isBlank()) {
            throw new IllegalArgumentException("scenario: must not be blank");
        }
        if (broker == null || broker.isBlank()) {
            throw new IllegalArgumentException("broker: must not be blank");
        }
        if (samples < 0) {
            throw new IllegalArgumentException("samples: must be >= 0, got " + samples);
        }
        if (value != null && (value.isNaN() || value.isInfinite())) {
            throw new IllegalArgumentException("value: must be a finite number, got " + value);
        }
        if ((value == null) != (unit == null)) {
            throw new IllegalArgumentException("unit: must be given exactly when value is, got value " + value
                    + " and unit " + unit);
        }
        if (verdict == null) {
            throw new IllegalArgumentException("verdict: must not be null");
        }
        target = target == null || target.isBlank() ? "-" : target;
        note = note == null ? "" : note;
    }

    /** A row for a scenario that could not run or broke: no numbers, only the reason. */
    public static ScenarioResult without(String scenario, String broker, Verdict verdict, String reason) {
        return new ScenarioResult(scenario, broker, 0, null, null, null, null, "-", verdict, reason);
    }
}
