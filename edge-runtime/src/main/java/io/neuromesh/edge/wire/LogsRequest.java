package io.neuromesh.edge.wire;

import java.time.Instant;
import java.util.Objects;

/**
 * A request for the recent events of every online node, on {@code neuromesh/request/logs} ({@link LogsCodec}).
 *
 * @param since only events at or after this instant (millisecond precision on the wire); {@link Instant#EPOCH} for
 *              all the events the nodes keep
 * @since 0.1
 */
public record LogsRequest(Instant since) {

    public LogsRequest {
        Objects.requireNonNull(since, "sinceMs: must not be null; use Instant.EPOCH for all events");
        if (since.isBefore(Instant.EPOCH)) {
            throw new IllegalArgumentException("sinceMs: must be epoch milliseconds >= 0, got " + since);
        }
    }
}
