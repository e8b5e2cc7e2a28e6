package io.neuromesh.cli.internal.view;

import io.neuromesh.edge.wire.NodeStatus;
import io.neuromesh.topology.Topology;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The table of {@code neuromesh nodes}, from the retained statuses. */
public final class NodesTable {

    /** How many neuron ids a row shows before it only counts them. */
    static final int NEURONS_SHOWN = 3;
    private static final String ABSENT = "-";

    private NodesTable() {
    }

    /**
     * @param statuses    the retained statuses, in any order, with the heartbeats heard since merged in
     * @param oldLiveness the nodes that send compact heartbeats and were not heard from while the reader waited:
     *                    their load and counters are the retained copy's, as old as the age column says
     * @param now         the time ages are measured to
     * @return a header and one line per node, sorted by node: state, neurons (count and the first few), rev, short
     *         hash, age of the status, the load fields when the status carries them ({@code -} when not), and the
     *         inputs refused since the node started: malformed, and dropped from full inboxes
     */
    public static List<String> lines(Collection<NodeStatus> statuses, Set<String> oldLiveness, Instant now) {
        Table table = new Table("NODE", "STATE", "NEURONS", "REV", "HASH", "LAST STATUS", "IN/S", "QUEUE", "HEAP",
                "MALFORMED", "DROPPED");
        statuses.stream().sorted(Comparator.comparing(NodeStatus::node)).forEach(status -> {
            Optional<NodeStatus.Running> load = status.running();
            // A compact heartbeat this reader could not match: the list shown is the last one known.
            table.row(status.node(), state(status),
                    neurons(status.neurons()) + (status.neuronsKnown() ? "" : " (last known)"),
                    status.rev() > 0 ? Long.toString(status.rev()) : ABSENT, shortHash(status.hash()),
                    lastStatus(status, now) + (oldLiveness.contains(status.node()) ? " (no heartbeat)" : ""),
                    load.map(l -> String.format(Locale.ROOT, "%.1f", l.inputsPerSecond())).orElse(ABSENT),
                    load.map(l -> Integer.toString(l.queue())).orElse(ABSENT),
                    load.map(l -> l.heapUsedMb() + "/" + l.heapMaxMb() + " MB").orElse(ABSENT),
                    load.map(l -> Long.toString(l.malformed())).orElse(ABSENT),
                    load.map(l -> Long.toString(l.dropped())).orElse(ABSENT));
        });
        return table.lines();
    }

    /**
     * The node's state, or {@code silent} for one that says online but has not been heard from for longer than its
     * peers allow ({@link NodeStatus#SILENT}): they count it offline.
     */
    static String state(NodeStatus status) {
        return status.silent() ? NodeStatus.SILENT : status.state().wireName();
    }

    /**
     * @param silent a status {@link NodeStatus#SILENT}
     * @return e.g. {@code silent (last status 41s ago): its peers count it offline}
     */
    public static String silent(NodeStatus silent, Instant now) {
        return "silent (last status " + ago(Duration.between(silent.timestamp(), now))
                + "): its peers count it offline";
    }

    /**
     * How long ago the status was written; for a node that went offline, how long ago it went. A Last Will that no
     * peer has confirmed yet (no {@code reportedBy}) carries the time the node connected, not when it went: say so.
     */
    static String lastStatus(NodeStatus status, Instant now) {
        if (!status.timestamp().isAfter(Instant.EPOCH)) {
            return ABSENT;
        }
        String ago = ago(Duration.between(status.timestamp(), now));
        return status.unconfirmedWill() ? "unknown (connected " + ago + ")" : ago;
    }

    /** @return {@code 1.2s ago}, {@code 42s ago}, {@code 5m ago}, {@code 3h ago} or {@code 2d ago}; never negative */
    static String ago(Duration age) {
        long millis = Math.max(0, age.toMillis());
        if (millis < 10_000) {
            return String.format(Locale.ROOT, "%.1fs ago", millis / 100 / 10.0);
        }
        if (millis < 60_000) {
            return millis / 1000 + "s ago";
        }
        if (millis < 3_600_000) {
            return millis / 60_000 + "m ago";
        }
        return millis < 48 * 3_600_000L ? millis / 3_600_000 + "h ago" : millis / 86_400_000 + "d ago";
    }

    private static String neurons(List<String> neurons) {
        if (neurons.isEmpty()) {
            return "0";
        }
        String shown = String.join(" ", neurons.subList(0, Math.min(NEURONS_SHOWN, neurons.size())));
        return neurons.size() + " (" + shown + (neurons.size() > NEURONS_SHOWN ? " ...)" : ")");
    }

    private static String shortHash(String hash) {
        return hash == null || hash.isEmpty() ? ABSENT : hash.substring(0, Math.min(hash.length(),
                Topology.SHORT_HASH_LENGTH));
    }

}
