package io.neuromesh.edge.internal.hosting;

import io.neuromesh.edge.Topics;
import io.neuromesh.edge.internal.port.ControlOutbox;
import io.neuromesh.edge.internal.port.Peers;
import io.neuromesh.edge.internal.time.EpochClock;
import io.neuromesh.edge.internal.truth.Document;
import io.neuromesh.edge.internal.truth.HistoryRecording;
import io.neuromesh.edge.wire.AppliedHistory;
import io.neuromesh.edge.wire.AppliedHistoryCodec;
import io.neuromesh.edge.wire.WireFormatException;
import org.tinylog.Logger;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.SortedSet;

/**
 * Writes the fleet's applied history when {@link HistoryRecording} says this node is the one to record a revision:
 * the document, then the index, then the documents dropped from it (through {@link ControlOutbox#recordApplied}).
 * Brain thread only.
 */
final class HistoryWriter {

    private final String node;
    private final ControlOutbox control;
    private final Peers peers;
    private final EpochClock clock;
    /** False until the history index was heard, or confirmed absent by a read of its own. */
    private boolean known;

    HistoryWriter(String node, ControlOutbox control, Peers peers, EpochClock clock) {
        this.node = node;
        this.control = control;
        this.peers = peers;
        this.clock = clock;
    }

    /** The history index arrived on the node's subscription. */
    void heard() {
        known = true;
    }

    /**
     * Records {@code running} if every online node runs it and this node is the lowest online id.
     *
     * @param history the history as this node knows it
     * @return the history as it is now when that changed (this node recorded a revision, or read a retained index it
     * had not heard of before writing over it), else empty
     */
    Optional<AppliedHistory> record(SortedSet<String> online, Document running, AppliedHistory history) {
        Instant now = Instant.EPOCH.plus(clock.micros(), ChronoUnit.MICROS).truncatedTo(ChronoUnit.MILLIS);
        Optional<AppliedHistory.Revision> next = HistoryRecording.next(node, online, peers.running(),
                running.version(), running.name(), history, now);
        if (next.isEmpty()) {
            return Optional.empty();
        }
        if (!known) {
            // Nothing arrived on the subscription before the first decision: make sure nothing is retained before
            // writing a history over it (once; afterwards the subscription tells every change).
            known = true;
            Optional<byte[]> found = control.readRetained(Topics.TOPOLOGY_HISTORY);
            if (found.isPresent()) {
                return Optional.of(decode(found.get()));
            }
        }
        AppliedHistory after = history.with(next.get());
        control.recordApplied(running.version().rev(), running.bytes(), after,
                HistoryRecording.dropped(history, after));
        Logger.info("node {}: all {} online node(s) run {}; recorded in the fleet's applied history", node,
                online.size(), running.version());
        return Optional.of(after);
    }

    /** A history payload; one that is not valid counts as empty (and is replaced by the next record). */
    AppliedHistory decode(byte[] payload) {
        if (payload.length == 0) {
            return AppliedHistory.EMPTY;
        }
        try {
            return AppliedHistoryCodec.decode(payload);
        } catch (WireFormatException e) {
            Logger.warn("node {}: the retained applied history is not valid, ignored: {}", node, e.getMessage());
            return AppliedHistory.EMPTY;
        }
    }
}
