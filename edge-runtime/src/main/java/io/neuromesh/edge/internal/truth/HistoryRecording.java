package io.neuromesh.edge.internal.truth;

import io.neuromesh.edge.wire.AppliedHistory;
import io.neuromesh.topology.TopologyVersion;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;

/**
 * When the fleet's applied history gets a new revision: once every online node runs the same rev and hash, the
 * node with the lowest online id records it, unless the history's newest revision is already that one or newer.
 * One writer at a time (the lowest id) and a record only of what every online node reports running are what make
 * the history a list of revisions the fleet really applied. Pure function.
 */
public final class HistoryRecording {

    private HistoryRecording() {
    }

    /**
     * @param self    this node's id
     * @param online  the online nodes as this node knows them, itself included
     * @param peers   what each online peer reports running (a peer running nothing is absent)
     * @param running what this node runs
     * @param name    the running topology's name ("" for none)
     * @param history the applied history as this node last read it
     * @param now     when the decision is made
     * @return the revision to record, or empty when there is nothing to record or another node records it
     */
    public static Optional<AppliedHistory.Revision> next(String self, SortedSet<String> online,
                                                         Map<String, TopologyVersion> peers, TopologyVersion running,
                                                         String name, AppliedHistory history, Instant now) {
        if (online.isEmpty() || !online.first().equals(self) || !online.contains(self)) {
            return Optional.empty();
        }
        if (!allRun(self, online, peers, running)) {
            return Optional.empty();
        }
        // Equal rev with another hash, or a newer rev: the history is the fleet's word; this node adopts it instead.
        if (history.newest().map(r -> r.rev() >= running.rev()).orElse(false)) {
            return Optional.empty();
        }
        return Optional.of(new AppliedHistory.Revision(running.rev(), running.hash(), name, now, List.copyOf(online)));
    }

    /**
     * Whether every online node runs {@code running}, as this node knows (the parameters are those of {@link #next}).
     */
    public static boolean allRun(String self, SortedSet<String> online, Map<String, TopologyVersion> peers,
                                 TopologyVersion running) {
        for (String node : online) {
            if (!node.equals(self) && !running.equals(peers.get(node))) {
                return false;
            }
        }
        return true;
    }

    /** The revisions of {@code before} that {@code after} no longer holds: their documents are to be cleared. */
    public static List<Long> dropped(AppliedHistory before, AppliedHistory after) {
        return before.revisions().stream().map(AppliedHistory.Revision::rev)
                .filter(rev -> after.find(rev).isEmpty()).toList();
    }
}
