package io.neuromesh.edge.internal.port;

import io.neuromesh.edge.internal.hosting.ApplyResult;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The control-plane messages the brain sends: its status, topology results and request replies. Brain thread. */
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

    /** The status changed (hosting, topology); publish it at once. */
    void status(StatusView view);

    /** Publish what this node did with a topology message (retained). */
    void topologyResult(ApplyResult result);

    /** Answer a request on its response topic with its correlation data. */
    void reply(String responseTopic, byte[] correlationData, byte[] payload);
}
