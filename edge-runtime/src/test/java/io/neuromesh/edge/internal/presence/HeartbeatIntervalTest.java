package io.neuromesh.edge.internal.presence;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HeartbeatIntervalTest {

    private static final Duration SECOND = Duration.ofSeconds(1);

    @Test
    void upToFiveNodesBeatEveryHeartbeatALargerFleetProportionallyLessOften() {
        assertEquals(SECOND, HeartbeatInterval.of(SECOND, 1));
        assertEquals(SECOND, HeartbeatInterval.of(SECOND, 5));
        assertEquals(Duration.ofSeconds(2), HeartbeatInterval.of(SECOND, 10));
        assertEquals(Duration.ofSeconds(6), HeartbeatInterval.of(SECOND, 30));
        assertEquals(Duration.ofSeconds(20), HeartbeatInterval.of(SECOND, 100));
        assertEquals(Duration.ofMillis(400), HeartbeatInterval.of(Duration.ofMillis(200), 10), "scales the setting");
    }

    @Test
    void theNextHeartbeatIsJitteredBelowTheIntervalAndAStatusNeverPromisesLessThanTheBeatAlreadyScheduled() {
        AtomicInteger nodes = new AtomicInteger(30);
        HeartbeatInterval interval = new HeartbeatInterval(SECOND, nodes::get);
        for (int i = 0; i < 200; i++) {
            Duration next = interval.next();
            assertTrue(next.compareTo(Duration.ofMillis(4_800)) >= 0 && next.compareTo(Duration.ofSeconds(6)) <= 0,
                    "80-100 % of 6 s: " + next);
            assertTrue(interval.announce().compareTo(next) >= 0, "a status promises the scheduled beat");
        }
        // 28 of the 30 nodes die: the interval shrinks, but a status published before the beat already scheduled
        // (up to 6 s away) still promises that beat, so peers do not count this node gone meanwhile.
        Duration scheduled = interval.next();
        nodes.set(2);
        assertTrue(interval.announce().compareTo(scheduled) >= 0, interval.announce() + " >= " + scheduled);
        Duration small = interval.next();
        assertTrue(small.compareTo(SECOND) <= 0, "the fleet shrank: " + small);
        assertTrue(interval.announce().compareTo(SECOND) >= 0 && interval.announce().compareTo(
                Duration.ofMillis(1_001)) <= 0, "then it promises the new interval: " + interval.announce());
    }
}
