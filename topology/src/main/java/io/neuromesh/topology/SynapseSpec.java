package io.neuromesh.topology;

import io.neuromesh.topology.internal.validate.Check;
import io.neuromesh.topology.internal.validate.Rules;

/**
 * A weighted connection. The receiving neuron multiplies each input from {@code from} by {@code weight}.
 * JSON: {@code synapses[]}. At most one synapse per ({@code from}, {@code to}) pair; a neuron may feed itself.
 *
 * @param from   a sensor or neuron id
 * @param to     a neuron id
 * @param weight a finite number (negative: inhibitory)
 * @since 0.1
 */
public record SynapseSpec(String from, String to, double weight) {

    /** Validates every field; throws {@link IllegalArgumentException} {@code "<field>: <what>"}. */
    public SynapseSpec {
        Check.id("from", from);
        Check.id("to", to);
        weight = Check.number("weight", weight, Rules.FINITE);
    }
}
