package io.neuromesh.topology;

import io.neuromesh.topology.internal.validate.Check;
import io.neuromesh.topology.internal.validate.Rules;

import java.time.Duration;
import java.util.OptionalDouble;

/**
 * Neuron settings used where a neuron does not set its own. JSON: {@code defaults}. A parsed {@link Topology}
 * already has these applied to every {@link NeuronSpec}; they are kept so that the document round-trips.
 *
 * @param threshold   default threshold (finite); when empty, every neuron must set its own
 * @param mode        default mode
 * @param inputWindow default spike input window; whole milliseconds, 0-24 h
 * @param refractory  default spike refractory period; whole milliseconds, 0-24 h
 * @since 0.1
 */
public record Defaults(OptionalDouble threshold, NeuronMode mode, Duration inputWindow, Duration refractory) {

    /** Mode when neither the neuron nor {@code defaults} sets one. */
    public static final NeuronMode DEFAULT_MODE = NeuronMode.LEVEL;
    /** Input window when neither the neuron nor {@code defaults} sets one: 500 ms. */
    public static final Duration DEFAULT_INPUT_WINDOW = Duration.ofMillis(500);
    /** Refractory period when neither the neuron nor {@code defaults} sets one: 100 ms. */
    public static final Duration DEFAULT_REFRACTORY = Duration.ofMillis(100);
    /** The defaults of a document without a {@code defaults} object. */
    public static final Defaults STANDARD = new Defaults(OptionalDouble.empty(), DEFAULT_MODE, DEFAULT_INPUT_WINDOW,
            DEFAULT_REFRACTORY);

    /** Validates every field; throws {@link IllegalArgumentException} {@code "<field>: <what>"}. */
    public Defaults {
        Check.notNull("threshold", threshold);
        if (threshold.isPresent()) {
            threshold = OptionalDouble.of(Check.number("threshold", threshold.getAsDouble(), Rules.FINITE));
        }
        Check.notNull("mode", mode);
        Check.duration("inputWindow", inputWindow);
        Check.duration("refractory", refractory);
    }
}
