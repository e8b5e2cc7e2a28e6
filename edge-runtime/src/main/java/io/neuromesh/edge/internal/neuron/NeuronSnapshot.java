package io.neuromesh.edge.internal.neuron;

import io.neuromesh.topology.NeuronMode;

import java.util.Map;

/**
 * A neuron's state at one moment, as {@code neuromesh inspect} shows it.
 *
 * @param lastFiredMicros epoch microseconds of the last fire, 0 if never
 */
public record NeuronSnapshot(String id, NeuronMode mode, double threshold, long inputWindowMs, long refractoryMs,
                             int output, double lastSum, Map<String, Double> weights, Map<String, Input> inputs,
                             long lastFiredMicros, boolean refractory, long inputCount, long fireCount,
                             long ignoredCount) {

    /** The latest input from one source; {@code live} says whether it still counts (SPIKE window). */
    public record Input(double value, long atMicros, boolean live) {
    }
}
