package io.neuromesh.edge.internal.client;

import io.neuromesh.edge.wire.HeartbeatForm;
import io.neuromesh.edge.wire.NodeStatus;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * A one-shot reader's wait for fresh liveness. A node that sends compact heartbeats ({@link HeartbeatForm#COMPACT})
 * leaves its full status retained for up to 30 heartbeats, so the liveness a new subscriber gets (ts, load, counters)
 * may be that old; its next message on the topic, compact or full, is fresh. This class records which nodes were
 * heard live (not replayed from the retained store) since the client subscribed, and waits for the others.
 *
 * <p>Threading: {@link #heard} runs on the client's callback thread and never blocks (a notify under a short lock);
 * {@link #await} blocks the caller's thread.
 */
final class FreshLiveness {

    /**
     * Beyond a node's announced interval ({@code heartbeatMs}, already the longest it waits, jitter included): the
     * broker's delivery and a loaded machine's scheduling, which take milliseconds, with a wide margin.
     */
    static final Duration GRACE = Duration.ofSeconds(1);

    private final Set<String> heard = new HashSet<>();

    /** Callback thread: a status of {@code node} delivered live. */
    synchronized void heard(String node) {
        heard.add(node);
        notifyAll();
    }

    /**
     * Waits, for each live node of {@code statuses} marked {@link HeartbeatForm#COMPACT} and not heard live yet, up
     * to its heartbeat interval plus {@link #GRACE} (at most {@code timeout}) for its next status. Returns at once
     * when there is none, the common case.
     *
     * @return the nodes not heard in time, sorted: what is known of their liveness is the retained copy's
     */
    synchronized Set<String> await(Map<String, NodeStatus> statuses, Duration timeout) throws InterruptedException {
        long start = System.nanoTime();
        Map<String, Long> deadlines = new HashMap<>();
        statuses.values().forEach(status -> status.running().filter(r -> r.heartbeats() == HeartbeatForm.COMPACT)
                .ifPresent(running -> {
                    Duration wait = running.heartbeat().map(beat -> beat.plus(GRACE)).orElse(timeout);
                    deadlines.put(status.node(), start + (wait.compareTo(timeout) < 0 ? wait : timeout).toNanos());
                }));
        while (true) {
            deadlines.keySet().removeAll(heard);
            long latest = deadlines.values().stream().mapToLong(Long::longValue).max().orElse(start);
            long left = latest - System.nanoTime();
            if (deadlines.isEmpty() || left <= 0) {
                return new TreeSet<>(deadlines.keySet());
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }
}
