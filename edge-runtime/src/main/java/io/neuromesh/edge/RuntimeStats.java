package io.neuromesh.edge;

/**
 * Counters of an edge runtime since it started (cumulative).
 *
 * @param inputs          inputs processed by hosted neurons (from MQTT and from the local fast path)
 * @param malformed       payloads on {@code neuron/<id>} that were not valid inputs (dropped and logged)
 * @param unknownNeuron   inputs for a neuron not hosted here: it moved or was removed, or a peer hosts it and this node
 *                        subscribes {@code neuron/+} ({@link EdgeConfig#inputWildcardShare()})
 * @param fires           neuron fires
 * @param outputs         output changes published
 * @param dropped         messages dropped because the inbox was full
 * @param topologyApplied topologies applied
 * @param topologyRejected topology messages rejected
 * @since 0.1
 */
public record RuntimeStats(long inputs, long malformed, long unknownNeuron, long fires, long outputs, long dropped,
                           long topologyApplied, long topologyRejected) {
}
