package io.neuromesh.edge.wire;

import io.neuromesh.topology.Ids;

/**
 * A request for one neuron's state, on {@code neuromesh/request/inspect} ({@link InspectCodec}); only the neuron's
 * host answers.
 *
 * @param neuron the neuron
 * @since 0.1
 */
public record InspectRequest(String neuron) {

    public InspectRequest {
        Ids.require("neuron", neuron);
    }
}
