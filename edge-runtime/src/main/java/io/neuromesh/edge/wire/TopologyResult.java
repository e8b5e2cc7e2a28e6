package io.neuromesh.edge.wire;

import io.neuromesh.topology.Ids;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A node's result for one topology message, retained on {@code neuromesh/nodes/<node>/topology}
 * ({@link TopologyResultCodec}).
 *
 * @param rev       the rev of the message this is about (0 when the message had no readable rev)
 * @param document  the content hash of the message this is about ({@code Topology#contentHash()}), so that a reader
 *                  tells the result of its own publish from an earlier one; "" when the message was not a valid
 *                  topology (or the node predates this field)
 * @param result    applied, rejected or unchanged
 * @param running   the rev the node runs after this message (0: none)
 * @param hash      the content hash of the topology it runs after this message ("" when none)
 * @param neurons   the neurons it hosts after this message
 * @param errors    {@code "<where>: <what>"} lines when rejected
 * @param timestamp when the node published the result
 * @since 0.1
 */
public record TopologyResult(long rev, String document, TopologyOutcome result, long running, String hash, List<String> neurons,
                             List<String> errors, Instant timestamp) {

    public TopologyResult {
        if (rev < 0) {
            throw new IllegalArgumentException("rev: must be >= 0, got " + rev);
        }
        if (running < 0) {
            throw new IllegalArgumentException("running: must be >= 0, got " + running);
        }
        Objects.requireNonNull(document, "document: must not be null");
        Objects.requireNonNull(result, "result: must not be null");
        Objects.requireNonNull(hash, "hash: must not be null");
        neurons = List.copyOf(Objects.requireNonNull(neurons, "neurons: must not be null"));
        Ids.requireAll("neurons", neurons);
        errors = List.copyOf(Objects.requireNonNull(errors, "errors: must not be null"));
        Objects.requireNonNull(timestamp, "ts: must not be null");
    }
}
