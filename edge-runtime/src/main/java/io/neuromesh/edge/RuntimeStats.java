package io.neuromesh.edge;

/**
 * Counters of an edge runtime since it started (cumulative).
 *
 * @param inputs          inputs processed by hosted neurons (from MQTT and from the local fast path)
 * @param malformed       payloads on {@code neuron/<id>} that were not valid inputs (dropped and logged)
 * @param unknownNeuron   inputs for an id that is no neuron of the running topology (a removed neuron, or a topic
 *                        nobody hosts, e.g. a typo), which this node receives when it subscribes {@code neuron/+}
 * @param elsewhere       inputs for a neuron of the running topology that another node hosts: a peer's, which
 *                        {@code neuron/+} brings too ({@link EdgeConfig#inputWildcardShare()}), or one that just moved
 * @param fires           neuron fires
 * @param outputs         output changes published
 * @param dropped         messages dropped because the inbox was full
 * @param topologyApplied topologies applied
 * @param topologyRejected topology messages rejected
 * @param failures        events the runtime failed to handle: a bug or a broker failure it did not expect, each
 *                        logged as an error with its stack (the runtime goes on with the next event)
 * @since 0.1
 */
public record RuntimeStats(long inputs, long malformed, long unknownNeuron, long elsewhere, long fires, long outputs,
                           long dropped, long topologyApplied, long topologyRejected, long failures) {
}
