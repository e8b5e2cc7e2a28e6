package io.neuromesh.edge.internal.port;

import io.neuromesh.edge.internal.hosting.ApplyResult;
import io.neuromesh.edge.wire.AppliedHistory;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The control-plane messages the brain sends (its status, topology results, request replies, the fleet's applied
 * history) and the retained ones it reads on demand. Brain thread.
 */
public interface ControlOutbox {

    /**
     * What the brain contributes to the node's status: hosted neurons, the topology running, and why it is not the
     * one retained on the broker (empty when it is).
     */
    record StatusView(List<String> neurons, long rev, String hash, Optional<String> topologyProblem) {
        public StatusView {
            neurons = List.copyOf(neurons);
            Objects.requireNonNull(topologyProblem, "topologyProblem");
        }
    }

    /** The status may have changed (hosting, topology); publish it at once, unless it equals the last one. */
    void status(StatusView view);

    /**
     * Publish what this node did with a topology message (retained), after the status {@link #status} last asked
     * for: whoever sees the result has seen the status that goes with it.
     */
    void topologyResult(ApplyResult result);

    /**
     * The retained payload of {@code topic} now, read on a connection of its own; blocks for at most a short grace
     * when nothing is retained.
     *
     * @return the payload, empty when nothing is retained (or the broker did not answer in time)
     */
    Optional<byte[]> readRetained(String topic);

    /**
     * Records a revision the whole fleet applied, in this order: its document retained on
     * {@code neuromesh/topology/history/<rev>}, then {@code history} (which lists it) retained on
     * {@code neuromesh/topology/history}, then the documents of {@code dropped} revisions cleared. A reader that sees a
     * revision in the index thus finds its document.
     */
    void recordApplied(long rev, byte[] document, AppliedHistory history, List<Long> dropped);

    /** Answer a request on its response topic with its correlation data. */
    void reply(String responseTopic, byte[] correlationData, byte[] payload);
}
