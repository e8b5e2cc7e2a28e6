package io.neuromesh.topology;

/**
 * How a neuron turns its weighted inputs into an output. In JSON: {@code "level"} or {@code "spike"}.
 *
 * @since 0.1
 */
public enum NeuronMode {
    /** Keeps the latest value of each source; output 1 while the weighted sum is at or above the threshold. */
    LEVEL,
    /** Inputs count for the input window; fires a spike when the live sum reaches the threshold, then rests. */
    SPIKE
}
