package io.neuromesh.edge.internal.neuron;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class EventThrottleTest {

    private static final long T0 = 1_700_000_000_000_000L;

    @Test
    void admitsOneEventPerSecondAndCountsTheOnesItFolds() {
        EventThrottle throttle = new EventThrottle();
        assertEquals(0, throttle.admit(T0));
        assertEquals(EventThrottle.FOLDED, throttle.admit(T0 + 1));
        assertEquals(EventThrottle.FOLDED, throttle.admit(T0 + 999_999));
        assertEquals(2, throttle.admit(T0 + 1_000_000), "the next one, a second later, says how many were left out");
        assertEquals(0, throttle.admit(T0 + 5_000_000), "a quiet spell starts over at none folded");
    }

    @Test
    void theLogKeepsOneEventPerKindASecond() {
        EventLog log = new EventLog(8);
        for (int i = 0; i < 10; i++) {
            log.addLimited(T0 + i, EventKind.REJECTED, "bad", 0);
            log.addLimited(T0 + i, EventKind.IGNORED, "q", 0);
        }
        log.addLimited(T0 + 1_000_000, EventKind.REJECTED, "bad", 0);
        assertEquals(3, log.events(0).size());
        EventLog.Event last = log.events(0).get(2);
        assertEquals("input rejected: bad (and 9 more)", last.kind().describe("a", last.source(), last.value(), 0));
    }
}
