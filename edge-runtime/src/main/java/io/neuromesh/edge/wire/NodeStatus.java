package io.neuromesh.edge.wire;

import io.neuromesh.topology.Ids;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A node's retained status on {@code neuromesh/nodes/<node>/status} ({@link NodeStatusCodec}). An online or leaving
 * node reports what it runs and its load ({@link #running()}); an offline one says why ({@link #reason()}).
 *
 * @param state     online, leaving or offline
 * @param node      the node id
 * @param neurons   the neurons it hosts (empty when offline)
 * @param timestamp when the node published this status
 * @param running   what a live node runs and its load; present exactly when not offline
 * @param reason    why the node is offline ({@code connection lost}, {@code shutdown}); present exactly when offline
 * @param reportedBy for an offline status: the peer that saw the node go and recorded its Last Will with the time
 *                  it saw it, on {@code neuromesh/nodes/<peer>/seen/<node>} (a Last Will is written at connect, so its
 *                  own {@code ts} is the connect time); empty for a node's own status and for an unconfirmed Last Will
 * @param neuronsKnown false when a compact heartbeat ({@link NodeStatusCodec#encodeHeartbeat}) said the node hosts
 *                  another set than the one this reader holds (it missed or has not yet received the node's full
 *                  status): {@link #neurons()} is then the last set known (possibly empty), not the current one.
 *                  Always true for statuses read in full
 * @since 0.1
 */
public record NodeStatus(NodeState state, String node, List<String> neurons, Instant timestamp,
                         Optional<Running> running, Optional<String> reason, Optional<String> reportedBy,
                         boolean neuronsKnown) {

    /** The {@link #reason()} of a Last Will: the broker saw the connection die. */
    public static final String CONNECTION_LOST = "connection lost";
    /**
     * The {@link #reason()} a node publishes itself while its brain thread is stuck: its neurons move to its peers,
     * and it says {@code online} again once the brain runs.
     */
    public static final String BRAIN_STALLED = "brain stalled";
    /**
     * The {@link #reason()} a reader ({@code FleetClient}) gives a node whose status says online but that it has not
     * heard from for longer than the node's peers allow (3.5 of its heartbeats by default): they count it gone. No
     * node publishes it; its time stamp is the node's last status.
     *
     * @since 0.3
     */
    public static final String SILENT = "silent";

    /**
     * Hosted lists already checked, by identity: a node's heartbeat and a reader's merge of a peer's compact heartbeat
     * reuse the list they hold (50,000 ids for a node hosting half of 100,000 neurons), checked once per change.
     */
    private static final ListMemo<Boolean> CHECKED = new ListMemo<>();

    public NodeStatus {
        Objects.requireNonNull(state, "state: must not be null");
        Ids.require("node", node);
        neurons = List.copyOf(Objects.requireNonNull(neurons, "neurons: must not be null"));
        CHECKED.get(neurons, NodeStatus::requireIds);
        Objects.requireNonNull(timestamp, "ts: must not be null");
        Objects.requireNonNull(running, "running: must not be null; use Optional.empty()");
        Objects.requireNonNull(reason, "reason: must not be null; use Optional.empty()");
        Objects.requireNonNull(reportedBy, "reportedBy: must not be null; use Optional.empty()");
        reportedBy.ifPresent(peer -> Ids.require("reportedBy", peer));
        boolean offline = state == NodeState.OFFLINE;
        if (offline == running.isPresent()) {
            throw new IllegalArgumentException(offline
                    ? "an offline status carries no instance, rev, hash or load; use NodeStatus.offline"
                    : "state " + state.wireName() + ": needs instance, rev, hash, since and load");
        }
        if (offline == reason.isEmpty()) {
            throw new IllegalArgumentException(offline ? "reason: missing; an offline status says why"
                    : "reason: only an offline status has one");
        }
        if (!offline && reportedBy.isPresent()) {
            throw new IllegalArgumentException("reportedBy: only an offline status is reported by a peer");
        }
        if (offline && !neurons.isEmpty()) {
            throw new IllegalArgumentException("neurons: an offline node hosts none, got " + neurons);
        }
        if (offline && !neuronsKnown) {
            throw new IllegalArgumentException("neuronsKnown: an offline node is known to host none");
        }
    }

    /** A status whose hosted set is known ({@link #neuronsKnown()}). */
    public NodeStatus(NodeState state, String node, List<String> neurons, Instant timestamp,
                      Optional<Running> running, Optional<String> reason, Optional<String> reportedBy) {
        this(state, node, neurons, timestamp, running, reason, reportedBy, true);
    }

    /** The status of a live ({@link NodeState#ONLINE} or {@link NodeState#LEAVING}) node. */
    public static NodeStatus live(NodeState state, String node, List<String> neurons, Instant timestamp,
                                  Running running) {
        return new NodeStatus(state, node, neurons, timestamp, Optional.of(running), Optional.empty(),
                Optional.empty());
    }

    /** The status of an offline node as it writes it itself: its Last Will ({@code connection lost}) or last word. */
    public static NodeStatus offline(String node, String reason, Instant timestamp) {
        return new NodeStatus(NodeState.OFFLINE, node, List.of(), timestamp, Optional.empty(), Optional.of(reason),
                Optional.empty());
    }

    /**
     * An offline status recorded by the peer that saw the node go ({@code Topics.nodeSeen(peer, node)}).
     *
     * @param seenAt when the peer saw the node's Last Will
     */
    public static NodeStatus offlineSeenBy(String node, String reason, Instant seenAt, String peer) {
        return new NodeStatus(NodeState.OFFLINE, node, List.of(), seenAt, Optional.empty(), Optional.of(reason),
                Optional.of(peer));
    }

    /**
     * True for a Last Will as the broker published it: offline, {@link #CONNECTION_LOST}, and no peer has confirmed
     * it yet ({@link #reportedBy()} empty), so its {@link #timestamp()} is when the node connected.
     */
    public boolean unconfirmedWill() {
        return state == NodeState.OFFLINE && reportedBy.isEmpty() && reason.filter(CONNECTION_LOST::equals).isPresent();
    }

    /**
     * True for the offline status a reader gives a node it has not heard from for longer than its peers allow
     * ({@link #SILENT}).
     *
     * @since 0.3
     */
    public boolean silent() {
        return state == NodeState.OFFLINE && reason.filter(SILENT::equals).isPresent();
    }

    /** True when the node is {@link NodeState#ONLINE}. */
    public boolean online() {
        return state == NodeState.ONLINE;
    }

    /** The topology rev the node runs; 0 when offline or when it runs none yet. */
    public long rev() {
        return running.map(Running::rev).orElse(0L);
    }

    /** The content hash of the topology the node runs; empty when offline or when it runs none yet. */
    public String hash() {
        return running.map(Running::hash).orElse("");
    }

    /**
     * True when the node is online and runs the topology of {@code rev} whose content hash is {@code hash}.
     *
     * @since 0.2
     */
    public boolean runs(long rev, String hash) {
        return online() && rev() == rev && hash().equals(hash);
    }

    /**
     * What a live node runs and its load, as of its last heartbeat.
     *
     * @param instance        a random id of the node's process (two processes with one node id tell each other
     *                        apart by it)
     * @param rev             the topology rev it runs (0: none yet)
     * @param hash            the content hash of that topology ("" when none)
     * @param since           when the process started
     * @param inputsPerSecond inputs processed per second since the previous heartbeat
     * @param queue           inputs waiting in the node's inboxes
     * @param heapUsedMb      heap in use, in MiB
     * @param heapMaxMb       maximum heap, in MiB
     * @param malformed       malformed inputs dropped since the start
     * @param dropped         inputs dropped since the start because an inbox was full
     * @param topologyProblem why the node does not run the topology retained on the broker (it is not valid, not
     *                        newer than the running one, or differs from what the fleet applied), or why it has
     *                        none; empty when it runs what is retained
     * @param heartbeat       the longest the node waits before its next status (its heartbeat interval, which grows
     *                        with the fleet); peers allow it that many more missed heartbeats. Empty from nodes that
     *                        do not say (older versions): peers then use their own {@code --offline-after}
     * @param heartbeats      how the node sends its heartbeats: {@link HeartbeatForm#COMPACT} (a large hosted set)
     *                        means the liveness of its retained status may be up to 30 heartbeats old
     * @param offlineAfter    how long the node may be silent before peers set as it is count it offline: its own
     *                        {@code --offline-after}, scaled with its {@code heartbeat} (3.5 intervals, at least
     *                        3.5 s, by default); readers show a node silent past it. Empty from nodes that do not
     *                        say (older versions): readers then assume the defaults. Since 0.3
     */
    public record Running(String instance, long rev, String hash, Instant since, double inputsPerSecond, int queue,
                          long heapUsedMb, long heapMaxMb, long malformed, long dropped,
                          Optional<String> topologyProblem, Optional<Duration> heartbeat, HeartbeatForm heartbeats,
                          Optional<Duration> offlineAfter) {

        public Running {
            Objects.requireNonNull(instance, "instance: must not be null");
            Objects.requireNonNull(heartbeats, "heartbeats: must not be null; use HeartbeatForm.FULL");
            requirePositive("heartbeatMs", Objects.requireNonNull(heartbeat,
                    "heartbeat: must not be null; use Optional.empty()"));
            requirePositive("offlineAfterMs", Objects.requireNonNull(offlineAfter,
                    "offlineAfter: must not be null; use Optional.empty()"));
            Objects.requireNonNull(hash, "hash: must not be null");
            Objects.requireNonNull(since, "since: must not be null");
            Objects.requireNonNull(topologyProblem, "topologyProblem: must not be null; use Optional.empty()");
            requireAtLeastZero("rev", rev);
            requireAtLeastZero("queue", queue);
            requireAtLeastZero("heapUsedMb", heapUsedMb);
            requireAtLeastZero("heapMaxMb", heapMaxMb);
            requireAtLeastZero("malformed", malformed);
            requireAtLeastZero("dropped", dropped);
            if (!Double.isFinite(inputsPerSecond) || inputsPerSecond < 0) {
                throw new IllegalArgumentException("inputsPerSecond: must be a finite number >= 0, got "
                        + inputsPerSecond);
            }
        }

        /** A status that does not say how long its peers let it be silent (a node of an earlier version). */
        public Running(String instance, long rev, String hash, Instant since, double inputsPerSecond, int queue,
                       long heapUsedMb, long heapMaxMb, long malformed, long dropped,
                       Optional<String> topologyProblem, Optional<Duration> heartbeat, HeartbeatForm heartbeats) {
            this(instance, rev, hash, since, inputsPerSecond, queue, heapUsedMb, heapMaxMb, malformed, dropped,
                    topologyProblem, heartbeat, heartbeats, Optional.empty());
        }

        /** A status whose every heartbeat is full ({@link HeartbeatForm#FULL}). */
        public Running(String instance, long rev, String hash, Instant since, double inputsPerSecond, int queue,
                       long heapUsedMb, long heapMaxMb, long malformed, long dropped,
                       Optional<String> topologyProblem, Optional<Duration> heartbeat) {
            this(instance, rev, hash, since, inputsPerSecond, queue, heapUsedMb, heapMaxMb, malformed, dropped,
                    topologyProblem, heartbeat, HeartbeatForm.FULL);
        }

        /** A status that does not announce its heartbeat interval. */
        public Running(String instance, long rev, String hash, Instant since, double inputsPerSecond, int queue,
                       long heapUsedMb, long heapMaxMb, long malformed, long dropped,
                       Optional<String> topologyProblem) {
            this(instance, rev, hash, since, inputsPerSecond, queue, heapUsedMb, heapMaxMb, malformed, dropped,
                    topologyProblem, Optional.empty());
        }

        private static void requirePositive(String field, Optional<Duration> value) {
            value.ifPresent(d -> {
                if (d.isNegative() || d.isZero()) {
                    throw new IllegalArgumentException(field + ": must be a positive number of ms, got "
                            + d.toMillis());
                }
            });
        }

        private static void requireAtLeastZero(String field, long value) {
            if (value < 0) {
                throw new IllegalArgumentException(field + ": must be >= 0, got " + value);
            }
        }
    }

    private static Boolean requireIds(List<String> neurons) {
        Ids.requireAll("neurons", neurons);
        return Boolean.TRUE;
    }
}
