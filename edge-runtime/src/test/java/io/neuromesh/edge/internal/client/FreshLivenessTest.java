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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(30)
class FreshLivenessTest {

    private static final Instant TS = Instant.ofEpochMilli(1_767_225_600_000L);
    private static final Duration BEAT = Duration.ofMillis(200);

    private static NodeStatus status(String node, HeartbeatForm heartbeats) {
        return status(node, heartbeats, TS, BEAT);
    }

    private static NodeStatus status(String node, HeartbeatForm heartbeats, Instant ts, Duration beat) {
        return NodeStatus.live(NodeState.ONLINE, node, List.of("x"), ts, new NodeStatus.Running("3f2a", 1, "1a26",
                ts, 0, 0, 31, 6028, 0, 0, Optional.empty(), Optional.of(beat), heartbeats));
    }

    @Test
    void withoutANodeMarkedCompactOrSilentItReturnsAtOnce() {
        FreshLiveness fresh = new FreshLiveness();
        Map<String, NodeStatus> statuses = Map.of("n1", status("n1", HeartbeatForm.FULL, Instant.now(), BEAT),
                "n2", NodeStatus.offline("n2", "shutdown", TS));
        // An hour's timeout: only returning without waiting ends this within the second allowed.
        Set<String> old = assertTimeoutPreemptively(Duration.ofSeconds(1),
                () -> fresh.await(statuses, Duration.ofHours(1), true));
        assertEquals(Set.of(), old);
    }

    @Test
    void aRetainedFullStatusOlderThanThePeersAllowanceIsSilent() {
        FreshLiveness fresh = new FreshLiveness();
        Instant now = Instant.now();
        // Peers allow 3.5 heartbeats, at least their --offline-after of 3.5 s.
        assertTrue(fresh.silent(status("n1", HeartbeatForm.FULL, now.minusSeconds(4), BEAT), now));
        assertFalse(fresh.silent(status("n1", HeartbeatForm.FULL, now.minusSeconds(3), BEAT), now));
        // A node of a large fleet beats every 10 s: 35 s.
        assertFalse(fresh.silent(status("n1", HeartbeatForm.FULL, now.minusSeconds(30), Duration.ofSeconds(10)),
                now));
        assertTrue(fresh.silent(status("n1", HeartbeatForm.FULL, now.minusSeconds(36), Duration.ofSeconds(10)),
                now));
        assertFalse(fresh.silent(NodeStatus.offline("n1", "shutdown", TS), now), "offline is not silent");
    }

    @Test
    void aNodeThatSaysHowLongItsPeersLetItBeSilentIsJudgedByThat() {
        FreshLiveness fresh = new FreshLiveness();
        Instant now = Instant.now();
        // A fleet started with --offline-after 10s: its peers wait 10 s, so readers do too.
        assertFalse(fresh.silent(announcing(now.minusSeconds(9), Duration.ofSeconds(10)), now));
        assertTrue(fresh.silent(announcing(now.minusSeconds(11), Duration.ofSeconds(10)), now));
        // And one with --offline-after 1s is silent sooner than the defaults would say.
        assertTrue(fresh.silent(announcing(now.minusSeconds(2), Duration.ofSeconds(1)), now));
        assertEquals(Duration.ofSeconds(10), FreshLiveness.allowance(announcing(now, Duration.ofSeconds(10))));
        assertEquals(Duration.ofMillis(3500), FreshLiveness.allowance(status("n1", HeartbeatForm.FULL)),
                "a node that does not say gets the defaults' 3.5 s");
    }

    private static NodeStatus announcing(Instant ts, Duration offlineAfter) {
        return NodeStatus.live(NodeState.ONLINE, "n1", List.of("x"), ts, new NodeStatus.Running("3f2a", 1, "1a26",
                ts, 0, 0, 31, 6028, 0, 0, Optional.empty(), Optional.of(BEAT), HeartbeatForm.FULL,
                Optional.of(offlineAfter)));
    }

    @Test
    void aNodeHeardLiveIsJudgedByWhenItWasHeardNotByItsOwnClock() {
        FreshLiveness fresh = new FreshLiveness();
        fresh.heard("n1");
        Instant now = Instant.now();
        assertFalse(fresh.silent(status("n1", HeartbeatForm.FULL, now.minus(Duration.ofHours(1)), BEAT), now),
                "its clock is an hour behind");
    }

    @Test
    void aCompactNodeNotHeardYetCountsFromWhenTheReaderSubscribed() {
        // Its retained full status may be 30 heartbeats old while it beats compact heartbeats every interval.
        FreshLiveness fresh = new FreshLiveness();
        Instant now = Instant.now();
        assertFalse(fresh.silent(status("n1", HeartbeatForm.COMPACT, now.minusSeconds(25), BEAT), now));
    }

    @Test
    void aSilentLookingNodeIsWaitedForAndStaysSilentWhenNotHeard() throws Exception {
        FreshLiveness fresh = new FreshLiveness();
        NodeStatus quiet = status("n1", HeartbeatForm.FULL, Instant.now().minusSeconds(60), BEAT);
        long start = System.nanoTime();
        assertEquals(Set.of("n1"), fresh.await(Map.of("n1", quiet), Duration.ofHours(1), false));
        assertTrue(System.nanoTime() - start >= BEAT.plus(FreshLiveness.GRACE).toNanos(), "it waited the interval");
        assertTrue(fresh.silent(quiet, Instant.now()));
    }

    @Test
    void aSilentLookingNodeHeardDuringTheWaitIsNotSilent() throws Exception {
        FreshLiveness fresh = new FreshLiveness();
        NodeStatus behind = status("n1", HeartbeatForm.FULL, Instant.now().minusSeconds(60), BEAT);
        CompletableFuture<Void> later = CompletableFuture.runAsync(() -> fresh.heard("n1"),
                CompletableFuture.delayedExecutor(50, TimeUnit.MILLISECONDS));
        assertEquals(Set.of(), fresh.await(Map.of("n1", behind), Duration.ofHours(1), false));
        later.join();
        assertFalse(fresh.silent(behind, Instant.now()));
    }

    @Test
    void compactNodesAreWaitedForOnlyWhenAsked() {
        FreshLiveness fresh = new FreshLiveness();
        Set<String> old = assertTimeoutPreemptively(Duration.ofSeconds(1),
                () -> fresh.await(Map.of("n1", status("n1", HeartbeatForm.COMPACT)), Duration.ofHours(1), false));
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
        assertEquals(Set.of(), fresh.await(statuses, Duration.ofHours(1), true));
        later.join();
        assertTrue(System.nanoTime() - start < BEAT.plus(FreshLiveness.GRACE).toNanos(),
                "it returned when n2 was heard, before n2's deadline");
    }

    @Test
    void aMarkedNodeNotHeardWithinItsIntervalAndGraceHasOldLiveness() throws Exception {
        FreshLiveness fresh = new FreshLiveness();
        long start = System.nanoTime();
        assertEquals(Set.of("n1"), fresh.await(Map.of("n1", status("n1", HeartbeatForm.COMPACT)),
                Duration.ofHours(1), true));
        assertTrue(System.nanoTime() - start >= BEAT.plus(FreshLiveness.GRACE).toNanos(), "it waited the interval");
    }

    @Test
    void theTimeoutBoundsTheWait() throws Exception {
        FreshLiveness fresh = new FreshLiveness();
        NodeStatus slow = NodeStatus.live(NodeState.ONLINE, "n1", List.of("x"), TS, new NodeStatus.Running("3f2a", 1,
                "1a26", TS, 0, 0, 31, 6028, 0, 0, Optional.empty(), Optional.of(Duration.ofHours(1)),
                HeartbeatForm.COMPACT));
        Set<String> old = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> fresh.await(Map.of("n1", slow), Duration.ofMillis(100), true));
        assertEquals(Set.of("n1"), old);
    }
}
