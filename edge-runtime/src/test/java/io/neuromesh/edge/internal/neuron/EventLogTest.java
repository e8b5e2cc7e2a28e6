package io.neuromesh.edge.internal.neuron;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class EventLogTest {

    @Test
    void keepsTheNewestEventsUpToItsCapacityInOrder() {
        EventLog log = new EventLog(5);
        for (int i = 1; i <= 12; i++) {
            log.add(i, EventKind.INPUT, "s", i, 0);
        }
        List<Long> times = log.events(0).stream().map(EventLog.Event::epochMicros).toList();
        assertEquals(List.of(8L, 9L, 10L, 11L, 12L), times);
        assertEquals(12, log.total());
    }

    @Test
    void filtersBySinceAndClears() {
        EventLog log = new EventLog(8);
        log.add(10, EventKind.FIRED, null, 1, 1);
        log.add(20, EventKind.OUTPUT, null, 1, 1);
        assertEquals(1, log.events(15).size());
        log.clear();
        assertEquals(0, log.events(0).size());
    }

    @Test
    void rejectsANonPositiveCapacity() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new EventLog(0));
        assertEquals("capacity: must be >= 1, got 0", e.getMessage());
    }
}
