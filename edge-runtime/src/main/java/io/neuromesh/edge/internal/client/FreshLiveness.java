package io.neuromesh.edge.internal.client;

import io.neuromesh.edge.EdgeConfig;
import io.neuromesh.edge.internal.presence.NodeStatusPresence;
import io.neuromesh.edge.wire.HeartbeatForm;
import io.neuromesh.edge.wire.NodeState;
import io.neuromesh.edge.wire.NodeStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A reader's judgement of the nodes' liveness, from what it heard. A node that sends compact heartbeats
 * ({@link HeartbeatForm#COMPACT}) leaves its full status retained for up to 30 heartbeats, so the liveness a new
 * subscriber gets (ts, load, counters) may be that old; its next message on the topic, compact or full, is fresh. A
 * node that says online but has not been heard for longer than the silence its peers allow ({@link #silent}) is
 * counted gone by them: a frozen process, or a site whose bridge is down.
 *
 * <p>Threading: {@link #heard} runs on the client's callback thread and never blocks (a notify under a short lock);
 * {@link #await} blocks the caller's thread; {@link #silent} may run on any.
 */
final class FreshLiveness {

    /**
     * Beyond a node's announced interval ({@code heartbeatMs}, already the longest it waits, jitter included): the
     * broker's delivery and a loaded machine's scheduling, which take milliseconds, with a wide margin.
     */
    static final Duration GRACE = Duration.ofSeconds(1);
    /**
     * The silence the fleet's nodes allow a peer at their defaults (3.5 of its heartbeat intervals, at least 3.5 s):
     * for a node that does not announce its own ({@code offlineAfterMs}; earlier versions).
     */
    private static final NodeStatusPresence PEERS = NodeStatusPresence.watching(EdgeConfig.DEFAULT_HEARTBEAT,
            EdgeConfig.DEFAULT_OFFLINE_AFTER);

    private final long subscribedNanos = System.nanoTime();
    /** When each node's status was last delivered live (not replayed from the retained store). */
    private final Map<String, Long> heardNanos = new HashMap<>();

    /** Callback thread: a status of {@code node} delivered live. */
    synchronized void heard(String node) {
        heardNanos.put(node, System.nanoTime());
        notifyAll();
    }

    /**
     * True when {@code status} says online or leaving but its node has been quiet for longer than its peers allow:
     * since it was last heard live; when it was not, since the time stamp of its retained status (it republishes
     * that every heartbeat), or for compact heartbeats since this reader subscribed. A node whose clock runs behind
     * looks silent from its retained status until its next heartbeat: one-shot readers {@link #await} it first.
     */
    synchronized boolean silent(NodeStatus status, Instant now) {
        if (status.state() == NodeState.OFFLINE) {
            return false;
        }
        Long heard = heardNanos.get(status.node());
        Duration quiet;
        if (heard != null) {
            quiet = Duration.ofNanos(System.nanoTime() - heard);
        } else if (compact(status)) {
            quiet = Duration.ofNanos(System.nanoTime() - subscribedNanos);
        } else {
            quiet = Duration.between(status.timestamp(), now);
        }
        return quiet.compareTo(allowance(status)) > 0;
    }

    /** The silence a node's peers allow it: what it announces, when set as it is, else what the defaults allow. */
    static Duration allowance(NodeStatus status) {
        return status.running().flatMap(NodeStatus.Running::offlineAfter).orElseGet(() -> PEERS.offlineAfter(status));
    }

    /**
     * Waits, for each node of {@code statuses} that looks {@link #silent} or (when {@code compactToo}) is marked
     * {@link HeartbeatForm#COMPACT} and was not heard live yet, up to its heartbeat interval plus {@link #GRACE} (at
     * most {@code timeout}) for its next status. Returns at once when there is none, the common case.
     *
     * @return the nodes waited for and not heard in time, sorted
     */
    synchronized Set<String> await(Map<String, NodeStatus> statuses, Duration timeout, boolean compactToo)
            throws InterruptedException {
        long start = System.nanoTime();
        Instant now = Instant.now();
        Predicate<NodeStatus> waitFor = status -> silent(status, now)
                || compactToo && compact(status) && !heardNanos.containsKey(status.node());
        Map<String, Long> deadlines = new HashMap<>();
        statuses.values().stream().filter(waitFor).forEach(status -> {
            Duration wait = status.running().flatMap(NodeStatus.Running::heartbeat).map(beat -> beat.plus(GRACE))
                    .orElse(timeout);
            deadlines.put(status.node(), start + (wait.compareTo(timeout) < 0 ? wait : timeout).toNanos());
        });
        while (true) {
            deadlines.keySet().removeIf(node -> heardNanos.getOrDefault(node, start) - start > 0);
            long latest = deadlines.values().stream().mapToLong(Long::longValue).max().orElse(start);
            long left = latest - System.nanoTime();
            if (deadlines.isEmpty() || left <= 0) {
                return new TreeSet<>(deadlines.keySet());
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    private static boolean compact(NodeStatus status) {
        return status.running().filter(r -> r.heartbeats() == HeartbeatForm.COMPACT).isPresent();
    }
}
