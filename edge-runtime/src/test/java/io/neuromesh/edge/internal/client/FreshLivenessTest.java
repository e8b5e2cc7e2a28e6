package io.neuromesh.edge.internal.client;

import io.neuromesh.edge.wire.HeartbeatForm;
import io.neuromesh.edge.wire.NodeState;
import io.neuromesh.edge.wire.NodeStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(30)
class FreshLivenessTest {

    private static final Instant TS = Instant.ofEpochMilli(1_767_225_600_000L);
    private static final Duration BEAT = Duration.ofMillis(200);

    private static NodeStatus status(String node, HeartbeatForm heartbeats) {
        return NodeStatus.live(NodeState.ONLINE, node, List.of("x"), TS, new NodeStatus.Running("3f2a", 1, "1a26",
                TS, 0, 0, 31, 6028, 0, 0, Optional.empty(), Optional.of(BEAT), heartbeats));
    }

    @Test
    void withoutANodeMarkedCompactItReturnsAtOnce() {
        FreshLiveness fresh = new FreshLiveness();
        Map<String, NodeStatus> statuses = Map.of("n1", status("n1", HeartbeatForm.FULL),
                "n2", NodeStatus.offline("n2", "shutdown", TS));
        // An hour's timeout: only returning without waiting ends this within the second allowed.
        Set<String> old = assertTimeoutPreemptively(Duration.ofSeconds(1),
                () -> fresh.await(statuses, Duration.ofHours(1)));
        assertEquals(Set.of(), old);
    }

    @Test
    void aMarkedNodeHeardBeforeOrDuringTheWaitHasFreshLiveness() throws Exception {
        FreshLiveness fresh = new FreshLiveness();
        fresh.heard("n1");
        Map<String, NodeStatus> statuses = Map.of("n1", status("n1", HeartbeatForm.COMPACT),
                "n2", status("n2", HeartbeatForm.COMPACT));
        CompletableFuture<Void> later = CompletableFuture.runAsync(() -> fresh.heard("n2"),
                CompletableFuture.delayedExecutor(50, TimeUnit.MILLISECONDS));
        long start = System.nanoTime();
        assertEquals(Set.of(), fresh.await(statuses, Duration.ofHours(1)));
        later.join();
        assertTrue(System.nanoTime() - start < BEAT.plus(FreshLiveness.GRACE).toNanos(),
                "it returned when n2 was heard, before n2's deadline");
    }

    @Test
    void aMarkedNodeNotHeardWithinItsIntervalAndGraceHasOldLiveness() throws Exception {
        FreshLiveness fresh = new FreshLiveness();
        long start = System.nanoTime();
        assertEquals(Set.of("n1"), fresh.await(Map.of("n1", status("n1", HeartbeatForm.COMPACT)),
                Duration.ofHours(1)));
        assertTrue(System.nanoTime() - start >= BEAT.plus(FreshLiveness.GRACE).toNanos(), "it waited the interval");
    }

    @Test
    void theTimeoutBoundsTheWait() throws Exception {
        FreshLiveness fresh = new FreshLiveness();
        NodeStatus slow = NodeStatus.live(NodeState.ONLINE, "n1", List.of("x"), TS, new NodeStatus.Running("3f2a", 1,
                "1a26", TS, 0, 0, 31, 6028, 0, 0, Optional.empty(), Optional.of(Duration.ofHours(1)),
                HeartbeatForm.COMPACT));
        Set<String> old = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> fresh.await(Map.of("n1", slow), Duration.ofMillis(100)));
        assertEquals(Set.of("n1"), old);
    }
}
