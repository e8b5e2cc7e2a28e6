package io.neuromesh.edge.internal.presence;

import io.neuromesh.edge.wire.NodeState;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MembershipTest {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000_000L);
    private final Membership membership = new Membership("n1", Duration.ofSeconds(3).toNanos(), nanos::get);

    private void advance(Duration d) {
        nanos.addAndGet(d.toNanos());
    }

    @Test
    void aNodeAlwaysCountsItselfOnline() {
        assertEquals(Set.of("n1"), membership.online());
        assertFalse(membership.onStatus("n1", NodeState.OFFLINE, 0, List.of()), "its own old Last Will does not count");
        assertEquals(Set.of("n1"), membership.online());
    }

    @Test
    void peersJoinWithAnOnlineStatusAndLeaveWithTheirLastWillAtOnce() {
        assertTrue(membership.onStatus("n2", NodeState.ONLINE, 0, List.of("h1")));
        assertEquals(new TreeSet<>(Set.of("n1", "n2")), membership.online());
        assertFalse(membership.onStatus("n2", NodeState.ONLINE, 0, List.of("h1")), "a heartbeat changes nothing");
        assertTrue(membership.onStatus("n2", NodeState.OFFLINE, 0, List.of()));
        assertEquals(Set.of("n1"), membership.online());
    }

    @Test
    void aLeavingPeerIsNoLongerOnlineButItsNeuronsAreKnown() {
        membership.onStatus("n2", NodeState.ONLINE, 0, List.of());
        membership.onStatus("n3", NodeState.ONLINE, 0, List.of("h1", "h2"));
        assertTrue(membership.onStatus("n2", NodeState.LEAVING, 0, List.of("z")));
        assertEquals(new TreeSet<>(Set.of("n1", "n3")), membership.online());
        assertTrue(membership.hostedElsewhere("h2"));
        assertFalse(membership.hostedElsewhere("z"), "a leaving node does not count as a host");
    }

    @Test
    void aPeerThatMissesItsHeartbeatsGoesOfflineAndComesBackWithTheNextOne() {
        membership.onStatus("n2", NodeState.ONLINE, 0, List.of());
        advance(Duration.ofSeconds(2));
        assertFalse(membership.refresh());
        advance(Duration.ofMillis(1500));
        assertTrue(membership.refresh(), "3.5 s without a heartbeat");
        assertEquals(Set.of("n1"), membership.online());
        assertTrue(membership.onStatus("n2", NodeState.ONLINE, 0, List.of()));
        assertEquals(new TreeSet<>(Set.of("n1", "n2")), membership.online());
    }

    @Test
    void timeThisNodeCouldNotListenIsNotSilenceOfItsPeers() {
        membership.onStatus("n2", NodeState.ONLINE, 0, List.of());
        membership.onStatus("n3", NodeState.ONLINE, Duration.ofSeconds(2).toMillis(), List.of());
        advance(Duration.ofSeconds(5));
        assertFalse(membership.forgive(Duration.ofSeconds(5).toNanos()), "stalled for 5 s: nobody expired");
        assertEquals(new TreeSet<>(Set.of("n1", "n2", "n3")), membership.online());
        advance(Duration.ofMillis(1100));
        assertTrue(membership.refresh(), "n3 was already silent for 2 s before the stall");
        assertEquals(new TreeSet<>(Set.of("n1", "n2")), membership.online());
    }

    @Test
    void anOldRetainedOnlineStatusDoesNotCountAsAlive() {
        assertFalse(membership.onStatus("n9", NodeState.ONLINE, Duration.ofMinutes(5).toMillis(), List.of()),
                "a node that stopped without a Last Will five minutes ago");
        assertEquals(Set.of("n1"), membership.online());
    }
}
