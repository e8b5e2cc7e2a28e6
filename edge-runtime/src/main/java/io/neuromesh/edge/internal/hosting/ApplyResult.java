package io.neuromesh.edge.internal.hosting;

import io.neuromesh.edge.wire.TopologyOutcome;
import io.neuromesh.edge.wire.TopologyResult;

import java.time.Instant;
import java.util.List;

/**
 * What a node did with one topology message, before it is published (retained on
 * {@code neuromesh/nodes/<node>/topology}) as a {@link TopologyResult} with the time of publishing.
 *
 * @param rev     the message's rev (0 when it could not be read)
 * @param document the message's content hash ("" when it was not a valid topology)
 * @param result  applied, rejected, or unchanged (the same rev and content again, e.g. a retained redelivery)
 * @param hash    content hash of the topology now running ("" if none)
 * @param running rev running after this message
 * @param neurons neurons hosted after this message
 * @param errors  "where: what" lines when rejected
 */
public record ApplyResult(long rev, String document, TopologyOutcome result, String hash, long running, List<String> neurons,
                          List<String> errors) {

    public ApplyResult {
        neurons = List.copyOf(neurons);
        errors = List.copyOf(errors);
    }

    /** The wire message of this result, published at {@code timestamp}. */
    public TopologyResult at(Instant timestamp) {
        return new TopologyResult(rev, document, result, running, hash, neurons, errors, timestamp);
    }
}
