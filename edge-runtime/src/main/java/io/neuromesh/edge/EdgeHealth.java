package io.neuromesh.edge;

import java.util.Objects;
import java.util.Optional;

/**
 * Whether an edge runtime works: connected to its broker and running a topology without problem.
 *
 * @param connected       true while the MQTT connection is up
 * @param rev             the rev of the topology running here (0: none yet)
 * @param topologyProblem why the node does not run the topology retained on the broker, or why it runs none; empty
 *                        when it runs what is retained
 * @since 0.1
 */
public record EdgeHealth(boolean connected, long rev, Optional<String> topologyProblem) {

    public EdgeHealth {
        Objects.requireNonNull(topologyProblem, "topologyProblem: must not be null; use Optional.empty()");
        if (rev < 0) {
            throw new IllegalArgumentException("rev: must be >= 0, got " + rev);
        }
    }

    /** True when connected and running a topology without problem. */
    public boolean ok() {
        return problem().isEmpty();
    }

    /** Why the node is not healthy ({@code broker connection lost}, the topology problem); empty when it is. */
    public Optional<String> problem() {
        if (!connected) {
            return Optional.of("broker connection lost");
        }
        if (topologyProblem.isPresent()) {
            return topologyProblem;
        }
        return rev == 0 ? Optional.of("no topology running yet") : Optional.empty();
    }
}
