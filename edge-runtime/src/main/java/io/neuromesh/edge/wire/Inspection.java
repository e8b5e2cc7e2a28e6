package io.neuromesh.edge.wire;

import io.neuromesh.topology.Ids;
import io.neuromesh.topology.NeuronMode;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A neuron's state as its host sees it: the answer to an {@link InspectRequest} ({@link InspectCodec}).
 *
 * @param node   the host
 * @param neuron the neuron's settings, inputs, output and counters
 * @since 0.1
 */
public record Inspection(String node, Neuron neuron) {

    public Inspection {
        Ids.require("node", node);
        Objects.requireNonNull(neuron, "neuron: must not be null");
    }

    /**
     * One neuron's state.
     *
     * @param id          the neuron
     * @param mode        level or spike
     * @param threshold   the sum at which it fires
     * @param inputWindow how long a spike input counts (millisecond precision on the wire)
     * @param refractory  how long it ignores inputs after firing (millisecond precision on the wire)
     * @param output      its output now, 0 or 1
     * @param sum         the weighted sum of its last evaluation
     * @param resting     true while it is in its refractory period
     * @param weights     source to synapse weight, in the topology's order
     * @param inputs      source to its latest input
     * @param downstream  the neurons it feeds
     * @param lastFired   when it last fired (millisecond precision on the wire); empty if never
     * @param inputCount  inputs received since it was placed here
     * @param fireCount   times it fired
     * @param ignoredCount inputs ignored (refractory, unknown source)
     */
    public record Neuron(String id, NeuronMode mode, double threshold, Duration inputWindow, Duration refractory,
                         int output, double sum, boolean resting, Map<String, Double> weights,
                         Map<String, Input> inputs, List<String> downstream, Optional<Instant> lastFired,
                         long inputCount, long fireCount, long ignoredCount) {

        public Neuron {
            Ids.require("id", id);
            Objects.requireNonNull(mode, "mode: must not be null");
            Objects.requireNonNull(inputWindow, "inputWindowMs: must not be null");
            Objects.requireNonNull(refractory, "refractoryMs: must not be null");
            if (output != 0 && output != 1) {
                throw new IllegalArgumentException("output: must be 0 or 1, got " + output);
            }
            weights = Collections.unmodifiableMap(new LinkedHashMap<>(
                    Objects.requireNonNull(weights, "weights: must not be null")));
            inputs = Collections.unmodifiableMap(new LinkedHashMap<>(
                    Objects.requireNonNull(inputs, "inputs: must not be null")));
            downstream = List.copyOf(Objects.requireNonNull(downstream, "downstream: must not be null"));
            Objects.requireNonNull(lastFired, "lastFired: must not be null; use Optional.empty()");
            if (inputCount < 0 || fireCount < 0 || ignoredCount < 0) {
                throw new IllegalArgumentException("inputCount, fireCount, ignoredCount: must be >= 0");
            }
        }
    }

    /**
     * The latest input from one source.
     *
     * @param value the value the source sent
     * @param at    when it arrived (millisecond precision on the wire)
     * @param live  whether it still counts (a spike neuron's input window)
     */
    public record Input(double value, Instant at, boolean live) {

        public Input {
            Objects.requireNonNull(at, "ts: must not be null");
        }
    }
}
