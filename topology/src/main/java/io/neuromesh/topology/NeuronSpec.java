package io.neuromesh.topology;

import io.neuromesh.topology.internal.validate.Check;
import io.neuromesh.topology.internal.validate.Rules;

import java.time.Duration;
import java.util.List;

/**
 * A neuron with its effective settings ({@code defaults} already applied). JSON: {@code neurons[]}.
 *
 * @param id          the neuron id (the {@link Ids} rule; one namespace with sensors and actuators); its input
 *                    topic is {@code neuron/<id>}
 * @param node        the node it is pinned to, or null when it is placed automatically
 * @param threshold   activation at or above which it outputs 1 (level) or fires (spike); finite
 * @param mode        how it reacts to inputs
 * @param inputWindow spike mode: how long an input counts after it arrives; whole milliseconds, 0-24 h
 * @param refractory  spike mode: how long it rests after firing; whole milliseconds, 0-24 h
 * @param requires    labels a node must have for automatic placement (immutable, no duplicates)
 * @param prefers     labels automatic placement prefers: the neuron runs on an online node that has them all while
 *                    one may host it, else on any node {@code requires} allows (immutable, no duplicates, none of
 *                    {@code requires}; empty on a pinned neuron); e.g. {@code site-a} keeps it on its site
 * @since 0.1
 */
public record NeuronSpec(String id, String node, double threshold, NeuronMode mode, Duration inputWindow,
                         Duration refractory, List<String> requires, List<String> prefers) {

    /** Validates every field; throws {@link IllegalArgumentException} {@code "<field>: <what>"}. */
    public NeuronSpec {
        Check.id("id", id);
        Check.optionalId("node", node);
        threshold = Check.number("threshold", threshold, Rules.FINITE);
        Check.notNull("mode", mode);
        Check.duration("inputWindow", inputWindow);
        Check.duration("refractory", refractory);
        requires = Check.labels("requires", requires);
        prefers = Check.labels("prefers", prefers);
        String problem = Rules.prefers(prefers, node != null, requires);
        if (problem != null) {
            throw new IllegalArgumentException("prefers: " + problem);
        }
    }

    /** A neuron without placement preferences ({@code prefers} empty). */
    public NeuronSpec(String id, String node, double threshold, NeuronMode mode, Duration inputWindow,
                      Duration refractory, List<String> requires) {
        this(id, node, threshold, mode, inputWindow, refractory, requires, List.of());
    }

    /** @return a level neuron with the standard timings, pinned to {@code node} (null: placed automatically) */
    public static NeuronSpec level(String id, String node, double threshold) {
        return new NeuronSpec(id, node, threshold, NeuronMode.LEVEL, Defaults.DEFAULT_INPUT_WINDOW,
                Defaults.DEFAULT_REFRACTORY, List.of());
    }

    /** @return true when the neuron names its node, false when it is placed automatically */
    public boolean isPinned() {
        return node != null;
    }
}
